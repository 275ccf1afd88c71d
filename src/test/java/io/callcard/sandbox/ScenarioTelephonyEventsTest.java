package io.callcard.sandbox;

import static io.callcard.testing.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.callcard.wire.PhpForm;
import io.callcard.sandbox.rest.SandboxApplication;
import io.callcard.testing.SlowTest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The scenario player's ONVOXIMPLANT* posts, over real HTTP, telling the same story as the widget's posts. */
@SlowTest
class ScenarioTelephonyEventsTest {

    private static final long SEED = 314;
    private static final SandboxApplication APP = new SandboxApplication("local.sandbox.1", "secret",
            "app-token-314", "member-314", "sandbox.example.test", "http://127.0.0.1:1/rest/");
    private static final Scenario SCENARIO = ScenarioFiles.parse("events.json", "{\"name\": \"events\","
            + " \"gapBetweenCallsSeconds\": 1, \"calls\": ["
            + "{\"direction\": \"incoming\", \"caller\": \"moscow-landline\", \"lineNumber\": \"reg1\", \"ringSeconds\": 1,"
            + " \"talkSeconds\": 2, \"crm\": {\"type\": \"contact\", \"id\": 5, \"activity\": true}},"
            + "{\"direction\": \"outgoing\", \"caller\": \"berlin\", \"lineNumber\": \"sip1\", \"ringSeconds\": 1,"
            + " \"failedCode\": \"486\"},"
            + "{\"direction\": \"callback\", \"caller\": \"hidden\", \"lineNumber\": \"sip1\", \"ringSeconds\": 1,"
            + " \"failedCode\": \"499\"}]}");

    private final List<String> contentTypes = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private HttpServer handler;
    private URI handlerUri;
    private PortalTestSupport.RecordingListener listener;

    @BeforeEach
    void start() throws Exception {
        handler = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        handler.createContext("/bitrix/events", exchange -> {
            contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        handler.start();
        handlerUri = URI.create("http://127.0.0.1:" + handler.getAddress().getPort() + "/bitrix/events");
        listener = new PortalTestSupport.RecordingListener();
    }

    @AfterEach
    void stop() {
        handler.stop(0);
        listener.close();
    }

    @Test
    void eachCallPostsInitStartWhenAnsweredAndEndAgreeingWithTheWidget() throws Exception {
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);
        try (SandboxPortal portal = new SandboxPortal(listener.base(), SCENARIO, SEED, 20)
                .sendTelephonyEvents(handlerUri, APP)) {
            portal.start();
            waitFor(() -> bodies.size() >= 7, () -> "events: " + bodies);
        }
        List<JsonNode> events = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            assertEquals("application/x-www-form-urlencoded", contentTypes.get(i));
            assertTrue(bodies.get(i).contains("auth%5Bapplication_token%5D=app-token-314"), "PHP-style keys on the wire");
            events.add(PhpForm.decode(bodies.get(i)));
        }
        List<String> names = events.stream().map(event -> event.get("event").asText()).toList();
        assertEquals(List.of("ONVOXIMPLANTCALLINIT", "ONVOXIMPLANTCALLSTART", "ONVOXIMPLANTCALLEND",
                "ONVOXIMPLANTCALLINIT", "ONVOXIMPLANTCALLEND", "ONVOXIMPLANTCALLINIT", "ONVOXIMPLANTCALLEND"), names);
        for (JsonNode event : events) {
            assertEquals("app-token-314", event.get("auth").get("application_token").asText());
            assertEquals("member-314", event.get("auth").get("member_id").asText());
        }

        // the widget's first pass, rendered independently, names the same calls
        List<String> callIds = new ArrayList<>(BridgeContract.byCall(SCENARIO.render(SEED)).keySet());
        List<JsonNode> firstStatuses = new ArrayList<>();
        BridgeContract.byCall(SCENARIO.render(SEED)).values().forEach(card -> firstStatuses.add(card.get(0)));

        JsonNode answeredInit = events.get(0).get("data");
        assertEquals(callIds.get(0), answeredInit.get("CALL_ID").asText());
        assertEquals("2", answeredInit.get("CALL_TYPE").asText());
        assertEquals(firstStatuses.get(0).get("status").get("PHONE_NUMBER").asText(),
                answeredInit.get("CALLER_ID").asText());
        JsonNode answeredStart = events.get(1).get("data");
        assertEquals(callIds.get(0), answeredStart.get("CALL_ID").asText());
        assertEquals("1", answeredStart.get("USER_ID").asText());
        JsonNode answeredEnd = events.get(2).get("data");
        assertEquals(callIds.get(0), answeredEnd.get("CALL_ID").asText());
        assertEquals("2", answeredEnd.get("CALL_TYPE").asText());
        assertEquals("200", answeredEnd.get("CALL_FAILED_CODE").asText());
        assertEquals("2", answeredEnd.get("CALL_DURATION").asText());
        assertEquals("reg1", answeredEnd.get("PORTAL_NUMBER").asText());
        assertEquals(Integer.toString(firstStatuses.get(0).get("status").get("CRM_ACTIVITY_ID").asInt()),
                answeredEnd.get("CRM_ACTIVITY_ID").asText());
        OffsetDateTime started = OffsetDateTime.parse(answeredEnd.get("CALL_START_DATE").asText());
        assertTrue(answeredEnd.get("CALL_START_DATE").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d"),
                answeredEnd.get("CALL_START_DATE").asText());
        assertTrue(!started.isBefore(before.minusSeconds(1)) && started.isBefore(OffsetDateTime.now().plusSeconds(1)),
                "started " + started + ", test began " + before);

        JsonNode busyEnd = events.get(4).get("data");
        assertEquals(callIds.get(1), busyEnd.get("CALL_ID").asText());
        assertEquals("1", busyEnd.get("CALL_TYPE").asText());
        assertEquals("486", busyEnd.get("CALL_FAILED_CODE").asText());
        assertEquals("Busy", busyEnd.get("CALL_FAILED_REASON").asText());
        assertEquals("0", busyEnd.get("CALL_DURATION").asText());

        JsonNode callbackEnd = events.get(6).get("data");
        assertEquals(callIds.get(2), callbackEnd.get("CALL_ID").asText());
        assertEquals("4", callbackEnd.get("CALL_TYPE").asText());
        assertEquals("499", callbackEnd.get("CALL_FAILED_CODE").asText(), "an undocumented code goes out verbatim");
        assertEquals("hidden", callbackEnd.get("PHONE_NUMBER").asText());
        assertEquals("0", callbackEnd.get("CALL_DURATION").asText());
    }

