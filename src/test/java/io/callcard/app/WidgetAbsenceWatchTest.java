package io.callcard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callcard.call.CallCardStatus;
import io.callcard.call.CallDirection;
import io.callcard.call.CallEvent;
import io.callcard.call.CallSnapshot;
import io.callcard.call.CallStateReducer;
import io.callcard.call.CallUpdate;
import io.callcard.call.CallerNumber;
import io.callcard.wire.CallCardFields;
import io.callcard.wire.PhpForm;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A call only the portal's server events told of is reported once; a call the widget spoke for never is. */
class WidgetAbsenceWatchTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    private final List<String> reported = new ArrayList<>();
    private String agent;
    private final WidgetAbsenceWatch watch = new WidgetAbsenceWatch(() -> Optional.ofNullable(agent),
            call -> reported.add(call.callId()));
    private CallSnapshot snapshot = CallSnapshot.EMPTY;

    private void apply(CallEvent event) {
        CallSnapshot previous = snapshot;
        snapshot = CallStateReducer.reduce(previous, event);
        if (!snapshot.sameExceptUpdatedAt(previous)) {
            watch.accept(new CallUpdate(event, previous, snapshot));
        }
    }

    private static Instant t(long s) {
        return T0.plusSeconds(s);
    }

    private void serverCall(String callId, long at, String answeredBy) {
        apply(new CallEvent.ServerCallStarted(t(at), callId, CallDirection.INCOMING, CallerNumber.of("+4930123456")));
        apply(new CallEvent.ServerCallAnswered(t(at + 5), callId, answeredBy));
        apply(new CallEvent.ServerCallEnded(t(at + 60), callId, CallDirection.INCOMING, CallerNumber.of("+4930123456"),
                Duration.ofSeconds(55), null, "200", "", null));
    }

    @Test
    void anAnsweredCallNoWidgetReportedIsSaidOnce() {
        serverCall("server-only", 0, "7");
        assertEquals(List.of("server-only"), reported);
        apply(new CallEvent.ServerCallEnded(t(70), "server-only", CallDirection.INCOMING,
                CallerNumber.of("+4930123456"), Duration.ofSeconds(55), null, "200", "", 42L));
        assertEquals(List.of("server-only"), reported, "a second END says nothing new");
    }

    @Test
    void aCallTheWidgetOpenedForIsNotReported() {
        apply(new CallEvent.ServerCallStarted(t(0), "seen", CallDirection.INCOMING, CallerNumber.of("+4930123456")));
        apply(new CallEvent.WidgetOpened(t(2), widgetStatus("seen")));
        apply(new CallEvent.ServerCallAnswered(t(5), "seen", "7"));
        apply(new CallEvent.ServerCallEnded(t(60), "seen", CallDirection.INCOMING, CallerNumber.of("+4930123456"),
                Duration.ofSeconds(55), null, "200", "", null));
        assertEquals(List.of(), reported);
    }

    @Test
    void anotherAgentsCallIsNotReportedOnceTheAgentIsKnown() {
        agent = "1";
        serverCall("colleague", 0, "7");
        assertEquals(List.of(), reported, "answered by user 7, not by this agent");
        serverCall("mine", 100, "1");
        assertEquals(List.of("mine"), reported);
    }

    @Test
    void aCallNobodyAnsweredSaysNothingAboutWhoseCardRang() {
        apply(new CallEvent.ServerCallStarted(t(0), "missed", CallDirection.INCOMING, CallerNumber.of("+4930123456")));
        apply(new CallEvent.ServerCallEnded(t(30), "missed", CallDirection.INCOMING, CallerNumber.of("+4930123456"),
                Duration.ZERO, null, "304", "Missed call", null));
        assertEquals(List.of(), reported);
    }

    private static CallCardStatus widgetStatus(String callId) {
        return CallCardStatus.of(CallCardFields.decode(PhpForm.decode("CALL_ID=" + callId
                + "&CALL_STATE=connecting&PHONE_NUMBER=%2B4930123456&CRM_ENTITY_TYPE=&CRM_ENTITY_ID=0")));
    }
}
