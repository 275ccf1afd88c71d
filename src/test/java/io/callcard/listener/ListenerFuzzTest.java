package io.callcard.listener;

import static io.callcard.testing.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallDisplayState;
import io.callcard.call.CallSnapshot;
import io.callcard.call.CallTracker;
import io.callcard.testing.ListenerFixture;
import io.callcard.testing.SlowTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * 100,000 random and mutated requests (fixed seed) over real sockets, four connections in parallel: the listener must
 * answer or cut every one (a read timeout counts as a hang), keep its thread count bounded, accept none of them, let
 * none change the call state, and afterwards still apply a valid event. Rate limits are lifted so that the requests
 * reach the routes' parsers instead of bouncing off the token buckets.
 */
@SlowTest
class ListenerFuzzTest {

    private static final long SEED = 20_260_811L;
    private static final int CLIENTS = 4;
    private static final int REQUESTS = 100_000;
    private static final int HANG_MILLIS = 8_000;
    private static final String[] ROUTES = {"bridge-events", "bridge-commands", "widget-page", "widget-install",
        "widget-scripts", "health", "not-found", "portal-events"};

    @Test
    void randomRequestsNeitherHarmTheListenerNorReachTheTracker() throws Exception {
        Map<String, String> example = WidgetForms.example();
        GuardLimits unlimited = GuardLimits.DEFAULTS;
        for (String route : ROUTES) {
            unlimited = unlimited.withRate(route, 1e9);
        }
        int listenerThreadsBefore = listenerThreads();
        try (ListenerFixture listener = ListenerFixture.start(ListenerConfig.loopback(0)
                .withPortal(example.get("DOMAIN"), example.get("member_id")).withLimits(unlimited)
                .withApplicationToken("fuzz-application-token-never-sent"))) {
            CallTracker tracker = listener.tracker();
            String session = WidgetForms.openSession(listener.baseUri());
            listener.settle();
            CallSnapshot before = tracker.current();
            AtomicInteger updates = new AtomicInteger();
            AutoCloseable subscription = tracker.subscribe(update -> updates.incrementAndGet());

            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            AtomicLong accepted = new AtomicLong();
            AtomicInteger maxThreads = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> runs = new ArrayList<>();
            long started = System.nanoTime();
            for (int c = 0; c < CLIENTS; c++) {
                long seed = SEED + c;
                runs.add(clients.submit(() -> {
                    FuzzRequests requests = new FuzzRequests(seed, listener.port(), session);
                    try (KeepAliveConnection connection = new KeepAliveConnection(listener.port(), HANG_MILLIS)) {
                        for (int i = 0; i < REQUESTS / CLIENTS; i++) {
                            byte[] request = requests.next();
                            KeepAliveConnection.Answer answer = connection.exchange(request, requests.isOneShot());
                            statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
                            if (answer.status() >= 200 && answer.status() < 300 && changesState(request)) {
                                accepted.incrementAndGet();
                            }
                            if (i % 1000 == 0) {
                                maxThreads.accumulateAndGet(listenerThreads(), Math::max);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(120, TimeUnit.SECONDS); // a hang surfaces here as the client's SocketTimeoutException
            }
            clients.shutdown();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            System.out.println("Fuzzed " + REQUESTS + " requests in " + millis + " ms; statuses " + statuses);
            listener.settle();

            int total = statuses.values().stream().mapToInt(AtomicInteger::get).sum();
            assertEquals(REQUESTS, total, "every request got an answer or a cut connection");
            int cut = statuses.getOrDefault(-1, new AtomicInteger()).get();
            assertTrue(cut < REQUESTS / 5, "only broken framing is cut, the rest is answered: " + statuses);
            assertEquals(0, accepted.get(), "no fuzzed event or widget form was accepted");
            assertEquals(0, updates.get(), "the tracker published nothing during the fuzz");
            assertSame(before, tracker.current(), "the call state is exactly what the valid widget load made it");
            // the cap's workers plus two spares, the watchdog and the JDK's dispatcher
            assertTrue(maxThreads.get() <= listenerThreadsBefore + GuardLimits.DEFAULTS.maxConcurrentExchanges() + 4,
                    "listener threads stay within the cap: " + maxThreads.get());
            assertTrue(statuses.keySet().stream().noneMatch(s -> s == 500), "no internal errors: " + statuses);

            HttpResponse<String> valid = postEvent(listener.baseUri(), WidgetForms.withSession(
                    "{\"type\":\"event\",\"callId\":\"" + WidgetForms.EXAMPLE_CALL_ID + "\",\"event\":"
                            + "\"CallCard::CallStateChanged\",\"args\":[\"idle\",{\"failedCode\":\"486\"}]}", session, 1));
            listener.settle();
            assertEquals(202, valid.statusCode(), valid.body());
            assertEquals(1, updates.get(), "the valid event after the fuzz was applied");
            assertEquals(CallDisplayState.FAILED, tracker.current().phase());
            assertEquals("486", tracker.current().failedCode());
            subscription.close();
        }
        waitFor(() -> listenerThreads() <= listenerThreadsBefore, "the closed listener left no threads behind");
    }

    /** Requests that would change the call state if accepted: bridge events and widget handler POSTs. */
    private static boolean changesState(byte[] request) {
        String start = new String(request, 0, Math.min(request.length, 40), StandardCharsets.ISO_8859_1);
        return start.startsWith("POST /bridge/events ") || start.startsWith("POST /widget/callcard");
    }

    private static HttpResponse<String> postEvent(URI base, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("bridge/events"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Threads of listeners: workers, the watchdog and the JDK server's dispatcher. */
    private static int listenerThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("listener-") || t.getName().startsWith("HTTP-Dispatcher"))
                .count();
    }
}
