package io.callcard.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.testing.SimulatedTime;
import io.callcard.testing.SlowTest;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@SlowTest
class RequestBudgetTest {

    @Test
    void aFullBurstGoesAtOnceThenOneRequestPerDrainStep() throws InterruptedException {
        SimulatedTime.Jumping clock = new SimulatedTime.Jumping();
        RequestBudget budget = RequestBudget.standard(clock);
        for (int i = 0; i < 50; i++) {
            budget.acquire();
        }
        assertTrue(clock.sleeps.isEmpty(), clock.sleeps.toString());
        budget.acquire();
        budget.acquire();
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(500)), clock.sleeps);
    }

    @Test
    void theEnterpriseBucketIsWiderAndFaster() throws InterruptedException {
        SimulatedTime.Jumping clock = new SimulatedTime.Jumping();
        RequestBudget budget = RequestBudget.enterprise(clock);
        assertEquals(250, budget.ceiling());
        assertEquals(5, budget.drainPerSecond());
        for (int i = 0; i < 251; i++) {
            budget.acquire();
        }
        assertEquals(List.of(Duration.ofMillis(200)), clock.sleeps);
    }

    @Test
    void anIdleBucketDrainsAndAPortalRefusalFillsIt() throws InterruptedException {
        SimulatedTime.Jumping clock = new SimulatedTime.Jumping();
        RequestBudget budget = RequestBudget.standard(clock);
        for (int i = 0; i < 50; i++) {
            budget.acquire();
        }
        clock.sleepUntil(clock.nanoTime() + Duration.ofSeconds(25).toNanos()); // drains all 50
        clock.sleeps.clear();
        budget.acquire();
        assertTrue(clock.sleeps.isEmpty());
        budget.markFull();
        budget.acquire();
        assertEquals(List.of(Duration.ofMillis(500)), clock.sleeps);
    }

    /**
     * 200 calls at once against a server that enforces the portal's own bucket (2/s, ceiling 50) on the same
     * simulated time: none is refused, and the last one goes out after (200 - 50) / 2 = 75 simulated seconds.
     */
    @Test
    @Timeout(60)
    void twoHundredCallsAtOnceNeverEarnQueryLimitExceeded() throws Exception {
        int calls = 200;
        SimulatedTime clock = new SimulatedTime();
        long start = clock.nanoTime();
        PortalSideBucket portal = new PortalSideBucket(clock, start);
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(portal);
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            try (PortalClient client = TestPortals.client(TestPortals.webhook(server)).clock(clock)
                    .budget(RequestBudget.standard(clock)).build()) {
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
                for (Future<PortalResponse> r : results) {
                    assertTrue(r.get(10, TimeUnit.SECONDS).result().asBoolean());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, portal.refused.get(), "QUERY_LIMIT_EXCEEDED answers");
        assertEquals(calls, portal.accepted.get());
        double elapsed = (clock.nanoTime() - start) / 1e9;
        assertTrue(elapsed >= 74.9 && elapsed <= 75.1, "simulated seconds: " + elapsed);
    }

    /** The portal's leaky bucket, on the test's simulated time. */
    private static final class PortalSideBucket extends Dispatcher {

        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        private final SimulatedTime clock;
        private double level;
        private long levelAt;

        PortalSideBucket(SimulatedTime clock, long start) {
            this.clock = clock;
            this.levelAt = start;
        }

        @Override
        public synchronized MockResponse dispatch(RecordedRequest request) {
            long now = clock.nanoTime();
            level = Math.max(0, level - (now - levelAt) / 1e9 * 2);
            levelAt = now;
            if (level + 1 > 50 + 1e-6) {
                refused.incrementAndGet();
                return new MockResponse().setResponseCode(503)
                        .setBody("{\"error\":\"QUERY_LIMIT_EXCEEDED\",\"error_description\":\"Too many requests\"}");
            }
            level += 1;
            accepted.incrementAndGet();
            return new MockResponse().setBody("{\"result\":true}");
        }
    }
}
