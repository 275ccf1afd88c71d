package io.callcard.bench;

import static io.callcard.bench.BenchReport.percentile;

import io.callcard.app.PortalWidgetProof;
import io.callcard.call.CallEvent;
import io.callcard.listener.GuardLimits;
import io.callcard.listener.KeepAliveConnection;
import io.callcard.listener.ListenerConfig;
import io.callcard.listener.WidgetProof;
import io.callcard.sandbox.rest.OAuthTokens;
import io.callcard.sandbox.rest.SandboxRestServer;
import io.callcard.testing.ListenerFixture;
import io.callcard.testing.UncheckedWidgetProof;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What proving widget forms costs (issue 11): REST requests per widget page, counted by the sandbox REST server that
 * proves the tokens ({@code user.current}), with pages reusing their pair as a portal's pages do for an hour; and the
 * push latency of bridge events of a proven session (event POST sent → tracker snapshot published, one keep-alive
 * connection, one at a time) with the application's prover against the same without any proof, in the same run.
 * The count is asserted (at most one request per page); times are not.
 */
class ProofBench {

    private static final int PAIRS = 5;
    private static final int PAGES_PER_PAIR = 4;
    private static final int WARMUP = 2_000;
    private static final int LATENCY_EVENTS = 5_000;
    private static final String MEMBER_ID = "a223c6b9410f85df78e9377d6c4f7213";
    private static final Pattern SESSION = Pattern.compile("data-session=\"([A-Za-z0-9_-]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final AtomicLong calls = new AtomicLong();

    @Test
    void requestsPerPageAndPushLatencyWithAndWithoutProof() throws Exception {
        GuardLimits lifted = GuardLimits.DEFAULTS.withRate("bridge-events", 1e9).withRate("widget-page", 1e9);
        try (SandboxRestServer portal = SandboxRestServer.builder().rateLimited(false).start();
             PortalWidgetProof proof = new PortalWidgetProof(portal.baseUri().toString().replaceAll("/$", ""),
                     "sandbox.bitrix24.test", Optional::empty, Optional::empty, (domain, answer) -> answer.accept(false),
                     PortalWidgetProof.clientsFor("bench", PortalWidgetProof.TIMEOUT), PortalWidgetProof.TIMEOUT)) {
            String domain = "127.0.0.1:" + portal.port();
            ListenerConfig config = ListenerConfig.loopback(0).withPortal("127.0.0.1", MEMBER_ID).withLimits(lifted);

            // interleaved rounds (A B B A), so that the shared machine's noise falls on both alike
            double[] unchecked = latencies(config, UncheckedWidgetProof.INSTANCE, domain, () -> "unchecked-token-1");
            double[] proven = latencies(config, proof, domain, () -> portal.issueTokens().accessToken());
            proven = pooled(proven, latencies(config, proof, domain, () -> portal.issueTokens().accessToken()));
            unchecked = pooled(unchecked, latencies(config, UncheckedWidgetProof.INSTANCE, domain,
                    () -> "unchecked-token-2"));
            long pages = (long) PAIRS * PAGES_PER_PAIR;
            long requestsForPages;
            try (ListenerFixture listener = ListenerFixture.start(config, Clock.systemUTC(), Optional::empty, proof)) {
                AtomicLong opened = countOpened(listener);
                long before = portal.requestsFor("user.current"); // the latency rounds' own pages
                for (int pair = 0; pair < PAIRS; pair++) {
                    OAuthTokens tokens = portal.issueTokens();
                    for (int page = 0; page < PAGES_PER_PAIR; page++) {
                        openSession(listener, domain, tokens.accessToken());
                    }
                }
                waitFor(() -> opened.get() == pages, "every page proven");
                requestsForPages = portal.requestsFor("user.current") - before;
                if (requestsForPages > pages) {
                    throw new AssertionError(requestsForPages + " user.current for " + pages + " pages");
                }
            }
            report(pages, requestsForPages, unchecked, proven);
        }
    }

    /** Opens one page, waits until it is proven, then times events of its session. */
    private double[] latencies(ListenerConfig config, WidgetProof proof, String domain,
                               java.util.function.Supplier<String> token) throws Exception {
        try (ListenerFixture listener = ListenerFixture.start(config, Clock.systemUTC(), Optional::empty, proof)) {
            ConcurrentHashMap<Long, Long> publishedAt = new ConcurrentHashMap<>();
            listener.tracker().subscribe(update -> {
                long now = System.nanoTime();
                if (update.current().entity() != null) {
                    publishedAt.put(update.current().entity().id(), now);
                }
            });
            AtomicLong opened = countOpened(listener);
            String session = openSession(listener, domain, token.get());
            waitFor(() -> opened.get() == 1, "the page proven");
            long[] sentAt = new long[WARMUP + LATENCY_EVENTS + 1];
            try (KeepAliveConnection connection = new KeepAliveConnection(listener.port(), 5_000)) {
                for (int i = 1; i <= WARMUP + LATENCY_EVENTS; i++) {
                    byte[] request = event(listener.port(), session, "bench-call-" + calls.get(), i, i);
                    sentAt[i] = System.nanoTime();
                    KeepAliveConnection.Answer answer = connection.exchange(request, false);
                    if (answer.status() != 202 || answer.body().contains("held")) {
                        throw new AssertionError("event " + i + " answered " + answer.status() + " " + answer.body());
                    }
                }
            }
            waitFor(() -> publishedAt.containsKey((long) (WARMUP + LATENCY_EVENTS)), "every event published");
            double[] latencies = new double[LATENCY_EVENTS];
            for (int i = 0; i < LATENCY_EVENTS; i++) {
                int id = WARMUP + 1 + i;
                latencies[i] = (publishedAt.get((long) id) - sentAt[id]) / 1e6;
            }
            Arrays.sort(latencies);
            return latencies;
        }
    }

    private static double[] pooled(double[] first, double[] second) {
        double[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        Arrays.sort(all);
        return all;
    }

    private static AtomicLong countOpened(ListenerFixture listener) {
        AtomicLong opened = new AtomicLong();
        listener.tracker().subscribe(update -> {
            if (update.event() instanceof CallEvent.WidgetOpened) {
                opened.incrementAndGet();
            }
        });
        return opened;
    }

    private String openSession(ListenerFixture listener, String domain, String accessToken) throws Exception {
        String options = "{\"CALL_ID\":\"bench-call-" + calls.incrementAndGet() + "\",\"CRM_ENTITY_TYPE\":\"\","
                + "\"CRM_ENTITY_ID\":\"0\",\"CALL_DIRECTION\":\"incoming\",\"CALL_STATE\":\"connected\","
                + "\"CALL_LIST_MODE\":\"false\"}";
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(listener.uri("widget/callcard?DOMAIN="
                        + URLEncoder.encode(domain, StandardCharsets.UTF_8) + "&PROTOCOL=0&LANG=en&APP_SID=bench"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("AUTH_ID=" + URLEncoder.encode(accessToken,
                        StandardCharsets.UTF_8) + "&member_id=" + MEMBER_ID + "&PLACEMENT=CALL_CARD&PLACEMENT_OPTIONS="
                        + URLEncoder.encode(options, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher session = SESSION.matcher(page.body());
        if (!session.find()) {
            throw new IllegalStateException("no session: " + page.statusCode() + " " + page.body());
        }
        return session.group(1);
    }

    /** An EntityChanged of call {@code callId} (the page's own: the card applies no other call's). */
    private static byte[] event(int port, String session, String callId, long seq, long entityId) {
        byte[] body = ("{\"session\":\"" + session + "\",\"seq\":" + seq + ",\"type\":\"event\",\"callId\":\"" + callId
                + "\","
                + "\"event\":\"CallCard::EntityChanged\",\"args\":[{\"PHONE_NUMBER\":\"+15550100\","
                + "\"CRM_ENTITY_TYPE\":\"CONTACT\",\"CRM_ENTITY_ID\":" + entityId + "}]}")
                .getBytes(StandardCharsets.UTF_8);
        String head = "POST /bridge/events HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        byte[] request = Arrays.copyOf(head.getBytes(StandardCharsets.ISO_8859_1), head.length() + body.length);
        System.arraycopy(body, 0, request, head.length(), body.length);
        return request;
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s: " + what);
            }
            Thread.sleep(5);
        }
    }

    private static void report(long pages, long requests, double[] unchecked, double[] proven) throws Exception {
        String report = String.format(Locale.ROOT, String.join("\n",
                "# Widget form proof (issue 11)",
                "",
                "| what | value |",
                "|---|---|",
                "| widget pages (%d token pairs × %d pages each) | %d |",
                "| user.current requests the sandbox REST server counted | %d |",
                "| requests per page (goal: ≤ 1) | %.2f |",
                "| event POST → snapshot published, p50, no proof (2 rounds × %d events) | %.3f ms |",
                "| same, p99, no proof | %.3f ms |",
                "| event POST → snapshot published, p50, proven session | %.3f ms |",
                "| same, p99, proven session | %.3f ms |",
                "",
                "The request count is asserted (≤ 1 per page); times are not. The latency rounds run in the same JVM,",
                "interleaved (no proof, proven, proven, no proof), each on a fresh listener after %d warm-up events.",
                ""),
                PAIRS, PAGES_PER_PAIR, pages, requests, (double) requests / pages, LATENCY_EVENTS,
                percentile(unchecked, 50), percentile(unchecked, 99), percentile(proven, 50), percentile(proven, 99),
                WARMUP);
        BenchReport.publish("proof.md", report);
    }
}
