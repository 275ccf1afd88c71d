package io.callcard.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.portal.PortalClient;
import io.callcard.portal.PortalError;
import io.callcard.portal.PortalException;
import io.callcard.portal.RetryPolicy;
import io.callcard.sandbox.rest.SandboxRestServer;
import io.callcard.testing.SimulatedTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The portal's two other limits (protocol.md §4, resp_errors_documented.jsonc) against the product's client:
 * {@code OPERATION_TIME_LIMIT} (429, one method's execution-time budget) is backed off and retried like
 * {@code QUERY_LIMIT_EXCEEDED}; {@code OVERLOAD_LIMIT} (503, the whole portal, for minutes) reaches the caller at once,
 * typed and retryable, for the caller (and the user) to try later.
 */
class PortalLimitsContractTest {

    private final SandboxRestServer server = SandboxRestServer.builder().start();
    private final ContractPortal.Wire wire = new ContractPortal.Wire();
    private final SimulatedTime.Jumping clock = new SimulatedTime.Jumping();
    private final List<String> heard = new ArrayList<>();

    @AfterEach
    void stop() {
        server.close();
    }

    private PortalClient client() {
        return ContractPortal.client(server, ContractPortal.webhook(server), wire).clock(clock)
                .retryPolicy(RetryPolicy.standard())
                .listener((method, reason, retry, wait) -> heard.add(method + " " + reason + " " + retry))
                .build();
    }

    @Test
    void aMethodOverItsTimeBudgetIsBackedOffUntilItAnswersAgain() throws Exception {
        server.faults().operationTimeLimit("user.current", 2);
        try (PortalClient client = client()) {
            assertTrue(client.call("user.current", null).result().isObject());
        }
        assertEquals(List.of(429L, 429L, 200L), statuses());
        assertEquals(List.of("user.current OPERATION_TIME_LIMIT 1", "user.current OPERATION_TIME_LIMIT 2"), heard);
        assertTrue(clock.nanoTime() > 0, "the client waited (on its clock) before each retry");
    }

    @Test
    void aMethodThatStaysOverItsBudgetEndsInATypedRetryableError() throws Exception {
        server.faults().operationTimeLimit("user.current", 100);
        try (PortalClient client = client()) {
            PortalException e = assertThrows(PortalException.class, () -> client.call("user.current", null));
            assertEquals(PortalError.OPERATION_TIME_LIMIT, e.error());
            assertEquals(429, e.httpStatus());
            assertTrue(e.retryable());
            assertFalse(e.needsUserAction());
            assertEquals(RetryPolicy.standard().maxRetries() + 1, wire.count(), "bounded: the try and each retry");
            assertTrue(client.call("scope", null).result().isArray(), "only that method is limited");
        }
    }

    @Test
    void anOverloadedPortalIsReportedAtOnceAsRetryable() throws Exception {
        server.faults().overload(true);
        try (PortalClient client = client()) {
            PortalException e = assertThrows(PortalException.class, () -> client.call("user.current", null));
            assertEquals(PortalError.OVERLOAD_LIMIT, e.error());
            assertEquals(503, e.httpStatus());
            assertTrue(e.retryable());
            assertFalse(e.needsUserAction());
            assertEquals(1, wire.count(), "no automatic retry: the portal is blocked for minutes");
            assertEquals(List.of(), heard);
            server.faults().overload(false);
            assertTrue(client.call("user.current", null).result().isObject());
        }
    }

    private List<Long> statuses() {
        return wire.exchanges.stream().map(e -> (long) e.status()).toList();
    }
}
