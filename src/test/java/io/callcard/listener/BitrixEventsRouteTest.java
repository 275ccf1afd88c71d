package io.callcard.listener;

import static io.callcard.listener.EventPosts.EXAMPLE_CALL;
import static io.callcard.listener.EventPosts.EXAMPLE_TOKEN;
import static io.callcard.listener.EventPosts.exampleEnd;
import static io.callcard.listener.EventPosts.exampleInit;
import static io.callcard.listener.EventPosts.json;
import static io.callcard.listener.EventPosts.signedWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callcard.call.CallDirection;
import io.callcard.call.CallEvent;
import io.callcard.call.CallDisplayState;
import io.callcard.call.CallSnapshot;
import io.callcard.call.CallTracker;
import io.callcard.testing.ListenerFixture;
import io.callcard.testing.RawHttp;
import io.callcard.call.CallerNumber;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** {@code POST /bitrix/events} over real loopback sockets, with the documented example event. */
class BitrixEventsRouteTest {

    private final List<CallEvent> applied = new CopyOnWriteArrayList<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private Level rootLevel;
    @AutoClose
    private ListenerFixture listener;
    private CallTracker tracker;
    private URI events;

    @BeforeEach
    void start() throws Exception {
        rootLevel = root.getLevel();
        root.setLevel(Level.TRACE);
        logged.start();
        root.addAppender(logged);
        listener = ListenerFixture.start(ListenerConfig.loopback(0).withApplicationToken(EXAMPLE_TOKEN));
        tracker = listener.tracker();
        tracker.subscribe(update -> applied.add(update.event()));
        events = listener.uri("bitrix/events");
    }

    @AfterEach
    void restoreLogging() {
        root.detachAppender(logged);
        root.setLevel(rootLevel);
    }

    @Test
    void theDocumentedEndEventFormEncodedReachesTheTrackerWithItsFields() throws Exception {
        assertEquals(200, EventPosts.postForm(events, exampleInit()).statusCode());
        HttpResponse<String> response = EventPosts.postForm(events, exampleEnd());
        listener.settle();

        assertEquals(200, response.statusCode());
        assertEquals(json("{\"accepted\":true}"), json(response.body()));
        assertEquals(Optional.of("application/json; charset=utf-8"), response.headers().firstValue("Content-Type"));
        CallSnapshot call = tracker.current();
        assertEquals(EXAMPLE_CALL, call.callId());
        assertEquals(CallDisplayState.FAILED, call.phase());
        assertEquals("304", call.failedCode());
        assertEquals(CallDirection.OUTGOING, call.direction());
        assertEquals(CallerNumber.of("+499061234567"), call.phone());
        assertEquals(7953L, call.activityId());
        assertFalse(call.wasConnected(), "CALL_DURATION 0");
        CallEvent.ServerCallEnded end = (CallEvent.ServerCallEnded) applied.get(applied.size() - 1);
        assertEquals(OffsetDateTime.parse("2026-03-11T17:28:46+03:00"), end.startedAt());
        assertEquals("Call canceled", end.failedReason());
    }

    @Test
    void theSameEventAsJsonIsAccepted() throws Exception {
        assertEquals(200, EventPosts.postJson(events, exampleInit()).statusCode());
        listener.settle();
        assertEquals(CallDisplayState.CONNECTING, tracker.current().phase());

        HttpResponse<String> response = EventPosts.postJson(events, exampleEnd());
        listener.settle();

        assertEquals(200, response.statusCode());
        assertEquals(EXAMPLE_CALL, tracker.current().callId());
        assertEquals("304", tracker.current().failedCode());
    }

    @Test
    void aWrongTokenIs401AndChangesNothing() throws Exception {
        HttpResponse<String> response = EventPosts.postForm(events, signedWith(exampleInit(), "forged-token-0001"));
        listener.settle();

        assertEquals(401, response.statusCode());
        assertEquals("invalid_application_token", json(response.body()).get("error").asText());
        assertTrue(json(response.body()).get("message").asText().contains("does not match"));
        assertFalse(response.body().contains("forged-token-0001"), "the token sent is not echoed");
        assertFalse(response.body().contains(EXAMPLE_TOKEN), "the configured token is not revealed");
        assertSame(CallSnapshot.EMPTY, tracker.current());
    }

    @Test
    void aMissingTokenIs401AndChangesNothing() throws Exception {
        HttpResponse<String> response = EventPosts.postForm(events, signedWith(exampleInit(), null));
        listener.settle();

        assertEquals(401, response.statusCode());
        assertEquals("invalid_application_token", json(response.body()).get("error").asText());
        assertTrue(json(response.body()).get("message").asText().contains("missing"));
        assertSame(CallSnapshot.EMPTY, tracker.current());
    }

