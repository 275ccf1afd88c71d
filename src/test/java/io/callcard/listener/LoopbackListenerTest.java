package io.callcard.listener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.callcard.call.CallDisplayState;
import io.callcard.call.CallSnapshot;
import io.callcard.call.CallTracker;
import io.callcard.testing.BitrixExamples;
import io.callcard.testing.ListenerFixture;
import io.callcard.testing.RawHttp;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The listener over real loopback sockets: HttpClient for well-formed requests, a raw socket for the rest. */
class LoopbackListenerTest {

    private static final int LIMIT = 65_536;
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    @AutoClose
    private ListenerFixture listener;
    private CallTracker tracker;
    /** The widget page every bridge message speaks for, and the tracker's state once it opened. */
    private String session;
    private final AtomicLong seq = new AtomicLong();
    private CallSnapshot opened;

    @BeforeEach
    void start() throws Exception {
        listener = ListenerFixture.start();
        tracker = listener.tracker();
        session = WidgetForms.openSession(listener.baseUri());
        listener.settle();
        opened = tracker.current();
    }

    @Test
    void healthAnswersOkWithTheJsonHeaders() throws Exception {
        HttpResponse<String> response = get("health");

        assertEquals(200, response.statusCode());
        assertEquals(json("{\"status\":\"ok\",\"app\":\"callcard-companion\"}"), json(response.body()));
        assertJsonHeaders(response);
    }

    @Test
    void statusMessageMovesTheTrackerToThatCall() throws Exception {
        String status = BitrixExamples.json("jsif_getstatus_result.jsonc").toString();

        HttpResponse<String> response = post("{\"type\":\"status\",\"status\":" + status + "}");
        listener.settle();

        assertEquals(202, response.statusCode());
        assertEquals(json("{\"accepted\":true}"), json(response.body()));
        assertJsonHeaders(response);
        assertEquals("E45D40253D1C2D2F.1774588815.822533", tracker.current().callId());
        assertTrue(tracker.current().cardOpen());
    }

    @Test
    void connectingConnectedThenIdleWith486EndsFailed() throws Exception {
        for (String args : new String[] {"[\"connecting\",{}]", "[\"connected\",{}]", "[\"idle\",{\"failedCode\":\"486\"}]"}) {
            HttpResponse<String> response = post("{\"type\":\"event\",\"callId\":\"call-486\","
                    + "\"event\":\"CallCard::CallStateChanged\",\"args\":" + args + "}");
            assertEquals(202, response.statusCode(), args);
        }
        listener.settle();

        CallSnapshot call = tracker.current();
        assertEquals("call-486", call.callId());
        assertEquals(CallDisplayState.FAILED, call.phase());
        assertEquals("486", call.failedCode());
        assertTrue(call.wasConnected());
    }

    @Test
    void autoCloseResultReachesTheTracker() throws Exception {
        post("{\"type\":\"event\",\"callId\":\"c7\",\"event\":\"CallCard::CallStateChanged\",\"args\":[\"connected\",{}]}");
        HttpResponse<String> response = post(
                "{\"type\":\"result\",\"callId\":\"c7\",\"command\":\"disableAutoClose\",\"result\":[]}");
        listener.settle();

        assertEquals(202, response.statusCode());
        assertTrue(tracker.current().autoCloseHeld());
    }

