package io.callcard.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.callcard.call.CallCardStatus;
import io.callcard.call.CallDirection;
import io.callcard.wire.CardCallState;
import io.callcard.call.CallerNumber;
import io.callcard.call.CrmEntityType;
import io.callcard.call.CrmRef;
import io.callcard.wire.CallCardEventName;
import io.callcard.portal.PlacementBinder;
import io.callcard.portal.PortalClient;
import io.callcard.portal.PortalCredentials;
import io.callcard.portal.PortalError;
import io.callcard.portal.PortalException;
import io.callcard.portal.SeedPlacementTransport;
import io.callcard.sandbox.rest.SandboxRestServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code placement.bind} through {@link PlacementBinder} and the seed transport through
 * {@link SeedPlacementTransport}, against the sandbox as the current Bitrix24 (seed transport refused) and with
 * legacy placement REST (the seed pages' behaviour, events posted to the bound handler).
 */
class PlacementContractTest {

    private static final String WIDGET = "http://127.0.0.1:17633/widget/callcard";
    private static final String STATUS = "{\"CALL_ID\":\"E45D40253D1C2D2F.1774588815.822533\","
            + "\"PHONE_NUMBER\":\"+19999999666\",\"LINE_NUMBER\":\"reg151083\",\"LINE_NAME\":\"Main line\","
            + "\"CRM_ENTITY_TYPE\":\"CONTACT\",\"CRM_ENTITY_ID\":797,\"CRM_ACTIVITY_ID\":12043,"
            + "\"CRM_BINDINGS\":[{\"ENTITY_TYPE\":\"DEAL\",\"ENTITY_ID\":4615},{\"ENTITY_TYPE\":\"COMPANY\",\"ENTITY_ID\":643}],"
            + "\"CALL_DIRECTION\":\"outgoing\",\"CALL_STATE\":\"connected\",\"CALL_LIST_MODE\":false}";

    private final ContractPortal.Wire wire = new ContractPortal.Wire();
    private SandboxRestServer server;
    private HttpServer handler;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (handler != null) {
            handler.stop(0);
        }
    }

    private PortalClient client(PortalCredentials credentials) {
        return ContractPortal.client(server, credentials, wire).build();
    }

    @Test
    void theWidgetBindsInApplicationContext() throws Exception {
        server = SandboxRestServer.builder().start();
        try (PortalClient client = client(ContractPortal.oauth(server, server.issueTokens()))) {
            assertTrue(new PlacementBinder(client).bindCallCardWidget(WIDGET, "CallCard Companion"));
        }
        assertEquals(1, wire.count("/placement.bind"));
    }

    @Test
    void aWebhookCannotBindTheWidget() {
        server = SandboxRestServer.builder().start();
        try (PortalClient client = client(ContractPortal.webhook(server))) {
            PortalException e = assertThrows(PortalException.class,
                    () -> new PlacementBinder(client).bindCallCardWidget(WIDGET, "CallCard Companion"));
            assertEquals(PortalError.WRONG_AUTH_TYPE, e.error());
            assertEquals(403, e.httpStatus());
            assertTrue(e.needsUserAction());
        }
        assertEquals(1, wire.count());
    }

    @Test
    void anEmptyPlacementIsAnArgumentErrorDeliveredWithHttp200() {
        server = SandboxRestServer.builder().start();
        try (PortalClient client = client(ContractPortal.oauth(server, server.issueTokens()))) {
            PortalException e = assertThrows(PortalException.class, () -> client.call("placement.bind",
                    Map.of("PLACEMENT", "", "HANDLER", WIDGET, "TITLE", "x")));
            assertEquals(PortalError.ERROR_ARGUMENT, e.error());
            assertEquals(200, e.httpStatus());
            assertFalse(e.retryable());
        }
    }

    @Test
    void byDefaultEverySeedCommandIsUnsupportedAfterExactlyOneRequest() throws Exception {
        server = SandboxRestServer.builder().start();
        for (PortalCredentials credentials : List.of(ContractPortal.webhook(server),
                ContractPortal.oauth(server, server.issueTokens()))) {
            try (PortalClient client = client(credentials)) {
                SeedPlacementTransport seed = new SeedPlacementTransport(client);
                List<SeedCall> calls = List.of(seed::getStatus, seed::enableAutoClose, seed::disableAutoClose,
                        () -> seed.bindEvent(CallCardEventName.CALL_STATE_CHANGED,
                                "http://127.0.0.1:17633/seed/events"));
                for (SeedCall call : calls) {
                    int before = wire.count();
                    PortalException e = assertThrows(PortalException.class, call::run);
                    assertEquals(PortalError.SEED_TRANSPORT_UNSUPPORTED, e.error());
                    assertTrue(e.needsUserAction());
                    assertFalse(e.retryable());
                    assertEquals(before + 1, wire.count(), credentials + ": exactly one request");
                }
            }
        }
    }

    @Test
    void withLegacyPlacementRestGetStatusReadsTheSandboxCard() throws Exception {
        server = SandboxRestServer.builder().legacyPlacementRest(true).start();
        try (PortalClient client = client(ContractPortal.webhook(server))) {
            SeedPlacementTransport seed = new SeedPlacementTransport(client);
            assertEquals(Optional.empty(), seed.getStatus(), "no card open yet");

            server.callCard().show((ObjectNode) new ObjectMapper().readTree(STATUS));
            CallCardStatus status = seed.getStatus().orElseThrow();
            assertEquals("E45D40253D1C2D2F.1774588815.822533", status.callId());
            assertEquals(CallerNumber.of("+19999999666"), status.phone());
            assertEquals("reg151083", status.lineNumber());
            assertEquals("Main line", status.lineName());
            assertEquals(new CrmRef(CrmEntityType.CONTACT, 797), status.entity());
            assertEquals(List.of(new CrmRef(CrmEntityType.DEAL, 4615), new CrmRef(CrmEntityType.COMPANY, 643)),
                    status.bindings());
            assertEquals(12043L, status.activityId());
            assertEquals(CallDirection.OUTGOING, status.direction());
            assertEquals(CardCallState.CONNECTED, status.state());
            assertFalse(status.callListMode());
        }
    }

    @Test
    void withLegacyPlacementRestTheAutoCloseCommandsMoveTheSandboxCardsHold() throws Exception {
        server = SandboxRestServer.builder().legacyPlacementRest(true).start();
        try (PortalClient client = client(ContractPortal.oauth(server, server.issueTokens()))) {
            SeedPlacementTransport seed = new SeedPlacementTransport(client);
            assertFalse(seed.disableAutoClose(), "no card: the command reports it did not run");
            server.callCard().show((ObjectNode) new ObjectMapper().readTree(STATUS));
            assertFalse(server.callCard().autoCloseHeld());
            assertTrue(seed.disableAutoClose());
            assertTrue(server.callCard().autoCloseHeld());
            assertTrue(seed.enableAutoClose());
            assertFalse(server.callCard().autoCloseHeld());
        }
    }

    @Test
    void withLegacyPlacementRestABoundHandlerReceivesTheEventsTheSandboxPosts() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        handler = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        handler.createContext("/seed/events", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        handler.start();
        String url = "http://127.0.0.1:" + handler.getAddress().getPort() + "/seed/events";
        server = SandboxRestServer.builder().legacyPlacementRest(true).start();
        try (PortalClient client = client(ContractPortal.webhook(server))) {
            assertTrue(new SeedPlacementTransport(client).bindEvent(CallCardEventName.CALL_STATE_CHANGED, url));
        }
        assertEquals(List.of(url), server.callCard().handlers("CallCard::CallStateChanged"));
        ObjectMapper json = new ObjectMapper();
        int delivered = server.postEventToBoundHandlers("CallCard::CallStateChanged",
                json.readTree("[\"idle\",{\"failedCode\":\"486\"}]"));
        assertEquals(1, delivered);
        assertEquals(1, received.size());
        JsonNode event = json.readTree(received.get(0));
        assertEquals("CallCard::CallStateChanged", event.path("event").asText());
        assertEquals("idle", event.path("args").path(0).asText());
        assertEquals("486", event.path("args").path(1).path("failedCode").asText());
        assertEquals(server.application().applicationToken(), event.path("auth").path("application_token").asText());
        assertEquals(0, server.postEventToBoundHandlers("CallCard::BeforeClose", json.readTree("[]")),
                "nothing bound to BeforeClose");
    }

    /** One seed transport method. */
    @FunctionalInterface
    private interface SeedCall {
        Object run() throws PortalException;
    }
}
