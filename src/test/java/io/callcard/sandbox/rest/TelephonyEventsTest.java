package io.callcard.sandbox.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.callcard.wire.PhpForm;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ONVOXIMPLANT* posts to a real handler, decoded with the same PHP-style decoder the listener will use. */
class TelephonyEventsTest {

    private final RestClient client = new RestClient();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();
    private SandboxRestServer server;
    private HttpServer handler;
    private URI handlerUri;

    @BeforeEach
    void start() throws Exception {
        server = SandboxRestServer.builder().seed(9).start();
        handler = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        handler.createContext("/bitrix/events", exchange -> {
            contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        handler.start();
        handlerUri = URI.create("http://127.0.0.1:" + handler.getAddress().getPort() + "/bitrix/events");
    }

    @AfterEach
    void stop() {
        server.close();
        handler.stop(0);
    }

    /** The first call of the history with (answered) or without (failed) a 200 code, and its record over REST. */
    private JsonNode record(boolean answered) throws Exception {
        JsonNode page = client.postJson(server.webhookUrl() + "voximplant.statistic.get", "{}").result();
        for (JsonNode record : page) {
            if ("200".equals(record.get("CALL_FAILED_CODE").asText()) == answered) {
                return record;
            }
        }
        throw new AssertionError("the first page has no " + (answered ? "answered" : "failed") + " call");
    }

    @Test
    void anAnsweredCallPostsInitStartAndEndThatAgreeWithTheStatistics() throws Exception {
        JsonNode record = record(true);
        assertEquals(List.of(200, 200, 200), server.postTelephonyEvents(handlerUri, record.get("ID").asInt()));
        assertEquals(3, bodies.size());
        List<String> events = new ArrayList<>();
        for (String body : bodies) {
            ObjectNode post = PhpForm.decode(body);
            events.add(post.get("event").asText());
            assertEquals(record.get("CALL_ID"), post.get("data").get("CALL_ID"));
            assertEquals(server.application().applicationToken(), post.get("auth").get("application_token").asText());
            assertEquals(server.application().memberId(), post.get("auth").get("member_id").asText());
            assertEquals("1061", post.get("event_handler_id").asText(), "one handler, one registration");
            assertTrue(post.get("ts").asText().matches("\\d+"));
        }
        assertEquals(List.of("ONVOXIMPLANTCALLINIT", "ONVOXIMPLANTCALLSTART", "ONVOXIMPLANTCALLEND"), events);
        assertTrue(contentTypes.stream().allMatch("application/x-www-form-urlencoded"::equals));
        assertTrue(bodies.get(0).contains("data%5BCALL_ID%5D="), "brackets percent-encoded like http_build_query");

        JsonNode end = PhpForm.decode(bodies.get(2)).get("data");
        for (String key : List.of("CALL_TYPE", "PHONE_NUMBER", "PORTAL_NUMBER", "PORTAL_USER_ID", "CALL_DURATION",
                "CALL_START_DATE", "COST", "COST_CURRENCY", "CALL_FAILED_CODE", "CALL_FAILED_REASON")) {
            assertEquals(record.get(key).asText(), end.get(key).asText(), key);
        }
        assertEquals(record.get("PORTAL_USER_ID"), PhpForm.decode(bodies.get(1)).get("data").get("USER_ID"));
        JsonNode init = PhpForm.decode(bodies.get(0)).get("data");
        boolean incoming = List.of("2", "3").contains(record.get("CALL_TYPE").asText());
        assertEquals(record.get("PHONE_NUMBER"), init.get(incoming ? "CALLER_ID" : "PHONE_NUMBER"),
                "the other party: CALLER_ID when incoming, PHONE_NUMBER otherwise");
        assertEquals(record.get("PORTAL_NUMBER"), init.get(incoming ? "PHONE_NUMBER" : "CALLER_ID"));
    }

    @Test
    void aFailedCallHasNoStartEvent() throws Exception {
        JsonNode record = record(false);
        assertEquals(2, server.postTelephonyEvents(handlerUri, record.get("ID").asInt()).size());
        assertEquals(record.get("CALL_FAILED_CODE"), PhpForm.decode(bodies.get(1)).get("data").get("CALL_FAILED_CODE"));
    }

    @Test
    void anUnreachableHandlerIsReportedNotRetriedAndAnUnknownCallIsRefused() throws Exception {
        handler.stop(0);
        assertTrue(server.postTelephonyEvents(handlerUri, 1).stream().allMatch(status -> status == -1));
        assertThrows(IllegalArgumentException.class, () -> server.postTelephonyEvents(handlerUri, 121));
    }

    @Test
    void encodingRoundTripsThroughTheDecoder() throws Exception {
        JsonNode tree = RestClient.JSON.readTree("{\"fields\":{\"NAME\":\"Анна & Co\",\"PHONE\":[{\"VALUE\":\"+7 495\"}]},"
                + "\"FILTER\":{\">=CALL_START_DATE\":\"2026-03-01T00:00:00+03:00\"},\"skip\":null}");
        ObjectNode expected = (ObjectNode) tree.deepCopy();
        expected.remove("skip");
        assertEquals(expected, PhpForm.decode(PhpForm.encode(tree)));
    }
}
