package io.callcard.app;

import static io.callcard.testing.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallEvent;
import io.callcard.listener.ListenerConfig;
import io.callcard.listener.WidgetVerdict;
import io.callcard.sandbox.rest.OAuthTokens;
import io.callcard.sandbox.rest.SandboxRestServer;
import io.callcard.testing.ListenerFixture;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's proof over real sockets: the real listener, the application's {@link PortalWidgetProof}, and the real
 * sandbox REST server as the configured portal issuing and proving tokens. Forged tokens, another portal's token,
 * another user's, an expired one, a portal that never answers, and replayed forms: none reaches the tracker; a
 * genuine form does, exactly once, and a second page with the same pair costs no second request.
 */
class WidgetProofOverSocketsTest {

    private static final String MEMBER_ID = "a223c6b9410f85df78e9377d6c4f7213";
    private static final Pattern SESSION = Pattern.compile("data-session=\"([A-Za-z0-9_-]+)\"");
    private static final Pattern STATE = Pattern.compile("id=\"companion-status\" data-state=\"([a-z]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final SandboxRestServer portal = SandboxRestServer.builder().start();
    private final List<AutoCloseable> opened = new ArrayList<>();
    /** Every WidgetOpened the tracker applied, by CALL_ID. */
    private final List<String> widgetsOpened = new CopyOnWriteArrayList<>();
    private final AtomicLong seq = new AtomicLong();
    private ListenerFixture listener;
    private String agent;

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable part : opened) {
            part.close();
        }
        portal.close();
    }

    /** The listener with the configured portal {@code portalAddress}, proofs timing out after {@code timeout}. */
    private void start(String portalAddress, Duration timeout) throws Exception {
        PortalWidgetProof proof = new PortalWidgetProof(portalAddress, "sandbox.bitrix24.test", Optional::empty,
                () -> Optional.ofNullable(agent), (domain, answer) -> answer.accept(false),
                PortalWidgetProof.clientsFor("test", timeout), timeout);
        opened.add(proof);
        listener = ListenerFixture.start(ListenerConfig.loopback(0).withPortal("127.0.0.1", MEMBER_ID),
                Clock.systemUTC(), Optional::empty, proof);
        opened.add(0, listener);
        listener.tracker().subscribe(update -> {
            if (update.event() instanceof CallEvent.WidgetOpened opened) {
                widgetsOpened.add(opened.status().callId());
            }
        });
    }

    private void start() throws Exception {
        start(portal.baseUri().toString().replaceAll("/$", ""), Duration.ofSeconds(5));
    }

    @Test
    void aGenuineFormReachesTheCardExactlyOnceAndItsReplayNever() throws Exception {
        start();
        OAuthTokens pair = portal.issueTokens();
        String form = form(pair.accessToken(), "call.genuine");
        HttpResponse<String> page = post(form);
        assertEquals(200, page.statusCode(), page.body());
        waitFor(() -> "call.genuine".equals(listener.tracker().current().callId()), "the genuine call on the card");
        assertEquals(List.of("call.genuine"), widgetsOpened);

        HttpResponse<String> replay = post(form);
        assertEquals(403, replay.statusCode());
        assertTrue(replay.body().contains("\"form_replayed\""), replay.body());
        listener.settle();
        assertEquals(List.of("call.genuine"), widgetsOpened, "the replayed form reached nothing");
        assertEquals(1, portal.requestsFor("user.current"), "one request proved the pair");
        assertFalse(replay.body().contains(pair.accessToken()), "the token is never echoed");
    }

    @Test
    void theSameFormOpensAPageAgainOnlyOnceItsEarlierPageClosed() throws Exception {
        start();
        String form = form(portal.issueTokens().accessToken(), "call.again");
        String first = session(post(form));
        waitFor(() -> widgetsOpened.contains("call.again"), "the first page proven");
        assertEquals(403, post(form).statusCode(), "replayed while its page is open");
        String closed = "{\"type\":\"closed\",\"session\":\"" + first + "\",\"seq\":" + seq.incrementAndGet()
                + ",\"callId\":\"call.again\"}";
        assertEquals(202, HTTP.send(HttpRequest.newBuilder(listener.uri("bridge/events"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(closed)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        waitFor(() -> post(form).statusCode() == 200, "the card shows the same call again (Bitrix24 may, within 30"
                + " minutes): a new page");
        waitFor(() -> widgetsOpened.size() == 2, "the new page's call");
        assertEquals(403, post(form).statusCode(), "and that page is one page too");
        listener.settle();
        assertEquals(List.of("call.again", "call.again"), widgetsOpened, "one WidgetOpened per page, never more");
        assertEquals(1, portal.requestsFor("user.current"), "the proven pair is not asked again");
    }

    @Test
    void aSecondPageWithTheSameProvenPairCostsNoRequestAndIsProvenBeforeItIsAnswered() throws Exception {
        start();
        OAuthTokens pair = portal.issueTokens();
        assertEquals(200, post(form(pair.accessToken(), "call.first")).statusCode());
        waitFor(() -> widgetsOpened.contains("call.first"), "the first page proven");
        HttpResponse<String> second = post(form(pair.accessToken(), "call.second"));
        assertEquals("loading", state(second), "a pair proven before: the page does not even say checking");
        listener.settle();
        assertEquals(List.of("call.first", "call.second"), widgetsOpened);
        assertEquals(1, portal.requestsFor("user.current"), "the proven pair is cached for its lifetime");
    }

    @Test
    void aForgedTokenNeverReachesTheCardAndItsPageIsRefusedWithAReason() throws Exception {
        start();
        HttpResponse<String> page = post(form("forged-access-token", "call.forged"));
        String session = session(page);
        waitFor(() -> postStatus(session, "call.forged").statusCode() == 403, "the forged page refused");
        HttpResponse<String> refused = postStatus(session, "call.forged");
        assertTrue(refused.body().contains("\"" + WidgetVerdict.TOKEN_REFUSED + "\""), refused.body());
        HttpResponse<String> commands = HTTP.send(HttpRequest.newBuilder(listener.uri(
                "bridge/commands?session=" + session + "&after=0")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, commands.statusCode(), "a refused page's command polls are refused too");
        assertNothingReachedTheCard();
    }

    @Test
    void anotherPortalsGenuineTokenIsRefused() throws Exception {
        try (SandboxRestServer other = SandboxRestServer.builder().start()) {
            start();
            assertRefused(other.issueTokens().accessToken(), "call.other-portal", WidgetVerdict.TOKEN_REFUSED);
            assertEquals(0, other.requestsFor("user.current"), "the other portal is never asked");
        }
    }

    @Test
    void anotherUsersTokenIsRefusedWhenTheAgentIsKnown() throws Exception {
        agent = "1";
        start();
        assertRefused(portal.issueTokensFor(7).accessToken(), "call.other-user", WidgetVerdict.OTHER_USER);
    }

    @Test
    void withTheAgentUnknownTheFirstProvenUserIsKeptAndAnotherUsersTokenRefused() throws Exception {
        start();
        assertEquals(200, post(form(portal.issueTokens().accessToken(), "call.agent")).statusCode());
        waitFor(() -> widgetsOpened.contains("call.agent"), "the agent's page proven");
        assertRefused(portal.issueTokensFor(7).accessToken(), "call.colleague", WidgetVerdict.OTHER_USER);
        assertEquals(List.of("call.agent"), widgetsOpened);
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        start();
        OAuthTokens pair = portal.issueTokens();
        portal.faults().expireAllTokensNow();
        assertRefused(pair.accessToken(), "call.expired", WidgetVerdict.TOKEN_EXPIRED);
    }

    @Test
    void aPortalThatNeverAnswersLeavesTheFormUnprovenAndSaysSo() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            List<Socket> accepted = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept()); // accepted, never answered
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            start("http://127.0.0.1:" + silent.getLocalPort(), Duration.ofMillis(500));
            assertRefused(portal.issueTokens().accessToken(), "call.silent", WidgetVerdict.PORTAL_UNREACHABLE);
            assertFalse(accepted.isEmpty(), "the proof did ask the configured portal");
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void aFormWithoutATokenIsRefusedAtOnce() throws Exception {
        start();
        HttpResponse<String> page = post(form("", "call.tokenless").replace("AUTH_ID=&", ""));
        assertEquals(403, page.statusCode());
        assertTrue(page.body().contains("\"" + WidgetVerdict.NO_TOKEN + "\""), page.body());
        assertNothingReachedTheCard();
    }

    /** The page loads saying checking, then every post of it is 403 with {@code reason}; nothing reached the card. */
    private void assertRefused(String accessToken, String callId, String reason) throws Exception {
        HttpResponse<String> page = post(form(accessToken, callId));
        assertEquals(200, page.statusCode(), page.body());
        String session = session(page);
        waitFor(() -> postStatus(session, callId).statusCode() == 403, "the page of " + callId + " refused");
        HttpResponse<String> refused = postStatus(session, callId);
        assertTrue(refused.body().contains("\"" + reason + "\""), refused.body());
        assertFalse(refused.body().contains(accessToken), "the token is never echoed");
        listener.settle();
        assertFalse(widgetsOpened.contains(callId), "nothing of the refused form reached the card");
        assertNotEquals(callId, listener.tracker().current().callId());
    }

    private void assertNothingReachedTheCard() throws Exception {
        listener.settle();
        assertEquals(List.of(), widgetsOpened);
        assertEquals(null, listener.tracker().current().callId());
    }

    private String form(String accessToken, String callId) {
        return "AUTH_ID=" + enc(accessToken) + "&AUTH_EXPIRES=3600&REFRESH_ID=r&member_id=" + MEMBER_ID
                + "&PLACEMENT=CALL_CARD&PLACEMENT_OPTIONS=" + enc("{\"CALL_ID\":\"" + callId
                + "\",\"CALL_STATE\":\"connected\",\"CALL_DIRECTION\":\"incoming\",\"PHONE_NUMBER\":\"+18005550199\","
                + "\"CRM_ENTITY_TYPE\":\"\",\"CRM_ENTITY_ID\":\"0\",\"CALL_LIST_MODE\":\"false\"}");
    }

    private HttpResponse<String> post(String form) throws Exception {
        String query = "DOMAIN=" + enc("127.0.0.1:" + portal.port()) + "&PROTOCOL=0&LANG=en&APP_SID=test";
        return HTTP.send(HttpRequest.newBuilder(listener.uri("widget/callcard?" + query))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "null")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postStatus(String session, String callId) throws Exception {
        String json = "{\"type\":\"status\",\"session\":\"" + session + "\",\"seq\":" + seq.incrementAndGet()
                + ",\"callId\":\"" + callId + "\",\"status\":{\"CALL_ID\":\"" + callId
                + "\",\"CALL_STATE\":\"connected\"}}";
        return HTTP.send(HttpRequest.newBuilder(listener.uri("bridge/events"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String session(HttpResponse<String> page) {
        Matcher session = SESSION.matcher(page.body());
        assertTrue(session.find(), page.body());
        return session.group(1);
    }

    private static String state(HttpResponse<String> page) {
        Matcher state = STATE.matcher(page.body());
        assertTrue(state.find(), page.body());
        return state.group(1);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
