package io.callcard.listener;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code POST /bridge/session}: a widget page that is still open asks for a new session after the companion restarted
 * (protocol.md, "Sessions and restarts"). Inside the call card the portal denies {@code BX24.reloadWindow()}, so the
 * page cannot fetch a fresh handler form; it sends what its form told it instead, as JSON:
 * {@code {"domain":"x.bitrix24.com","memberId":"…","appSid":"…","lang":"en","placement":"CALL_CARD","callId":"…",
 * "auth":"…","refresh":"…","expiresIn":3600}} ({@code lang}, {@code callId}, {@code refresh}, {@code expiresIn}
 * optional; {@code auth} is the page's {@code BX24.getAuth().access_token}, required: 403 {@code proof_required}
 * without it). The answer is {@code 200 {"session":"…","state":"checking"|"proven","pollMs":1000,
 * "commandWaitMs":10000}}; the page then runs getStatus at once, so nothing of this request reaches the tracker.
 *
 * <p>It is checked as the widget handler POST is: the gate's Host, Origin and rate checks
 * ({@link RoutePolicy#BRIDGE_SESSION}), then the configured portal's DOMAIN and member_id ({@link ExpectedPortal},
 * 403 {@code wrong_portal}); a body that is not such an object is 400 with a JSON reason.
 *
 * <p>What a hostile web page in the agent's browser can do with this route: nothing useful. Its fetch carries its own
 * Origin (403 {@code bad_origin}); a JSON body is not a "simple" request, so a cross-site fetch needs a CORS preflight
 * this listener never grants, and the text/plain or form bodies that skip the preflight are refused here (415); and
 * without CORS headers it could not read the token anyway. A program on this workstation could mint a session, but it
 * could post the handler form just as well. What the request proves today is only that the caller knows the portal's
 * DOMAIN and member_id (neither is secret) and a token the portal proves ({@link #admit}): the same proof as the
 * handler form's.
 */
final class BridgeSessionRoute extends JsonExchangeHandler {

    static final String PATH = "/bridge/session";

    /** A few short strings; anything larger is not a renewal. */
    static final int MAX_BODY_BYTES = 4_096;

    private final WidgetSessions sessions;
    private final WidgetConfig config;
    private final ExpectedPortal portal;
    private final WidgetProofs proofs;
    private final InMemoryWidgetCredentials credentials;
    private final TrackerFeed feed;

    BridgeSessionRoute(WidgetSessions sessions, WidgetConfig config, ExpectedPortal portal, WidgetProofs proofs,
                       InMemoryWidgetCredentials credentials, TrackerFeed feed) {
        this.proofs = Objects.requireNonNull(proofs, "proofs");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.config = Objects.requireNonNull(config, "config");
        this.portal = Objects.requireNonNull(portal, "portal");
    }

    /**
     * What a renewal names: the page's portal and frame, the call its page was opened for (may be null), and the
     * page's token pair ({@code BX24.getAuth()}; {@code refresh} may be null).
     */
    record Renewal(String domain, String memberId, String appSid, String callId, String auth, String refresh,
                   long expiresIn) {
        @Override
        public String toString() {
            return "Renewal[domain=" + domain + ", callId=" + callId + ", tokens=<redacted>]";
        }
    }

    @Override
    protected void serve(HttpExchange exchange) throws IOException {
        RequestGuards.requireExactPath(exchange, PATH);
        RequestGuards.requireMethod(exchange, "POST");
        RequestGuards.requireJsonContentType(exchange);
        Renewal renewal = decode(JsonBodies.parse(BoundedBody.read(exchange, MAX_BODY_BYTES)));
        WidgetSession session = admit(renewal);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("session", session.token());
        body.put("state", session.state() == WidgetSession.State.PROVEN ? "proven" : "checking");
        body.put("pollMs", config.pollInterval().toMillis());
        body.put("commandWaitMs", BridgeCommandsRoute.MAX_WAIT_MILLIS);
        JsonResponses.send(exchange, 200, body);
    }

    /**
     * The one place a renewal is judged: the configured portal's DOMAIN and member_id, exactly as the handler POST,
     * then the page's token proven as a form's is ({@link WidgetProofs}). The new session is
     * {@link WidgetSession.State#CHECKING} until then (its messages held); a pair proven before makes it proven at
     * once, and a refusal known at once is 403 with its reason. Proven, the pair is offered again to the
     * credentials' watchers: a page renewed after a restart signs the outcome look-ups as a fresh load would.
     */
    private WidgetSession admit(Renewal renewal) {
        portal.check(renewal.domain(), renewal.memberId());
        if (renewal.auth() == null || renewal.auth().isBlank()) {
            throw WidgetRejections.proofRequired();
        }
        WidgetAuth claim = new WidgetAuth(renewal.domain(), renewal.auth(), renewal.refresh(),
                feed.now().plusSeconds(renewal.expiresIn()), null, renewal.memberId());
        WidgetSession session = sessions.open(renewal.callId());
        proofs.settle(session, claim.domain(), proofs.prove(claim), () -> {
            portal.pin(claim.memberId());
            credentials.offer(claim);
        });
        if (session.state() == WidgetSession.State.REFUSED) {
            sessions.end(session);
            throw WidgetRejections.refused(session.refusal());
        }
        return session;
    }

    private static Renewal decode(JsonNode body) {
        if (!body.isObject()) {
            throw RequestRejected.invalidMessage("a session request must be a JSON object");
        }
        String domain = requiredText(body, "domain");
        HtmlResponses.portalOrigin(domain, null); // the same host-name rule as the handler's DOMAIN
        String appSid = requiredText(body, "appSid");
        String placement = requiredText(body, "placement");
        if (!placement.equals("CALL_CARD")) {
            throw RequestRejected.invalidMessage("placement must be CALL_CARD");
        }
        optionalText(body, "lang");
        String expiresIn = optionalText(body, "expiresIn");
        return new Renewal(domain, optionalText(body, "memberId"), appSid, optionalText(body, "callId"),
                optionalText(body, "auth"), optionalText(body, "refresh"),
                WidgetCallCardRoute.lifetimeSeconds(expiresIn));
    }

    private static String requiredText(JsonNode body, String key) {
        String value = optionalText(body, key);
        if (value == null || value.isBlank()) {
            throw RequestRejected.invalidMessage(key + " must be a non-empty string");
        }
        return value;
    }

    private static String optionalText(JsonNode body, String key) {
        JsonNode value = body.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && key.equals("expiresIn")) {
            return value.asText();
        }
        if (!value.isTextual() || value.asText().length() > 256) {
            throw RequestRejected.invalidMessage(key + " must be a short string");
        }
        return value.asText();
    }
}