    @Test
    void malformedJsonIsRejectedAndNeverReachesTheTracker() throws Exception {
        byte[] body = "{\"type\":\"status\",".getBytes(StandardCharsets.UTF_8);

        RawHttp.Response response = listener.raw(postHead("application/json",
                "Content-Length: " + body.length), body);
        listener.settle();

        assertEquals(400, response.status());
        assertEquals("application/json; charset=utf-8", response.header("Content-Type"));
        assertEquals("malformed_json", json(response.body()).get("error").asText());
        assertSame(opened, tracker.current());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"event\",\"callId\":\"c1\",\"event\":\"CallCard::CallStateChanged\",\"args\":[\"ringing\"]}",
        "{\"type\":\"event\",\"callId\":\"c1\",\"event\":\"CallCard::Gone\",\"args\":[]}",
        "{\"type\":\"status\",\"status\":{\"CALL_STATE\":\"idle\"}}",
        "[\"connected\"]"
    })
    void invalidMessagesAreRejectedAndNeverReachTheTracker(String body) throws Exception {
        HttpResponse<String> response = post(body);
        listener.settle();

        assertEquals(400, response.statusCode());
        assertJsonHeaders(response);
        assertTrue(json(response.body()).get("error").isTextual());
        assertSame(opened, tracker.current());
    }

    @Test
    void getOnBridgeEventsIsMethodNotAllowed() throws Exception {
        HttpResponse<String> response = get("bridge/events");

        assertEquals(405, response.statusCode());
        assertEquals(Optional.of("POST"), response.headers().firstValue("Allow"));
        assertEquals("method_not_allowed", json(response.body()).get("error").asText());
        assertTrue(json(response.body()).get("message").isTextual());
        assertJsonHeaders(response);
    }

    @Test
    void postOnHealthIsMethodNotAllowed() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(listener.baseUri().resolve("health"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json")
                .build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(405, response.statusCode());
        assertEquals(Optional.of("GET"), response.headers().firstValue("Allow"));
    }

    @Test
    void declaredLengthOverTheLimitIsRefusedBeforeTheBodyIsSent() throws Exception {
        // only the head goes out: an answer proves the listener did not wait for the body
        RawHttp.Response response = listener.raw(postHead("application/json", "Content-Length: " + (LIMIT + 1)));
        listener.settle();

        assertEquals(413, response.status());
        assertEquals("application/json; charset=utf-8", response.header("Content-Type"));
        assertEquals("payload_too_large", json(response.body()).get("error").asText());
        assertSame(opened, tracker.current());
    }

    @Test
    void chunkedBodyOverTheLimitIsRefusedWhileReading() throws Exception {
        byte[] body = validMessagePaddedTo(LIMIT + 1);

        RawHttp.Response response = listener.raw(postHead("application/json", "Transfer-Encoding: chunked"),
                RawHttp.chunked(body, 8192).getBytes(StandardCharsets.ISO_8859_1));
        listener.settle();

        assertEquals(413, response.status());
        assertEquals("payload_too_large", json(response.body()).get("error").asText());
        assertSame(opened, tracker.current());
    }

    @Test
    void bodyOfExactlyTheLimitIsAcceptedWithContentLength() throws Exception {
        HttpResponse<String> response = HTTP.send(bridgeRequest("application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(validMessagePaddedTo(LIMIT))).build(),
                HttpResponse.BodyHandlers.ofString());
        listener.settle();

        assertEquals(202, response.statusCode());
        assertEquals("limit", tracker.current().callId());
    }

    @Test
    void chunkedBodyOfExactlyTheLimitIsAccepted() throws Exception {
        RawHttp.Response response = listener.raw(postHead("application/json", "Transfer-Encoding: chunked"),
                RawHttp.chunked(validMessagePaddedTo(LIMIT), 5000).getBytes(StandardCharsets.ISO_8859_1));
        listener.settle();

        assertEquals(202, response.status());
        assertEquals("limit", tracker.current().callId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/jsonp",
        "application/json-patch+json", "text/json"})
    void wrongContentTypeIsUnsupported(String contentType) throws Exception {
        HttpResponse<String> response = post(contentType, "{\"type\":\"closed\",\"callId\":\"c1\"}");
        listener.settle();

        assertEquals(415, response.statusCode());
        assertEquals("unsupported_media_type", json(response.body()).get("error").asText());
        assertSame(opened, tracker.current());
    }

    @Test
    void missingContentTypeIsUnsupported() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(listener.baseUri().resolve("bridge/events"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"closed\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(415, response.statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Application/JSON", "application/json;charset=UTF-8", " application/json ; charset=utf-8"})
    void jsonContentTypeIgnoresCaseAndParameters(String contentType) throws Exception {
        HttpResponse<String> response = post(contentType,
                "{\"type\":\"event\",\"callId\":\"c2\",\"event\":\"CallCard::CallStateChanged\",\"args\":[\"connecting\"]}");
        listener.settle();

        assertEquals(202, response.statusCode());
        assertEquals("c2", tracker.current().callId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nope", "bridge", "bridge/events/extra", "healthz", "widget/callcard/extra"})
    void unknownPathIsNotFound(String path) throws Exception {
        HttpResponse<String> response = get(path);

        assertEquals(404, response.statusCode());
        assertEquals("not_found", json(response.body()).get("error").asText());
        assertJsonHeaders(response);
    }

    @Test
    void unexpectedFailureIsA500ThatRevealsNothing() throws Exception {
        AtomicBoolean broken = new AtomicBoolean();
        Clock breaking = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                if (broken.get()) {
                    throw new IllegalStateException("clock failure with internal detail");
                }
                return Instant.now();
            }
        };
        try (ListenerFixture other = ListenerFixture.start(ListenerConfig.loopback(0), breaking)) {
            String otherSession = WidgetForms.openSession(other.baseUri());
            broken.set(true);
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(other.baseUri().resolve("bridge/events"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(WidgetForms.withSession(
                            "{\"type\":\"closed\",\"callId\":\"secret-token-123\"}", otherSession, 1)))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(500, response.statusCode());
            assertEquals("internal_error", json(response.body()).get("error").asText());
            assertFalse(response.body().contains("secret-token-123"), response.body());
            assertFalse(response.body().contains("internal detail"), response.body());
            assertFalse(response.body().contains("Exception"), response.body());
            assertJsonHeaders(response);
        }
    }

    @Test
    void aMessageWithoutASessionIsRefusedAndChangesNothing() throws Exception {
        HttpResponse<String> response = HTTP.send(bridgeRequest("application/json").POST(HttpRequest.BodyPublishers
                .ofString("{\"type\":\"event\",\"callId\":\"c9\",\"event\":\"CallCard::CallStateChanged\","
                        + "\"args\":[\"connected\",{}]}")).build(), HttpResponse.BodyHandlers.ofString());
        listener.settle();

        assertEquals(401, response.statusCode());
        assertEquals("session_required", json(response.body()).get("error").asText());
        assertJsonHeaders(response);
        assertSame(opened, tracker.current());
    }

    @Test
    void secondListenerOnTheSamePortReportsPortInUse() {
        ListenerStartException failure = assertThrows(ListenerStartException.class,
                () -> LoopbackListener.start(listener.port(), new CallTracker(), Clock.systemUTC()));

        assertEquals(ListenerStartException.Reason.PORT_IN_USE, failure.reason());
        assertEquals(listener.port(), failure.port());
    }

    @Test
    void boundToIpv4LoopbackOnly() throws Exception {
        InetSocketAddress bound = listener.listener().address();

        assertEquals(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), bound.getAddress());
        assertTrue(listener.port() > 0);
        assertEquals(URI.create("http://127.0.0.1:" + listener.port() + "/"), listener.baseUri());
        // where the machine has another address, the listener must not answer on it
        Optional<InetAddress> external = nonLoopbackIpv4();
        if (external.isPresent()) {
            assertThrows(ConnectException.class, () -> new Socket(external.get(), listener.port()).close());
        }
    }

    @Test
    void closeFreesThePortAtOnce() throws Exception {
        int port = listener.port();
        listener.listener().close();

        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port)
                .close());
        try (LoopbackListener again = LoopbackListener.start(port, tracker, Clock.systemUTC())) {
            assertEquals(port, again.port());
        }
    }

    @Test
    void requestsRunOnNamedDaemonWorkers() throws Exception {
        get("health");

        boolean found = Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().matches("listener-[1-4]") && t.isDaemon());
        assertTrue(found, "a daemon thread named listener-1..4");
    }

    @Test
    void noDelayIsOnSoResponsesAreNotHeldBackByNagle() {
        assertEquals("true", System.getProperty("sun.net.httpserver.nodelay"));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(listener.baseUri().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return post("application/json", body);
    }

    /** Posts {@code body} as the widget page would: with its session and the next seq. */
    private HttpResponse<String> post(String contentType, String body) throws IOException, InterruptedException {
        String message = WidgetForms.withSession(body, session, seq.incrementAndGet());
        return HTTP.send(bridgeRequest(contentType).POST(HttpRequest.BodyPublishers.ofString(message)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder bridgeRequest(String contentType) {
        return HttpRequest.newBuilder(listener.baseUri().resolve("bridge/events"))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", contentType);
    }

    private String postHead(String contentType, String framing) {
        return "POST /bridge/events HTTP/1.1\r\nHost: " + listener.host() + "\r\nContent-Type: "
                + contentType + "\r\n" + framing + "\r\n\r\n";
    }

    /** A valid message of the session for call {@code limit}, padded with JSON whitespace to exactly {@code size} bytes. */
    private byte[] validMessagePaddedTo(int size) {
        byte[] message = WidgetForms.withSession("{\"type\":\"event\",\"callId\":\"limit\","
                + "\"event\":\"CallCard::CallStateChanged\",\"args\":[\"connecting\"]}", session, seq.incrementAndGet())
                .getBytes(StandardCharsets.UTF_8);
        byte[] padded = new byte[size];
        Arrays.fill(padded, (byte) ' ');
        System.arraycopy(message, 0, padded, 0, message.length);
        return padded;
    }

    private static void assertJsonHeaders(HttpResponse<String> response) {
        assertEquals(Optional.of("application/json; charset=utf-8"), response.headers().firstValue("Content-Type"));
        assertEquals(Optional.of("no-store"), response.headers().firstValue("Cache-Control"));
        assertEquals(Optional.of("nosniff"), response.headers().firstValue("X-Content-Type-Options"));
    }

    private static JsonNode json(String text) throws IOException {
        return BitrixExamples.MAPPER.readTree(text);
    }

    private static Optional<InetAddress> nonLoopbackIpv4() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }
}
