package io.callcard.listener;

import static io.callcard.testing.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.callcard.call.CallSnapshot;
import io.callcard.call.CallTracker;
import io.callcard.testing.BitrixExamples;
import io.callcard.testing.Eventually;
import io.callcard.testing.ListenerFixture;
import io.callcard.testing.RawHttp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every refusal of the request gate, over raw loopback sockets (the Host and Origin headers are the point). */
class ListenerGateTest {

    private static final String PORTAL = "xxx.bitrix24.com";

    private ListenerFixture listener;
    private CallTracker tracker;

    @AfterEach
    void stop() {
        if (listener != null) { // one test starts none
            listener.close();
        }
    }

    private void start(ListenerConfig config) throws ListenerStartException {
        listener = ListenerFixture.start(config);
        tracker = listener.tracker();
    }

    private void startDefault() throws ListenerStartException {
        start(ListenerConfig.loopback(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:%d", "localhost:%d", "[::1]:%d", "LOCALHOST:%d"})
    void theListenersOwnNamesPass(String host) throws Exception {
        startDefault();
        RawHttp.Response response = get("/health", String.format(host, listener.port()), null);
        assertEquals(200, response.status(), response.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example:%d", "127.0.0.1", "127.0.0.1:1", "localhost.:%d", "127.0.0.1.nip.io:%d",
        "10.0.0.1:%d"})
    void anyOtherHostIsMisdirected(String host) throws Exception {
        startDefault();
        RawHttp.Response response = get("/health", String.format(host, listener.port()), null);
        assertRejected(response, 421, "bad_host");
    }

    @Test
    void aRebindingPageCannotPostEvents() throws Exception {
        startDefault();
        String session = WidgetForms.openSession(listener.baseUri());
        listener.settle();
        CallSnapshot before = tracker.current();
        byte[] body = WidgetForms.withSession("{\"type\":\"event\",\"callId\":\"x\",\"event\":"
                + "\"CallCard::CallStateChanged\",\"args\":[\"connected\",{}]}", session, 1)
                .getBytes(StandardCharsets.UTF_8);
        RawHttp.Response response = listener.raw("POST /bridge/events HTTP/1.1\r\n"
                + "Host: evil.example:" + listener.port() + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\n\r\n", body);
        listener.settle();
        assertRejected(response, 421, "bad_host");
        assertSame(before, tracker.current());
    }

    @Test
    void aMissingOrDoubledHostIsABadRequest() throws Exception {
        startDefault();
        RawHttp.Response missing = raw("GET /health HTTP/1.1\r\n\r\n");
        assertRejected(missing, 400, "missing_host");
        RawHttp.Response doubled = raw("GET /health HTTP/1.1\r\nHost: " + host() + "\r\nHost: evil.example\r\n\r\n");
        assertRejected(doubled, 400, "bad_host");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example", "http://evil.example", "null", "http://127.0.0.1:1",
        "https://xxx.bitrix24.com.evil.example"})
    void foreignOriginsAreForbiddenOnPlainRoutes(String origin) throws Exception {
        startDefault();
        assertRejected(get("/health", host(), origin), 403, "bad_origin");
    }

    @Test
    void theListenersOwnOriginPasses() throws Exception {
        startDefault();
        assertEquals(200, get("/health", host(), "http://127.0.0.1:" + listener.port()).status());
        assertEquals(200, get("/health", host(), "http://localhost:" + listener.port()).status());
    }

    @Test
    void bridgeRoutesAcceptTheNullOriginOfTheNoReferrerPageButStillWantTheSession() throws Exception {
        startDefault();
        RawHttp.Response response = postJson("/bridge/events", "null", "{\"type\":\"closed\",\"callId\":\"c\"}");
        assertRejected(response, 401, "session_required");
        assertRejected(postJson("/bridge/events", "https://evil.example", "{\"type\":\"closed\"}"), 403,
                "bad_origin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://some-portal.bitrix24.de", "null", "http://localhost:8080"})
    void anUnconfiguredCompanionLetsAnyPortalPageOpenTheWidget(String origin) throws Exception {
        startDefault();
        RawHttp.Response page = postWidget(origin, WidgetForms.example());
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("data-session="), page.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://evil.example", "https://evil.example/path", "ftp://evil.example"})
    void anUnconfiguredCompanionStillRefusesNonPortalOriginsOnTheWidget(String origin) throws Exception {
        startDefault();
        assertRejected(postWidget(origin, WidgetForms.example()), 403, "bad_origin");
        listener.settle();
        assertSame(CallSnapshot.EMPTY, tracker.current());
    }

    @Test
    void withTheMemberIdUnknownTheFirstWidgetLoadFromThePortalPinsIt() throws Exception {
        Map<String, String> example = WidgetForms.example();
        start(ListenerConfig.loopback(0).withPortal(PORTAL, null));

        Map<String, String> notAMemberId = WidgetForms.example();
        notAMemberId.put("member_id", "sandbox");
        assertRejected(postWidget("null", notAMemberId), 403, "wrong_portal");
        assertEquals(200, postWidget("null", example).status(), "the first real member id is pinned");
        Map<String, String> otherMember = WidgetForms.example();
        otherMember.put("member_id", "0123456789abcdef0123456789abcdef");
        assertRejected(postWidget("null", otherMember), 403, "wrong_portal");
        assertEquals(200, postWidget("null", WidgetForms.example()).status(), "the pinned portal still gets in");
    }

    @Test
    void aConfiguredPortalIsTheOnlyHttpsOriginAndItsDomainAndMemberIdAreChecked() throws Exception {
        Map<String, String> example = WidgetForms.example();
        start(ListenerConfig.loopback(0).withPortal(PORTAL, example.get("member_id")));

        assertEquals(200, postWidget("https://" + PORTAL, example).status());
        assertEquals(200, postWidget("null", WidgetForms.example()).status(),
                "the https → http downgrade hides the origin");
        listener.settle();
        CallSnapshot opened = tracker.current();

        assertRejected(postWidget("https://other.bitrix24.com", example), 403, "bad_origin");
        Map<String, String> otherDomain = WidgetForms.example();
        otherDomain.put("DOMAIN", "other.bitrix24.com");
        RawHttp.Response wrongDomain = postWidget("null", otherDomain);
        assertRejected(wrongDomain, 403, "wrong_portal");
        assertFalse(wrongDomain.body().contains("other.bitrix24.com"), "the refused value is not echoed");
        Map<String, String> otherMember = WidgetForms.example();
        otherMember.put("member_id", "someone-else");
        assertRejected(postWidget("null", otherMember), 403, "wrong_portal");
        Map<String, String> noMember = WidgetForms.example();
        noMember.remove("member_id");
        assertRejected(postWidget("null", noMember), 403, "wrong_portal");
        listener.settle();
        assertSame(opened, tracker.current(), "no refused widget POST reached the tracker");
    }

    @Test
    void aRouteOverItsRateIsLimitedWithRetryAfter() throws Exception {
        start(ListenerConfig.loopback(0).withLimits(GuardLimits.DEFAULTS.withRate("health", 3)));
        int ok = 0;
        RawHttp.Response limited = null;
        for (int i = 0; i < 10; i++) {
            RawHttp.Response response = get("/health", host(), null);
            if (response.status() == 200) {
                ok++;
            } else {
                limited = response;
            }
        }
        assertTrue(ok >= 3 && ok < 10, "the burst of 3 passed, then the bucket ran dry: " + ok);
        assertRejected(limited, 429, "rate_limited");
        assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1);
        assertEquals(404, get("/elsewhere", host(), null).status(), "other routes have their own bucket");
    }

    @Test
    void beyondTheExchangeCapTheListenerIsBusy() throws Exception {
        start(ListenerConfig.loopback(0).withLimits(GuardLimits.DEFAULTS.withMaxConcurrentExchanges(1)));
        String session = WidgetForms.openSession(listener.baseUri());
        CompletableFuture<RawHttp.Response> longPoll = CompletableFuture.supplyAsync(() -> {
            try {
                return get("/bridge/commands?session=" + session + "&after=0&wait=4000", host(), null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // asking /health meanwhile would race the poll for the one slot; a worker waiting in the queue is the signal
        waitFor(ListenerGateTest::aWorkerHoldsALongPoll, "the long poll holds the listener's one exchange");
        RawHttp.Response busy = get("/health", host(), null);
        assertRejected(busy, 503, "busy");
        assertEquals("1", busy.header("Retry-After"));
        listener.callCardChannel().disableAutoClose(); // a command for the page answers its poll before its 4 s are up
        assertEquals(200, Eventually.result(longPoll, "the long poll's answer").status());
        // the slot is given back just after the answer is written, so the client may see the answer a moment before
        waitFor(() -> get("/health", host(), null).status() == 200, "free again once the poll was answered");
    }

    @Test
    void aWrongMethodNamesTheAllowedOnes() throws Exception {
        startDefault();
        RawHttp.Response install = raw("PUT /widget/install HTTP/1.1\r\nHost: " + host()
                + "\r\nContent-Length: 0\r\n\r\n");
        assertRejected(install, 405, "method_not_allowed");
        assertEquals("GET, POST", install.header("Allow"));
        RawHttp.Response events = raw("DELETE /bridge/events HTTP/1.1\r\nHost: " + host() + "\r\n\r\n");
        assertRejected(events, 405, "method_not_allowed");
        assertEquals("POST", events.header("Allow"));
    }

    @Test
    void aStalledBodyIsCutAtTheDeadlineAndTheListenerCarriesOn() throws Exception {
        start(ListenerConfig.loopback(0).withLimits(GuardLimits.DEFAULTS.withBodyTimeout(Duration.ofMillis(300))));
        byte[] head = ("POST /bridge/events HTTP/1.1\r\nHost: " + host() + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100\r\n\r\n{\"type\":").getBytes(StandardCharsets.ISO_8859_1);
        long started = System.nanoTime();
        Optional<RawHttp.Response> answer = listener.rawOrCut(head, false);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertTrue(answer.isEmpty() || answer.get().status() == 400, "cut or refused, never a hang");
        assertTrue(millis < 5_000, "cut at the deadline, not the client's timeout: " + millis + " ms");
        assertEquals(200, get("/health", host(), null).status());
    }

    @Test
    void aBodyCutShortByTheClientEndsTheExchange() throws Exception {
        startDefault();
        byte[] head = ("POST /bridge/events HTTP/1.1\r\nHost: " + host() + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100\r\n\r\n{\"type\":").getBytes(StandardCharsets.ISO_8859_1);
        Optional<RawHttp.Response> answer = listener.rawOrCut(head, true);
        assertTrue(answer.isEmpty() || answer.get().status() == 400, "cut or refused");
        assertEquals(200, get("/health", host(), null).status());
    }

    @Test
    void tooManyHeadersOrAnOversizedLineAreRefusedByTheServer() throws Exception {
        startDefault();
        StringBuilder many = new StringBuilder("GET /health HTTP/1.1\r\nHost: " + host() + "\r\n");
        for (int i = 0; i < 100; i++) {
            many.append("X-Filler-").append(i).append(": x\r\n");
        }
        Optional<RawHttp.Response> headers = listener.rawOrCut(many.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1), false);
        assertTrue(headers.isEmpty() || headers.get().status() >= 400, "more than 64 headers are not served");

        String longLine = "GET /health?" + "a".repeat(40_000) + " HTTP/1.1\r\nHost: " + host() + "\r\n\r\n";
        Optional<RawHttp.Response> line = listener.rawOrCut(longLine.getBytes(StandardCharsets.ISO_8859_1), false);
        assertTrue(line.isEmpty() || line.get().status() >= 400, "a 40 KB request line is not served");
        assertEquals(200, get("/health", host(), null).status());
    }

    @Test
    void theServerLimitsArePinnedBeforeTheServerLoads() {
        assertEquals("64", System.getProperty("sun.net.httpserver.maxReqHeaders"));
        assertEquals("10", System.getProperty("sun.net.httpserver.maxReqTime"));
        assertEquals("20", System.getProperty("sun.net.httpserver.maxRspTime"));
    }

    /** A listener worker is parked in a long poll, waiting for a command to arrive. */
    private static boolean aWorkerHoldsALongPoll() {
        return Thread.getAllStackTraces().values().stream()
                .flatMap(Arrays::stream)
                .anyMatch(frame -> frame.getClassName().equals(WidgetCommandQueue.class.getName())
                        && frame.getMethodName().equals("after"));
    }

    private String host() {
        return listener.host();
    }

    private RawHttp.Response get(String target, String host, String origin) throws Exception {
        return raw("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\n"
                + (origin == null ? "" : "Origin: " + origin + "\r\n") + "\r\n");
    }

    private RawHttp.Response postJson(String path, String origin, String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return listener.raw("POST " + path + " HTTP/1.1\r\nHost: " + host() + "\r\nOrigin: " + origin
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n", body);
    }

    private RawHttp.Response postWidget(String origin, Map<String, String> fields) throws Exception {
        byte[] body = WidgetForms.body(fields).getBytes(StandardCharsets.UTF_8);
        return listener.raw("POST /widget/callcard?" + WidgetForms.query(fields) + " HTTP/1.1\r\n"
                + "Host: " + host() + "\r\nOrigin: " + origin + "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n", body);
    }

    private RawHttp.Response raw(String request) throws Exception {
        return listener.raw(request);
    }

    private static void assertRejected(RawHttp.Response response, int status, String code) throws Exception {
        assertEquals(status, response.status(), response.body());
        assertEquals("application/json; charset=utf-8", response.header("Content-Type"));
        JsonNode body = BitrixExamples.MAPPER.readTree(response.body());
        assertEquals(code, body.get("error").asText(), response.body());
        assertTrue(body.get("message").isTextual());
        assertFalse(response.body().contains("Exception"), response.body());
    }

}