    @Test
    void anUnreachableHandlerDoesNotStopTheWidgetPosts() throws Exception {
        URI nowhere = URI.create("http://127.0.0.1:" + PortalTestSupport.closedPort() + "/bitrix/events");
        int postsPerPass = SCENARIO.render(SEED).size();
        try (SandboxPortal portal = new SandboxPortal(listener.base(), SCENARIO, SEED, 20)
                .sendTelephonyEvents(nowhere, APP)) {
            portal.start();
            assertThrows(IllegalStateException.class, () -> portal.sendTelephonyEvents(handlerUri, APP));
            waitFor(() -> listener.bodies.size() >= postsPerPass, () -> "widget posts: " + listener.bodies.size());
            assertTrue(portal.isRunning());
            assertEquals(0, portal.telephonyEventsDelivered());
        }
        assertEquals(0, bodies.size());
    }

    @Test
    void renderedEventsKeepScenarioTimeAndComeBeforeTheWidgetAtTheSameMoment() {
        RenderedPass pass = SCENARIO.renderPass(SEED);
        List<TelephonyEventPost> events = pass.telephonyEvents();
        assertEquals(7, events.size());
        // incoming: rings from the card's opening; answered after 1 s; ends 2 s later
        assertEquals(List.of(0L, 1_000L, 3_000L), events.subList(0, 3).stream().map(TelephonyEventPost::atMillis)
                .toList());
        assertTrue(events.stream().noneMatch(event -> event.call().containsKey("CALL_START_DATE")),
                "the wall-clock date is the player's business");
        List<TimedPost> timeline = pass.timeline(true);
        assertTrue(timeline.get(0) instanceof TelephonyEventPost, "INIT before the card's first status");
        assertEquals(pass.widgetPosts().size() + 7, timeline.size());
        assertEquals(pass.widgetPosts(), pass.timeline(false));
        assertEquals(Duration.ofSeconds(1), SCENARIO.gapAfter(2));
    }
}