    @Test
    void aTokenDifferingOnlyInItsLastCharacterIsRefused() throws Exception {
        String almost = EXAMPLE_TOKEN.substring(0, EXAMPLE_TOKEN.length() - 1) + "f";
        HttpResponse<String> response = EventPosts.postJson(events, signedWith(exampleInit(), almost));
        listener.settle();

        assertEquals(401, response.statusCode());
        assertSame(CallSnapshot.EMPTY, tracker.current());
    }

    @Test
    void withNoTokenConfiguredEveryPostIs401AndSaysWhy() throws Exception {
        try (ListenerFixture unconfigured = ListenerFixture.start()) {
            HttpResponse<String> response = EventPosts.postForm(unconfigured.uri("bitrix/events"), exampleInit());
            unconfigured.settle();

            assertEquals(401, response.statusCode());
            assertEquals("application_token_not_configured", json(response.body()).get("error").asText());
            assertTrue(json(response.body()).get("message").asText().contains("no application token is configured"));
            assertSame(CallSnapshot.EMPTY, unconfigured.tracker().current());
        }
    }

    @Test
    void anUnknownEventIs200IgnoredAndLoggedByNameOnly() throws Exception {
        ObjectNode deal = exampleEnd();
        deal.put("event", "ONCRMDEALUPDATE");
        deal.putObject("data").putObject("FIELDS").put("ID", "4615");

        HttpResponse<String> response = EventPosts.postForm(events, deal);
        listener.settle();

        assertEquals(200, response.statusCode());
        assertEquals(json("{\"ignored\":\"unknown_event\"}"), json(response.body()));
        assertSame(CallSnapshot.EMPTY, tracker.current());
        assertTrue(logged.list.stream().anyMatch(e -> e.getFormattedMessage().contains("ONCRMDEALUPDATE")));
        assertNothingSecretLogged();
    }

    @Test
    void anUnknownEventWithAWrongTokenIsStill401() throws Exception {
        ObjectNode deal = signedWith(exampleEnd(), "forged");
        deal.put("event", "ONCRMDEALUPDATE");

        assertEquals(401, EventPosts.postForm(events, deal).statusCode());
    }

    @Test
    void aFollowedEventWithoutCallIdIs400AndChangesNothing() throws Exception {
        ObjectNode end = exampleEnd();
        ((ObjectNode) end.get("data")).remove("CALL_ID");

        HttpResponse<String> response = EventPosts.postForm(events, end);
        listener.settle();

        assertEquals(400, response.statusCode());
        assertEquals("invalid_message", json(response.body()).get("error").asText());
        assertSame(CallSnapshot.EMPTY, tracker.current());
        assertNothingSecretLogged();
    }

    @Test
    void aBrokenFormIs400() throws Exception {
        byte[] body = "event=ONVOXIMPLANTCALLINIT&data[CALL_ID]=%G1".getBytes(StandardCharsets.US_ASCII);
        RawHttp.Response response = listener.raw("POST /bitrix/events HTTP/1.1\r\n"
                + "Host: " + listener.host() + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n\r\n",
                body);
        listener.settle();

        assertEquals(400, response.status());
        assertEquals("invalid_form", json(response.body()).get("error").asText());
        assertSame(CallSnapshot.EMPTY, tracker.current());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"event\":", "[\"ONVOXIMPLANTCALLINIT\"]", ""})
    void malformedJsonIs400(String body) throws Exception {
        HttpResponse<String> response = EventPosts.post(events, "application/json", body);
        listener.settle();

        assertEquals(400, response.statusCode());
        assertTrue(json(response.body()).get("error").isTextual());
        assertSame(CallSnapshot.EMPTY, tracker.current());
    }

    @Test
    void getIsMethodNotAllowed() throws Exception {
        HttpResponse<String> response = EventPosts.get(events);

        assertEquals(405, response.statusCode());
        assertEquals(Optional.of("POST"), response.headers().firstValue("Allow"));
        assertEquals("method_not_allowed", json(response.body()).get("error").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "multipart/form-data; boundary=x", "application/jsonp"})
    void otherContentTypesAre415(String contentType) throws Exception {
        HttpResponse<String> response = EventPosts.post(events, contentType, EventPosts.form(exampleInit()));
        listener.settle();

        assertEquals(415, response.statusCode());
        assertEquals("unsupported_media_type", json(response.body()).get("error").asText());
        assertSame(CallSnapshot.EMPTY, tracker.current());
    }

    @Test
    void aSubPathIsNotFound() throws Exception {
        assertEquals(404, EventPosts.postForm(listener.baseUri().resolve("bitrix/events/x"), exampleInit())
                .statusCode());
    }

    private void assertNothingSecretLogged() {
        for (ILoggingEvent event : logged.list) {
            String line = event.getFormattedMessage();
            assertFalse(line.contains(EXAMPLE_TOKEN), line);
            assertFalse(line.contains("s7p6eclrvim9da28dt9ch94ekreb52sv"), "access_token: " + line);
        }
    }
}
