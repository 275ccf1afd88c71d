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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's fault switches against the product's client. The client's documented policy: it backs off and
 * retries only the portal's rate limits ({@code QUERY_LIMIT_EXCEEDED}, {@code OPERATION_TIME_LIMIT}), at most
 * {@link RetryPolicy#standard()}'s four times, telling its {@link io.callcard.portal.BackoffObserver}; every other
 * failure reaches the caller at once, typed and flagged retryable or not, for the caller to decide.
 */
class FaultsContractTest {

    private final SandboxRestServer server = SandboxRestServer.builder().start();
    private final ContractPortal.Wire wire = new ContractPortal.Wire();

    @AfterEach
    void stop() {
        server.close();
    }

    private PortalClient client() {
        return ContractPortal.client(server, ContractPortal.webhook(server), wire).build();
    }

    private PortalException failure(PortalClient client) {
        return assertThrows(PortalException.class, () -> client.call("user.current", null));
    }

    @Test
    void aBurstOf500sReachesTheCallerAsRetryableUntilItEnds() throws Exception {
        server.faults().serverErrorBurst(2);
        try (PortalClient client = client()) {
            for (int i = 0; i < 2; i++) {
                PortalException e = failure(client);
                assertEquals(PortalError.INTERNAL_SERVER_ERROR, e.error());
                assertEquals(500, e.httpStatus());
                assertTrue(e.retryable());
                assertFalse(e.needsUserAction());
            }
            assertEquals(2, wire.count(), "the client itself does not repeat a 500");
            assertTrue(client.call("user.current", null).result().isObject(), "the burst is over");
        }
        assertEquals(3, wire.count());
    }

    @Test
    void aDroppedConnectionIsARetryableNetworkError() throws Exception {
        server.faults().dropNextConnections(1);
        try (PortalClient client = client()) {
            PortalException e = failure(client);
            assertEquals(PortalError.NETWORK_ERROR, e.error());
            assertEquals(0, e.httpStatus());
            assertTrue(e.retryable());
            assertEquals(1, wire.count(), "neither OkHttp nor the client repeats the request on its own");
            server.faults().clear();
            assertTrue(client.call("user.current", null).result().isObject());
        }
    }

    @Test
    void aGarbageBodyIsNotJson() throws Exception {
        server.faults().garbageBodies(true);
        try (PortalClient client = client()) {
            PortalException e = failure(client);
            assertEquals(PortalError.NOT_JSON, e.error());
            assertEquals(200, e.httpStatus());
            assertFalse(e.retryable());
            server.faults().garbageBodies(false);
            assertTrue(client.call("user.current", null).result().isObject());
        }
        assertEquals(2, wire.count());
    }

    @Test
    void latencyBeyondTheReadTimeoutIsATimeout() throws Exception {
        server.faults().latency(Duration.ofMillis(1_500));
        try (PortalClient client = ContractPortal.client(server, ContractPortal.webhook(server), wire)
                .readTimeout(Duration.ofMillis(300)).build()) {
            PortalException e = failure(client);
            assertEquals(PortalError.TIMEOUT, e.error());
            assertTrue(e.retryable());
        }
        server.faults().latency(Duration.ofMillis(100));
        try (PortalClient patient = ContractPortal.client(server, ContractPortal.webhook(server), wire)
                .readTimeout(Duration.ofSeconds(5)).build()) {
            assertTrue(patient.call("user.current", null).result().isObject(), "slow but within the timeout");
        }
    }

    @Test
    void aRateLimitStormEndsInQueryLimitExceededAfterBoundedBackOffThatTheListenerHears() throws Exception {
        server.faults().rateLimitStorm(true);
        SimulatedTime.Jumping clock = new SimulatedTime.Jumping();
        List<String> heard = new ArrayList<>();
        List<Duration> waits = new ArrayList<>();
        try (PortalClient client = ContractPortal.client(server, ContractPortal.webhook(server), wire).clock(clock)
                .retryPolicy(RetryPolicy.standard())
                .listener((method, reason, retry, wait) -> {
                    heard.add(method + " " + reason + " " + retry);
                    waits.add(wait);
                }).build()) {
            long start = clock.nanoTime();
            PortalException e = failure(client);
            assertEquals(PortalError.QUERY_LIMIT_EXCEEDED, e.error());
            assertEquals(503, e.httpStatus());
            assertTrue(e.retryable());
            int retries = RetryPolicy.standard().maxRetries();
            assertEquals(retries + 1, wire.count(), "the first try and each retry");
            assertEquals(retries + 1, wire.withStatus(503));
            List<String> expected = new ArrayList<>();
            for (int retry = 1; retry <= retries; retry++) {
                expected.add("user.current QUERY_LIMIT_EXCEEDED " + retry);
            }
            assertEquals(expected, heard);
            for (Duration wait : waits) {
                assertTrue(wait.compareTo(Duration.ofMillis(500)) >= 0 && wait.compareTo(Duration.ofSeconds(30)) <= 0,
                        "wait " + wait);
            }
            double simulatedSeconds = (clock.nanoTime() - start) / 1e9;
            assertTrue(simulatedSeconds <= 4 * 30 + 5, "bounded: " + simulatedSeconds + " s");

            server.faults().rateLimitStorm(false);
            assertTrue(client.call("user.current", null).result().isObject());
        }
    }
}
