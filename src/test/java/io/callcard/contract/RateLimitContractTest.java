package io.callcard.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.portal.PortalClient;
import io.callcard.portal.PortalError;
import io.callcard.portal.PortalException;
import io.callcard.portal.PortalResponse;
import io.callcard.portal.RequestBudget;
import io.callcard.portal.RetryPolicy;
import io.callcard.sandbox.rest.SandboxRestServer;
import io.callcard.testing.SimulatedTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The leaky bucket on both sides: 200 calls issued at once through one client with its standard
 * {@link RequestBudget} (drain 2/s, ceiling 50) against the sandbox enforcing the same limit, both reading one
 * {@link SimulatedTime}. Not one {@code QUERY_LIMIT_EXCEEDED} crosses the wire, and the last call goes out after
 * (200 - 50) / 2 = 75 simulated seconds, which take well under a second of real time.
 */
class RateLimitContractTest {

    private static final Instant START = Instant.parse("2026-03-10T09:00:00Z");

    @Test
    @Timeout(60)
    void twoHundredCallsAtOnceThroughOneClientEarnNoQueryLimitExceeded() throws Exception {
        int calls = 200;
        SimulatedTime clock = new SimulatedTime(START);
        ContractPortal.Wire wire = new ContractPortal.Wire();
        AtomicInteger backOffs = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        try (SandboxRestServer server = SandboxRestServer.builder().clock(clock).start();
                PortalClient client = ContractPortal.client(server, ContractPortal.webhook(server), wire)
                        .clock(clock).budget(RequestBudget.standard(clock))
                        .listener((method, reason, retry, wait) -> backOffs.incrementAndGet()).build()) {
            List<Future<PortalResponse>> results = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                results.add(pool.submit(() -> {
                    try {
                        return client.call("user.current", null);
                    } finally {
                        clock.finished();
                    }
                }));
            }
            while (clock.advanceWhenIdle(calls)) {
                // each step releases the callers whose slot has come
            }
            for (Future<PortalResponse> result : results) {
                assertEquals("1", result.get(10, TimeUnit.SECONDS).result().path("ID").asText());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, wire.withStatus(503), "QUERY_LIMIT_EXCEEDED answers on the wire");
        assertEquals(0, backOffs.get(), "back-offs");
        assertEquals(calls, wire.count());
        assertEquals(calls, wire.withStatus(200));
        double elapsed = Duration.between(START, clock.instant()).toNanos() / 1e9;
        assertTrue(elapsed >= 74.9 && elapsed <= 75.1, "simulated seconds: " + elapsed);
    }

    /** The control: the same burst with no budget on the client's side does earn the sandbox's refusals. */
    @Test
    @Timeout(60)
    void withoutTheClientsBudgetTheSandboxRefusesTheSameBurst() throws Exception {
        int calls = 60;
        SimulatedTime clock = new SimulatedTime(START);
        ContractPortal.Wire wire = new ContractPortal.Wire();
        try (SandboxRestServer server = SandboxRestServer.builder().clock(clock).start();
                PortalClient client = ContractPortal.client(server, ContractPortal.webhook(server), wire)
                        .clock(new SimulatedTime.Jumping()).budget(new RequestBudget(1_000, 1_000, clock))
                        .retryPolicy(new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(1), () -> 0.5)).build()) {
            int refused = 0;
            for (int i = 0; i < calls; i++) {
                try {
                    client.call("user.current", null);
                } catch (PortalException e) {
                    assertEquals(PortalError.QUERY_LIMIT_EXCEEDED, e.error());
                    refused++;
                }
            }
            assertEquals(calls - 50, refused);
        }
        assertEquals(calls - 50, wire.withStatus(503));
    }

    /** The benchmarks' switch: a sandbox built with {@code rateLimited(false)} refuses nothing. */
    @Test
    @Timeout(60)
    void aSandboxWithoutRateLimitForBenchmarksRefusesNothing() throws Exception {
        int calls = 300;
        ContractPortal.Wire wire = new ContractPortal.Wire();
        try (SandboxRestServer server = SandboxRestServer.builder().rateLimited(false).start();
                PortalClient client = ContractPortal.client(server, ContractPortal.webhook(server), wire)
                        .budget(new RequestBudget(1_000_000, 1_000_000, new SimulatedTime.Jumping()))
                        .retryPolicy(new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(1), () -> 0.5))
                        .build()) {
            for (int i = 0; i < calls; i++) {
                client.call("user.current", null);
            }
        }
        assertEquals(calls, wire.withStatus(200));
    }
}
