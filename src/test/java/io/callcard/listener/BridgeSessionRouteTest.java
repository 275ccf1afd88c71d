package io.callcard.listener;

import static io.callcard.testing.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.callcard.call.CallCardCommandFailed;
import io.callcard.call.CallSnapshot;
import io.callcard.testing.BitrixExamples;
import io.callcard.testing.ListenerFixture;
import io.callcard.testing.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /bridge/session} over real loopback sockets, with a configured portal: a page renews its session with
 * its form's DOMAIN, member_id and APP_SID, checked as the handler POST is, and nothing of it reaches the tracker.
 */
class BridgeSessionRouteTest {

    private static final String PORTAL = "xxx.bitrix24.com";
    private static final Map<String, String> FORM = WidgetForms.example();
    private static final String MEMBER_ID = FORM.get("member_id");
    private static final String APP_SID = FORM.get("APP_SID");

    @AutoClose
    private ListenerFixture listener;

    @BeforeEach
    void start() throws ListenerStartException {
        listener = ListenerFixture.start(ListenerConfig.loopback(0).withPortal(PORTAL, MEMBER_ID));
    }

    @Test
    void theConfiguredPortalsPageGetsAFreshSessionThatCarriesItsMessagesAndCommands() throws Exception {
        listener.settle();
        CallSnapshot before = listener.tracker().current();

        RawHttp.Response renewed = postSession("null", renewal(PORTAL, MEMBER_ID, "CALL_CARD"));
        assertEquals(200, renewed.status(), renewed.body());
        assertEquals("application/json; charset=utf-8", renewed.header("Content-Type"));
        JsonNode body = BitrixExamples.MAPPER.readTree(renewed.body());
        String session = body.get("session").asText();
        assertTrue(session.matches("[A-Za-z0-9_-]{22,}"), session);
        assertEquals(1000, body.get("pollMs").asLong());
        assertEquals("proven", body.get("state").asText(), "this listener's test prover proves at once");
        assertEquals(BridgeCommandsRoute.MAX_WAIT_MILLIS, body.get("commandWaitMs").asLong());
        listener.settle();
        assertSame(before, listener.tracker().current(), "a renewal alone tells the tracker nothing");

        RawHttp.Response another = postSession("http://127.0.0.1:" + listener.port(),
                renewal(PORTAL, MEMBER_ID, "CALL_CARD"));
        assertEquals(200, another.status(), "the page's own origin");
        assertNotEquals(session, BitrixExamples.MAPPER.readTree(another.body()).get("session").asText());

        CompletableFuture<Void> held = listener.callCardChannel().disableAutoClose();
        RawHttp.Response commands = listener.raw("GET /bridge/commands?session="
                + BitrixExamples.MAPPER.readTree(another.body()).get("session").asText() + "&after=0 HTTP/1.1\r\n"
                + "Host: " + listener.host() + "\r\n\r\n");
        assertEquals(200, commands.status(), commands.body());
        assertTrue(commands.body().contains("disableAutoClose"), "the newest session gets the companion's commands");
        held.cancel(true);

        RawHttp.Response status = postJson("/bridge/events", "null", "{\"type\":\"status\",\"session\":\"" + session
                + "\",\"seq\":1,\"status\":{\"CALL_ID\":\"renewed-call\",\"CALL_STATE\":\"connected\"}}");
        assertEquals(202, status.status(), status.body());
        waitFor(() -> "renewed-call".equals(listener.tracker().current().callId()),
                "the renewed session's getStatus reached the tracker");
    }

    @Test
    void aRenewalWithoutThePagesTokenIsForbiddenAndSaysWhy() throws Exception {
        assertRejected(postSession("null", renewal(PORTAL, MEMBER_ID, "CALL_CARD")
                .replace("\"auth\":\"page-access-token\",", "")), 403, "proof_required");
        assertNoSession();
    }

    @Test
    void aRenewedPageReRegistersItsTokenPairForTheLookUps() throws Exception {
        assertEquals(200, postSession("null", renewal(PORTAL, MEMBER_ID, "CALL_CARD")).status());
        WidgetAuth pair = listener.widgetCredentials().latest().orElseThrow();
        assertEquals("page-access-token", pair.accessToken());
        assertEquals("page-refresh-token", pair.refreshToken());
        assertEquals(PORTAL, pair.domain());
    }

