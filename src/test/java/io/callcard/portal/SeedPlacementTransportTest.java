package io.callcard.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callcard.call.CallCardStatus;
import io.callcard.call.CallDirection;
import io.callcard.wire.CallCardEventName;
import io.callcard.wire.CardCallState;
import io.callcard.call.CrmEntityType;
import io.callcard.call.CrmRef;
import io.callcard.testing.BitrixExamples;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The call card over REST as the seeds show it, on a portal that takes it and on portals that refuse it. */
@Timeout(30)
class SeedPlacementTransportTest {

    private static final String HANDLER = "http://127.0.0.1:17117/bitrix/events";

    private final MockWebServer server = new MockWebServer();
    private PortalClient client;
    private SeedPlacementTransport seed;

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        client = TestPortals.client(TestPortals.webhook(server)).build();
        seed = new SeedPlacementTransport(client);
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.shutdown();
    }

    /** The next request: its method, the last path segment, and its JSON body. */
    private JsonNode sent() throws Exception {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        String path = r.getPath();
        ObjectNode sent = BitrixExamples.MAPPER.createObjectNode();
        sent.put("method", path.substring(path.lastIndexOf('/') + 1));
        sent.set("body", BitrixExamples.MAPPER.readTree(r.getBody().readUtf8()));
        return sent;
    }

    @Test
    void getStatusOnAPortalThatTakesItReadsTheDocumentedResult() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"result\":" + BitrixExamples.text("jsif_getstatus_result.jsonc")
                + "}"));

        CallCardStatus status = seed.getStatus().orElseThrow();

        assertEquals("E45D40253D1C2D2F.1774588815.822533", status.callId());
        assertEquals("+19999999666", status.phone().value());
        assertEquals("reg151083", status.lineNumber());
        assertEquals(new CrmRef(CrmEntityType.CONTACT, 797), status.entity());
        assertEquals(12043L, status.activityId());
        assertEquals(List.of(new CrmRef(CrmEntityType.DEAL, 4615), new CrmRef(CrmEntityType.COMPANY, 643)),
                status.bindings());
        assertEquals(CallDirection.OUTGOING, status.direction());
        assertEquals(CardCallState.IDLE, status.state());
        assertFalse(status.callListMode());
        JsonNode sent = sent();
        assertEquals("placement.call", sent.get("method").asText());
        assertEquals("{\"PLACEMENT\":\"getStatus\",\"PARAMS\":{}}", sent.get("body").toString());
    }

    @Test
    void getStatusReadsStringsTooAndNoCardIsEmpty() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"result\":{\"CALL_ID\":\"c1\",\"PHONE_NUMBER\":\"hidden\","
                + "\"CRM_ENTITY_TYPE\":\"\",\"CRM_ENTITY_ID\":\"0\",\"CRM_ACTIVITY_ID\":\"undefined\","
                + "\"CRM_BINDINGS\":[{\"ENTITY_TYPE\":\"DEAL\",\"ENTITY_ID\":\"25\"},\"junk\"],"
                + "\"CALL_DIRECTION\":\"incomingTransfer\",\"CALL_STATE\":\"connected\",\"CALL_LIST_MODE\":\"true\"}}"));
        server.enqueue(new MockResponse().setBody(
                "{\"result\":[{\"result\":\"error\",\"errorCode\":\"Call card is undefined\"}]}"));
        server.enqueue(new MockResponse().setBody("{\"result\":{\"CALL_ID\":\"c1\",\"CALL_STATE\":\"ringing\"}}"));

        CallCardStatus status = seed.getStatus().orElseThrow();
        assertFalse(status.phone().isKnown());
        assertEquals(null, status.entity());
        assertEquals(null, status.activityId());
        assertEquals(List.of(new CrmRef(CrmEntityType.DEAL, 25)), status.bindings());
        assertEquals(CallDirection.INCOMING_TRANSFER, status.direction());
        assertEquals(CardCallState.CONNECTED, status.state());
        assertTrue(status.callListMode());

        assertEquals(Optional.empty(), seed.getStatus());
        assertEquals(PortalError.ERROR_UNEXPECTED_ANSWER,
                assertThrows(PortalException.class, seed::getStatus).error());
    }

    @Test
    void autoCloseCommandsAndEventBindingSendTheSeedShapes() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"result\":[]}"));
        server.enqueue(new MockResponse().setBody(
                "{\"result\":[{\"result\":\"error\",\"errorCode\":\"Call card is undefined\"}]}"));
        server.enqueue(new MockResponse().setBody("{\"result\":true}"));

        assertTrue(seed.disableAutoClose());
        assertFalse(seed.enableAutoClose());
        assertTrue(seed.bindEvent(CallCardEventName.CALL_STATE_CHANGED, HANDLER));

        assertEquals("{\"PLACEMENT\":\"disableAutoClose\",\"PARAMS\":{}}", sent().get("body").toString());
        assertEquals("{\"PLACEMENT\":\"enableAutoClose\",\"PARAMS\":{}}", sent().get("body").toString());
        JsonNode bind = sent();
        assertEquals("placement.bindEvent", bind.get("method").asText());
        assertEquals("{\"PLACEMENT\":\"CallCard::CallStateChanged\",\"HANDLER\":\"" + HANDLER + "\"}",
                bind.get("body").toString());
    }

    @ParameterizedTest(name = "{0} with HTTP {1}")
    @CsvSource({
        "ERROR_METHOD_NOT_FOUND, 404, Method not found!",
        "ERROR_METHOD_NOT_FOUND, 400, Method not found!",
        "WRONG_AUTH_TYPE, 403, Current authorization type is denied for this method Application context required",
        "METHOD_NOT_FOUND, 400, Method placement.call is not found",
        "ERROR_CORE, 400, Method not found",
    })
    void aPortalThatRefusesTheSeedTransportSaysSoOnceWithoutRetrying(String code, int status, String description) {
        server.enqueue(new MockResponse().setResponseCode(status)
                .setBody("{\"error\":\"" + code + "\",\"error_description\":\"" + description + "\"}"));

        PortalException e = assertThrows(PortalException.class, seed::getStatus);

        assertEquals(PortalError.SEED_TRANSPORT_UNSUPPORTED, e.error());
        assertEquals(code, e.rawCode());
        assertEquals(status, e.httpStatus());
        assertTrue(e.needsUserAction());
        assertFalse(e.retryable());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void everySeedMethodIsTypedTheSameWayWhenRefused() {
        String refusal = "{\"error\":\"ERROR_METHOD_NOT_FOUND\",\"error_description\":\"Method not found!\"}";
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse().setResponseCode(404).setBody(refusal));
        }
        assertEquals(PortalError.SEED_TRANSPORT_UNSUPPORTED,
                assertThrows(PortalException.class, seed::enableAutoClose).error());
        assertEquals(PortalError.SEED_TRANSPORT_UNSUPPORTED,
                assertThrows(PortalException.class, seed::disableAutoClose).error());
        for (CallCardEventName event : new CallCardEventName[] {CallCardEventName.ENTITY_CHANGED,
                CallCardEventName.BEFORE_CLOSE}) {
            assertEquals(PortalError.SEED_TRANSPORT_UNSUPPORTED,
                    assertThrows(PortalException.class, () -> seed.bindEvent(event, HANDLER)).error());
        }
        assertEquals(4, server.getRequestCount());
    }

    @Test
    void otherFailuresKeepTheirOwnType() {
        server.enqueue(new MockResponse().setResponseCode(401)
                .setBody("{\"error\":\"insufficient_scope\",\"error_description\":\"The request requires higher "
                        + "privileges than provided by the webhook token\"}"));

        assertEquals(PortalError.INSUFFICIENT_SCOPE, assertThrows(PortalException.class, seed::getStatus).error());
    }

    @Test
    void aHandlerThePortalWouldRefuseIsRefusedBeforeAnyRequest() {
        assertThrows(IllegalArgumentException.class,
                () -> seed.bindEvent(CallCardEventName.BEFORE_CLOSE, "http://localhost:17117/bitrix/events"));
        assertThrows(IllegalArgumentException.class, () -> seed.bindEvent(CallCardEventName.BEFORE_CLOSE, "ftp://x.y"));
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void theWordsPointAtTheWidgetApplicationInBothLanguages() throws Exception {
        for (String language : new String[] {"en", "ru"}) {
            Properties words = new Properties();
            try (InputStream in = getClass().getResourceAsStream(
                    "/io/callcard/i18n/messages_" + language + ".properties")) {
                words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            String text = MessageFormat.format(words.getProperty(PortalError.SEED_TRANSPORT_UNSUPPORTED.messageKey()),
                    new Object[0]);
            assertTrue(text.contains("CALL_CARD") && text.contains("CallCard Companion") && text.contains("README"),
                    language + ": " + text);
        }
    }
}
