package io.callcard.listener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.BindException;
import org.junit.jupiter.api.Test;

class ListenerStartExceptionTest {

    @Test
    void addressInUseOnEverySystemIsPortInUse() {
        assertEquals(ListenerStartException.Reason.PORT_IN_USE,
                ListenerStartException.reasonFor(new BindException("Address already in use")));
        assertEquals(ListenerStartException.Reason.PORT_IN_USE,
                ListenerStartException.reasonFor(new BindException("Address already in use: bind")));
    }

    @Test
    void refusedPortIsPermissionDenied() {
        assertEquals(ListenerStartException.Reason.PERMISSION_DENIED,
                ListenerStartException.reasonFor(new BindException("Permission denied")));
        assertEquals(ListenerStartException.Reason.PERMISSION_DENIED,
                ListenerStartException.reasonFor(new BindException(
                        "An attempt was made to access a socket in a way forbidden by its access permissions")));
    }

    @Test
    void anythingElseIsOther() {
        assertEquals(ListenerStartException.Reason.OTHER,
                ListenerStartException.reasonFor(new BindException("Cannot assign requested address")));
        assertEquals(ListenerStartException.Reason.OTHER,
                ListenerStartException.reasonFor(new IOException("Address already in use")));
        assertEquals(ListenerStartException.Reason.OTHER, ListenerStartException.reasonFor(new BindException()));
    }

    @Test
    void carriesReasonPortAndCause() {
        BindException cause = new BindException("Address already in use");
        ListenerStartException failure = new ListenerStartException(ListenerStartException.Reason.PORT_IN_USE, 48024,
                cause);

        assertEquals(ListenerStartException.Reason.PORT_IN_USE, failure.reason());
        assertEquals(48024, failure.port());
        assertSame(cause, failure.getCause());
        assertTrue(failure.getMessage().contains("48024"));
    }
}
