package io.callcard.sandbox.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The seed pages' own curl requests (seeds/003 getStatus, seeds/000 CallStateChanged bindEvent), in both their
 * webhook and OAuth forms: refused as the current Bitrix24 refuses them, accepted with legacy placement REST.
 */
class SeedPlacementRestTest {

    private static final String GET_STATUS = "{\"PLACEMENT\":\"getStatus\",\"PARAMS\":{}}";
    private static final String STATUS = "{\"CALL_ID\":\"E45D40253D1C2D2F.1774588815.822533\","
            + "\"PHONE_NUMBER\":\"+19999999666\",\"LINE_NUMBER\":\"reg151083\",\"LINE_NAME\":\"\","
            + "\"CRM_ENTITY_TYPE\":\"CONTACT\",\"CRM_ENTITY_ID\":797,\"CRM_ACTIVITY_ID\":12043,"
            + "\"CRM_BINDINGS\":[{\"ENTITY_TYPE\":\"DEAL\",\"ENTITY_ID\":4615},{\"ENTITY_TYPE\":\"COMPANY\",\"ENTITY_ID\":643}],"
            + "\"CALL_DIRECTION\":\"outgoing\",\"CALL_STATE\":\"idle\",\"CALL_LIST_MODE\":false}";

    private final RestClient client = new RestClient();
    private SandboxRestServer server;
    private HttpServer handler;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (handler != null) {
            handler.stop(0);
        }
    }

    /** The two URLs of each seed curl example, for {@code method}. */
    private List<String> bothForms(String method) {
        return List.of(server.webhookUrl() + method,
                server.application().restEndpoint() + method + "?auth=" + server.issueTokens().accessToken());
    }

    private String bindEventBody(String handlerUrl) {
        return "{\"PLACEMENT\":\"CallCard::CallStateChanged\",\"HANDLER\":\"" + handlerUrl + "\"}";
    }

    @Test
    void byDefaultTheSeedRequestsFailAsOnTheCurrentBitrix24() throws Exception {
        server = SandboxRestServer.builder().start();
        String notFound = "{\"error\":\"ERROR_METHOD_NOT_FOUND\",\"error_description\":\"Method not found!\"}";
        for (String url : bothForms("placement.call")) {
            RestClient.Answer answer = client.postJson(url, GET_STATUS);
            assertEquals(404, answer.status(), url);
            assertEquals(notFound, answer.text());
        }
        for (String url : bothForms("placement.bindEvent")) {
            RestClient.Answer answer = client.postJson(url, bindEventBody("http://127.0.0.1:9/events"));
            assertEquals(404, answer.status(), url);
            assertEquals(notFound, answer.text());
        }
    }

    @Test
    void withLegacyPlacementRestGetStatusAnswersTheCurrentCall() throws Exception {
        server = SandboxRestServer.builder().legacyPlacementRest(true).start();
        for (String url : bothForms("placement.call")) {
            RestClient.Answer noCard = client.postJson(url, GET_STATUS);
            assertEquals(200, noCard.status());
            assertEquals("[{\"result\":\"error\",\"errorCode\":\"Call card is undefined\"}]",
                    noCard.result().toString());
        }
        server.callCard().show((ObjectNode) RestClient.JSON.readTree(STATUS));
        for (String url : bothForms("placement.call")) {
            RestClient.Answer answer = client.postJson(url, GET_STATUS);
            assertEquals(200, answer.status());
            assertEquals(RestClient.JSON.readTree(STATUS), answer.result());
            assertTrue(answer.json().has("time"));
        }
    }

    @Test
    void withLegacyPlacementRestTheAutoCloseCommandsAnswerAnEmptyList() throws Exception {
        server = SandboxRestServer.builder().legacyPlacementRest(true).start();
        server.callCard().show((ObjectNode) RestClient.JSON.readTree(STATUS));
        String url = server.webhookUrl() + "placement.call";
        assertEquals("[]", client.postJson(url, "{\"PLACEMENT\":\"disableAutoClose\",\"PARAMS\":{}}").result()
                .toString());
        assertTrue(server.callCard().autoCloseHeld());
        assertEquals("[]", client.postForm(url, "PLACEMENT=enableAutoClose").result().toString());
        assertFalse(server.callCard().autoCloseHeld());
        assertEquals("ERROR_ARGUMENT", client.postJson(url, "{\"PLACEMENT\":\"reboot\"}").error());
    }

    @Test
    void withLegacyPlacementRestBindEventStoresTheHandlerAndEventsArePostedToIt() throws Exception {
        handler = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        handler.createContext("/events", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        handler.start();
        String handlerUrl = "http://127.0.0.1:" + handler.getAddress().getPort() + "/events";
        server = SandboxRestServer.builder().legacyPlacementRest(true).start();

        for (String url : bothForms("placement.bindEvent")) {
            RestClient.Answer answer = client.postJson(url, bindEventBody(handlerUrl));
            assertEquals(200, answer.status(), answer.text());
            assertTrue(answer.result().asBoolean());
        }
        assertEquals(List.of(handlerUrl), server.callCard().handlers("CallCard::CallStateChanged"),
                "binding the same handler twice keeps one");
        assertEquals("ERROR_EVENT_NOT_FOUND", client.postJson(server.webhookUrl() + "placement.bindEvent",
                "{\"PLACEMENT\":\"CallCard::Nothing\",\"HANDLER\":\"" + handlerUrl + "\"}").error());

        JsonNode args = RestClient.JSON.readTree("[\"idle\",{\"failedCode\":\"486\"}]");
        assertEquals(1, server.postEventToBoundHandlers("CallCard::CallStateChanged", args));
        assertEquals(0, server.postEventToBoundHandlers("CallCard::BeforeClose", RestClient.JSON.createArrayNode()),
                "nobody bound BeforeClose");
        assertEquals(1, received.size());
        JsonNode posted = RestClient.JSON.readTree(received.get(0));
        assertEquals("CallCard::CallStateChanged", posted.get("event").asText());
        assertEquals(args, posted.get("args"));
        assertEquals(server.application().applicationToken(), posted.get("auth").get("application_token").asText());
        assertTrue(posted.get("ts").asText().matches("\\d+"));
    }

    @Test
    void aHandlerThatIsDownIsSkipped() throws IOException, InterruptedException {
        server = SandboxRestServer.builder().legacyPlacementRest(true).start();
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        client.postJson(server.webhookUrl() + "placement.bindEvent",
                bindEventBody("http://127.0.0.1:" + closedPort + "/events"));
        assertEquals(0, server.postEventToBoundHandlers("CallCard::CallStateChanged",
                RestClient.JSON.readTree("[\"connected\",{}]")));
    }
}