    @Test
    void anotherPortalsDomainIsForbidden() throws Exception {
        RawHttp.Response refused = postSession("null", renewal("other.bitrix24.com", MEMBER_ID, "CALL_CARD"));
        assertRejected(refused, 403, "wrong_portal");
        assertFalse(refused.body().contains("other.bitrix24.com"), "the refused value is not echoed");
        assertNoSession();
    }

    @Test
    void anotherMemberIdIsForbidden() throws Exception {
        assertRejected(postSession("null", renewal(PORTAL, "0123456789abcdef0123456789abcdef", "CALL_CARD")), 403,
                "wrong_portal");
        assertRejected(postSession("null", "{\"domain\":\"" + PORTAL + "\",\"appSid\":\"" + APP_SID
                + "\",\"placement\":\"CALL_CARD\"}"), 403, "wrong_portal");
        assertNoSession();
    }

    @Test
    void badBodiesAreRefusedWithAReason() throws Exception {
        assertRejected(postSession("null", "{\"domain\":"), 400, "malformed_json");
        assertRejected(postSession("null", "[]"), 400, "invalid_message");
        assertRejected(postSession("null", "{\"memberId\":\"" + MEMBER_ID + "\",\"appSid\":\"" + APP_SID
                + "\",\"placement\":\"CALL_CARD\"}"), 400, "invalid_message");
        assertRejected(postSession("null", renewal(PORTAL, MEMBER_ID, "DEFAULT")), 400, "invalid_message");
        assertRejected(postSession("null", "{\"domain\":\"" + PORTAL + "\",\"memberId\":\"" + MEMBER_ID
                + "\",\"placement\":\"CALL_CARD\"}"), 400, "invalid_message");
        assertRejected(postSession("null", renewal("bad host/with a path", MEMBER_ID, "CALL_CARD")), 400,
                "invalid_form");
        assertNoSession();
    }

    @Test
    void anotherSitesPageCannotAskForASession() throws Exception {
        assertRejected(postSession("https://evil.example", renewal(PORTAL, MEMBER_ID, "CALL_CARD")), 403,
                "bad_origin");
        // the bodies a page may send without a CORS preflight are refused too
        byte[] body = renewal(PORTAL, MEMBER_ID, "CALL_CARD").getBytes(StandardCharsets.UTF_8);
        RawHttp.Response plain = listener.raw("POST /bridge/session HTTP/1.1\r\nHost: " + listener.host()
                + "\r\nOrigin: null\r\nContent-Type: text/plain\r\nContent-Length: " + body.length + "\r\n\r\n", body);
        assertRejected(plain, 415, "unsupported_media_type");
        RawHttp.Response get = listener.raw("GET /bridge/session HTTP/1.1\r\nHost: " + listener.host() + "\r\n\r\n");
        assertEquals(405, get.status());
        assertNoSession();
    }

    /** No refused request left a session behind: the channel has no widget page to command. */
    private void assertNoSession() {
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> listener.callCardChannel().getStatus().get(10, TimeUnit.SECONDS));
        assertEquals(CallCardCommandFailed.Reason.NO_WIDGET,
                assertInstanceOf(CallCardCommandFailed.class, failed.getCause()).reason());
    }

    private static String renewal(String domain, String memberId, String placement) {
        return "{\"domain\":\"" + domain + "\",\"memberId\":\"" + memberId + "\",\"appSid\":\"" + APP_SID
                + "\",\"lang\":\"en\",\"placement\":\"" + placement + "\",\"callId\":\"" + WidgetForms.EXAMPLE_CALL_ID
                + "\",\"auth\":\"page-access-token\",\"refresh\":\"page-refresh-token\",\"expiresIn\":3600}";
    }

    private RawHttp.Response postSession(String origin, String json) throws Exception {
        return postJson("/bridge/session", origin, json);
    }

    private RawHttp.Response postJson(String path, String origin, String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return listener.raw("POST " + path + " HTTP/1.1\r\nHost: " + listener.host() + "\r\nOrigin: " + origin
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n", body);
    }

    private static void assertRejected(RawHttp.Response response, int status, String code) throws Exception {
        assertEquals(status, response.status(), response.body());
        JsonNode body = BitrixExamples.MAPPER.readTree(response.body());
        assertEquals(code, body.get("error").asText(), response.body());
        assertTrue(body.get("message").isTextual());
    }
}
