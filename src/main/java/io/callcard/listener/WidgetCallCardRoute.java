package io.callcard.listener;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.callcard.call.CallCardStatus;
import io.callcard.call.CallEvent;
import io.callcard.wire.CallCardFields;
import io.callcard.wire.PhpForm;
import io.callcard.wire.StrictJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /widget/callcard}: the CALL_CARD widget's handler (protocol.md §2). The portal's page submits a form
 * into the widget iframe: DOMAIN, PROTOCOL, LANG, APP_SID in the query, the tokens and PLACEMENT_OPTIONS (a JSON
 * string whose every value is a string) in the body. PLACEMENT_OPTIONS goes through {@link CallCardFields}, the one
 * normaliser, and becomes {@link CallEvent.WidgetOpened}; the answer is the widget page with a fresh session token.
 * Once the portal is configured, DOMAIN and member_id must be its own ({@link ExpectedPortal}, 403 otherwise).
 * Nothing of the form reaches the card until its AUTH_ID is proven ({@link WidgetProofs}, {@link WidgetProof}): the
 * page is answered at once, saying "checking" while the proof runs, its session held in
 * {@link WidgetSession.State#CHECKING}; proven, the form's {@link CallEvent.WidgetOpened} is submitted; refused at once
 * (no token, a portal the agent ignored) the answer is 403 with the reason. The same form posted again while the
 * page it opened is live is 403 {@code form_replayed}. AUTH_ID and REFRESH_ID of a proven form go to {@link InMemoryWidgetCredentials} only: never
 * into the page, never into a log line.
 * The page starts out saying "loading" (nothing has connected yet), carries its words for every state the bridge
 * may show in the portal's LANG, and keeps DOMAIN, member_id and APP_SID for a session renewal after a companion
 * restart ({@link BridgeSessionRoute}; protocol.md, "How the widget bridge meets these facts").
 */
final class WidgetCallCardRoute extends JsonExchangeHandler {

    static final String PATH = "/widget/callcard";
    static final String BRIDGE_SCRIPT = "/widget/bridge.js";

    /** The form is a few hundred bytes plus the tokens; PLACEMENT_OPTIONS with many bindings stays far below this. */
    static final int MAX_BODY_BYTES = 65_536;

    private final TrackerFeed feed;
    private final WidgetSessions sessions;
    private final InMemoryWidgetCredentials credentials;
    private final WidgetConfig config;
    private final ExpectedPortal portal;
    private final WidgetProofs proofs;
    private final InputHeard heard;

    WidgetCallCardRoute(TrackerFeed feed, WidgetSessions sessions, InMemoryWidgetCredentials credentials,
                        WidgetConfig config, ExpectedPortal portal, WidgetProofs proofs, InputHeard heard) {
        this.heard = Objects.requireNonNull(heard, "heard");
        this.proofs = Objects.requireNonNull(proofs, "proofs");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.config = Objects.requireNonNull(config, "config");
        this.portal = Objects.requireNonNull(portal, "portal");
    }

    @Override
    protected void serve(HttpExchange exchange) throws IOException {
        RequestGuards.requireExactPath(exchange, PATH);
        RequestGuards.requireMethod(exchange, "POST");
        requireForm(exchange);
        Map<String, String> query = PhpForm.decodeFlat(exchange.getRequestURI().getRawQuery());
        String origin = HtmlResponses.portalOrigin(query.get("DOMAIN"), query.get("PROTOCOL"));
        byte[] body = BoundedBody.read(exchange, MAX_BODY_BYTES);
        Map<String, String> form = PhpForm.decodeFlat(new String(body, StandardCharsets.ISO_8859_1));
        portal.check(query.get("DOMAIN"), form.get("member_id"));
        String placement = form.get("PLACEMENT");
        if (placement != null && !placement.equals("CALL_CARD")) {
            throw WidgetRejections.invalidForm("PLACEMENT must be CALL_CARD");
        }
        JsonNode options = placementOptions(form.get("PLACEMENT_OPTIONS"));
        CallCardStatus status = CallCardStatus.of(CallCardFields.decode(options));
        WidgetAuth claim = claim(query.get("DOMAIN"), form, feed.now());
        String access = claim.accessToken();
        String rawOptions = form.get("PLACEMENT_OPTIONS");
        WidgetSession session = sessions.open(status.callId());
        if (!access.isBlank() && !proofs.firstTime(access, rawOptions, session, sessions)) {
            sessions.end(session);
            throw WidgetRejections.formReplayed();
        }
        CompletableFuture<WidgetVerdict> verdict = proofs.prove(claim);
        verdict.thenAccept(answer -> {
            if (WidgetVerdict.PORTAL_UNREACHABLE.equals(answer.reason())) {
                proofs.forget(access, rawOptions); // unproven, not refused: reopening the tab may try again
            }
        });
        proofs.settle(session, claim.domain(), verdict, () -> {
            portal.pin(claim.memberId());
            if (!access.isBlank()) {
                credentials.offer(claim); // only a proven form's pair reaches the credentials' watchers
            }
            // stamped after the credentials' watchers ran: what they stopped must not look newer than this load
            feed.submit(InputChannel.WIDGET_BRIDGE, at -> new CallEvent.WidgetOpened(at, status),
                    opened -> heard.heard(InputChannel.WIDGET_BRIDGE, opened.at()));
        });
        if (session.state() == WidgetSession.State.REFUSED) {
            sessions.end(session);
            throw WidgetRejections.refused(session.refusal());
        }
        String language = WidgetTexts.language(query.get("LANG"));
        HtmlResponses.sendPage(exchange, origin, page(language, session, status.callId(), new PagePortal(
                query.get("DOMAIN"), form.get("member_id"), query.get("APP_SID"))));
    }

    private static void requireForm(HttpExchange exchange) {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/x-www-form-urlencoded")) {
            throw WidgetRejections.notAForm();
        }
    }

    private static JsonNode placementOptions(String text) {
        if (text == null || text.isBlank()) {
            throw WidgetRejections.invalidForm("PLACEMENT_OPTIONS is required");
        }
        try {
            JsonNode options = StrictJson.MAPPER.readTree(text);
            if (options == null || !options.isObject()) {
                throw WidgetRejections.invalidForm("PLACEMENT_OPTIONS must be a JSON object");
            }
            return options;
        } catch (JsonProcessingException malformed) {
            throw RequestRejected.malformedJson();
        }
    }

    /** What the form claims: its portal and token pair (an empty AUTH_ID when it brought none, which is refused). */
    private static WidgetAuth claim(String domain, Map<String, String> form, Instant now) {
        String access = form.get("AUTH_ID");
        return new WidgetAuth(domain, access == null ? "" : access.trim(), form.get("REFRESH_ID"),
                now.plusSeconds(lifetimeSeconds(form.get("AUTH_EXPIRES"))), form.get("SERVER_ENDPOINT"),
                form.get("member_id"));
    }

    /** AUTH_EXPIRES in seconds, 1..3600; the documented lifetime is an hour, and nothing is believed beyond it. */
    static long lifetimeSeconds(String text) {
        long lifetime = 3600;
        try {
            lifetime = text == null ? 3600 : Long.parseLong(text.trim());
        } catch (NumberFormatException notANumber) {
            // the documented lifetime is an hour
        }
        return Math.max(1, Math.min(lifetime, 3600));
    }

    /**
     * What the page keeps of its form to ask for a new session after a companion restart ({@link BridgeSessionRoute}):
     * the portal's DOMAIN and member_id and the frame's APP_SID. None of them is a secret (the portal writes DOMAIN and
     * APP_SID into the frame's name); the tokens never reach the page.
     */
    private record PagePortal(String domain, String memberId, String appSid) {
    }

    /** Each state the bridge may show, as {@code data-msg-<state>} (see bridge.js and {@link WidgetTexts}). */
    private static final String[] PAGE_STATES = {"loading", "checking", "refused", "connected", "offline", "expired",
        "nobx24", "notcallcard"};

    private String page(String language, WidgetSession session, String callId, PagePortal portal) {
        Map<String, String> texts = WidgetTexts.forLanguage(language);
        StringBuilder html = new StringBuilder(2048);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(language).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>CallCard Companion</title>\n")
                .append("<style>body{font:13px/1.4 sans-serif;margin:8px;color:#333}")
                .append("#companion-hint{color:#777;font-size:12px}</style>\n</head>\n");
        html.append("<body");
        for (String key : PAGE_STATES) {
            attribute(html, "data-msg-" + key, texts.get(key));
        }
        // nothing has connected yet: the bridge says "connected" only after its first exchange with the companion;
        // a page whose token the portal has not proven yet says "checking" until it is
        String state = session.state() == WidgetSession.State.PROVEN ? "loading" : "checking";
        html.append(">\n<p id=\"companion-status\" data-state=\"").append(state).append("\">")
                .append(HtmlResponses.escape(texts.get(state))).append("</p>\n");
        html.append("<p id=\"companion-hint\">").append(HtmlResponses.escape(texts.get("firstTab"))).append("</p>\n");
        html.append("<script src=\"").append(HtmlResponses.escape(config.bx24Script().toString()))
                .append("\"></script>\n");
        html.append("<script src=\"").append(BRIDGE_SCRIPT).append('"');
        attribute(html, "data-session", session.token());
        attribute(html, "data-call-id", callId);
        attribute(html, "data-poll-ms", Long.toString(config.pollInterval().toMillis()));
        attribute(html, "data-command-wait-ms", Long.toString(BridgeCommandsRoute.MAX_WAIT_MILLIS));
        attribute(html, "data-domain", portal.domain());
        attribute(html, "data-member-id", portal.memberId());
        attribute(html, "data-app-sid", portal.appSid());
        attribute(html, "data-lang", language);
        html.append("></script>\n</body>\n</html>\n");
        return html.toString();
    }

    /** {@code name="value"}, escaped; nothing when the value is absent. */
    private static void attribute(StringBuilder html, String name, String value) {
        if (value != null) {
            html.append(' ').append(name).append("=\"").append(HtmlResponses.escape(value)).append('"');
        }
    }
}
