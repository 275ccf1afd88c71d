package io.callcard.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callcard.sandbox.rest.OAuthTokens;
import io.callcard.wire.StrictJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CALL_CARD widget page as the sandbox plays it, speaking to the companion's listener over real HTTP exactly as
 * the page's bridge script ({@code bridge.js}) does. {@link #deliver} relays what the {@link SimulatedCallCard} says:
 * when a call's card opens it POSTs the handler form to {@code widget/callcard} as the portal's page would
 * (PLACEMENT_OPTIONS all strings), reads the page's session token, and sends every message of that call to
 * {@code bridge/events} with the token and an increasing {@code seq}. A {@link WidgetCommands} thread long-polls
 * {@code bridge/commands} with that session and runs the companion's commands against the card.
 *
 * <p>There is no session-less mode: when no session can be had (the listener is down) a message is not delivered, and
 * the next message tries the handler form again. A 401 (a restarted companion) renews the session through
 * {@code POST bridge/session} with the form's DOMAIN, member_id and APP_SID, as the script does (the real call card
 * denies {@code BX24.reloadWindow()}, so the page cannot post its form again), then tells the companion the card's
 * status at once, as the script's immediate getStatus does. A listener that is down or answers an error must not stop the
 * sandbox, so nothing here throws: posts report their outcome, warn once per outage and log the rest at debug level.
 */
public final class SimulatedWidget implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(SimulatedWidget.class);

    static final String PORTAL_DOMAIN = "sandbox.bitrix24.test";
    /** The form's member_id and APP_SID, which a renewal names again. */
    static final String MEMBER_ID = "sandbox";
    static final String APP_SID = "sandbox";
    private static final Pattern SESSION = Pattern.compile("data-session=\"([A-Za-z0-9_-]+)\"");
    private static final Pattern COMMAND_WAIT = Pattern.compile("data-command-wait-ms=\"(\\d{1,6})\"");
    /** The script's default long-poll wait, when the page does not say. */
    private static final long DEFAULT_COMMAND_WAIT_MILLIS = 10_000;

    private final URI base;
    private final URI endpoint;
    private final URI widgetForm;
    private final URI sessionEndpoint;
    private final HttpClient http;
    private final SimulatedCallCard card;
    private final WidgetCommands commands;
    private volatile boolean closed;
    /** Serialises posts, so that seq order is send order whichever thread posts. */
    private final Object sendLock = new Object();
    /** The widget page open now, or null. */
    private volatile WidgetPage page;
    /** Where the widget's token pairs come from (the sandbox's REST server); null: made-up tokens no portal knows. */
    private volatile Supplier<OAuthTokens> tokenSource;
    /** The pair the forms carry now; reused until shortly before it expires, as a portal does. Guarded by sendLock. */
    private OAuthTokens pair;
    /** True between a failed post and the next delivered one; volatile for reads from either thread. */
    private volatile boolean failing;

    /** @param listenerBase the listener's base URI, e.g. {@code http://127.0.0.1:8765/}; a missing final slash is added */
    public SimulatedWidget(URI listenerBase) {
        this(listenerBase, 1.0);
    }

    /** @param speed the scenario speed, which also shortens the card's 65-second hold */
    public SimulatedWidget(URI listenerBase, double speed) {
        this.endpoint = eventsEndpoint(listenerBase);
        String text = listenerBase.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.widgetForm = base.resolve("widget/callcard?DOMAIN=" + PORTAL_DOMAIN + "&PROTOCOL=1&LANG=en&APP_SID="
                + APP_SID);
        this.sessionEndpoint = base.resolve("bridge/session");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.card = new SimulatedCallCard(speed, System::nanoTime);
        this.commands = new WidgetCommands(this, base.resolve("bridge/commands"));
    }

    static URI eventsEndpoint(URI listenerBase) {
        Objects.requireNonNull(listenerBase, "listenerBase");
        String scheme = listenerBase.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("the listener base must be an http(s) URI: " + listenerBase);
        }
        String base = listenerBase.toString();
        return URI.create(base.endsWith("/") ? base + "bridge/events" : base + "/bridge/events");
    }

    public URI endpoint() {
        return endpoint;
    }

    /**
     * The widget's forms carry token pairs from {@code tokens} (a portal's token endpoint: the sandbox REST server's
     * {@code issueTokens}), which the companion proves; without it they carry made-up tokens no portal knows.
     */
    public void authorisedBy(Supplier<OAuthTokens> tokens) {
        this.tokenSource = Objects.requireNonNull(tokens, "tokens");
    }

    /** The pair a form carries now: access, refresh, seconds left. */
    private String[] currentPair() {
        Supplier<OAuthTokens> source = tokenSource;
        if (source == null) {
            return new String[] {"sandbox-access-token", "sandbox-refresh-token", "3600"};
        }
        synchronized (sendLock) {
            Instant now = Instant.now();
            if (pair == null || !now.plus(Duration.ofMinutes(5)).isBefore(pair.expiresAt())) {
                pair = source.get();
            }
            long left = Math.max(1, Duration.between(now, pair.expiresAt()).getSeconds());
            return new String[] {pair.accessToken(), pair.refreshToken(), Long.toString(left)};
        }
    }

    SimulatedCallCard card() {
        return card;
    }

    HttpClient http() {
        return http;
    }

    /** The session token of the widget page open now, or null. */
    String session() {
        WidgetPage open = page;
        return open == null ? null : open.token();
    }

    WidgetPage page() {
        return page;
    }

    /**
     * Delivers one scenario message as the widget page would, keeping the card up to date; opens the widget for the
     * call first when no page of it is open. True when the listener answered 2xx. Never throws.
     */
    public boolean deliver(String json) {
        JsonNode message = BridgeMessages.parse(json);
        String type = message.path("type").asText();
        String callId = message.path("callId").asText(null);
        updateCard(type, message);
        WidgetPage open = page;
        if (open == null || !Objects.equals(callId, open.callId())) {
            if (type.equals("closed")) {
                return false; // no page of this card was ever open: nobody to tell
            }
            open = openWidget(callId);
            if (open == null) {
                failed("no widget session could be had");
                return false;
            }
        }
        int status = send(open, message);
        if (status == 401 && !type.equals("closed")) {
            // the companion no longer knows this page (restarted): the page asks for a new session and resends
            open = renew(open);
            status = open == null ? -1 : send(open, message);
        }
        if (type.equals("closed")) {
            replacePage(null);
        }
        return status >= 200 && status < 300;
    }

    private void updateCard(String type, JsonNode message) {
        if (type.equals("status")) {
            card.show(message.get("status"));
        } else if (type.equals("closed")) {
            card.closed();
        } else if (message.path("event").asText().equals(BridgeMessages.STATE_CHANGED)
                && message.path("args").path(0).asText().equals(BridgeMessages.IDLE)) {
            card.callEnded();
        }
    }

    /** The portal's browser submitting the handler form for the card showing {@code callId}; the new page or null. */
    private WidgetPage openWidget(String callId) {
        replacePage(null);
        JsonNode status = card.status();
        if (status == null || !Objects.equals(callId, status.path("CALL_ID").asText(null))) {
            return null;
        }
        String[] tokens = currentPair();
        String form = "AUTH_ID=" + encode(tokens[0]) + "&AUTH_EXPIRES=" + tokens[2] + "&REFRESH_ID="
                + encode(tokens[1]) + "&SERVER_ENDPOINT=" + encode("https://oauth.bitrix.info/rest/")
                + "&APPLICATION_TOKEN=sandbox&member_id=" + MEMBER_ID + "&status=L&PLACEMENT=CALL_CARD"
                + "&PLACEMENT_OPTIONS=" + encode(BridgeMessages.placementOptions(status));
        HttpRequest request = HttpRequest.newBuilder(widgetForm)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher token = SESSION.matcher(answer.body());
            if (answer.statusCode() != 200 || !token.find()) {
                log.debug("The widget form got HTTP {} without a session", answer.statusCode());
                return null;
            }
            Matcher wait = COMMAND_WAIT.matcher(answer.body());
            long waitMillis = wait.find() ? Long.parseLong(wait.group(1)) : DEFAULT_COMMAND_WAIT_MILLIS;
            WidgetPage opened = new WidgetPage(token.group(1), callId, waitMillis);
            replacePage(opened);
            commands.startOnce();
            return opened;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            log.debug("The widget form could not be posted ({})", e.toString());
        }
        return null;
    }

    /**
     * A new session for the page {@code stale} was, through {@code POST bridge/session}, followed by the card's status;
     * the page open now when another thread already renewed it; null when the companion refused or is unreachable.
     */
    WidgetPage renew(WidgetPage stale) {
        synchronized (sendLock) {
            WidgetPage open = page;
            if (open != stale) {
                return open;
            }
            ObjectNode request = StrictJson.MAPPER.createObjectNode();
            request.put("domain", PORTAL_DOMAIN);
            request.put("memberId", MEMBER_ID);
            request.put("appSid", APP_SID);
            request.put("lang", "en");
            request.put("placement", "CALL_CARD");
            request.put("callId", stale.callId());
            String[] tokens = currentPair(); // what BX24.getAuth() tells the page
            request.put("auth", tokens[0]);
            request.put("refresh", tokens[1]);
            request.put("expiresIn", Long.parseLong(tokens[2]));
            HttpRequest post = HttpRequest.newBuilder(sessionEndpoint)
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(request.toString(), StandardCharsets.UTF_8))
                    .build();
            try {
                HttpResponse<String> answer = http.send(post, HttpResponse.BodyHandlers.ofString());
                JsonNode body = answer.statusCode() == 200 ? BridgeMessages.parse(answer.body()) : null;
                if (body == null || !body.path("session").isTextual()) {
                    log.debug("The session renewal got HTTP {}", answer.statusCode());
                    replacePage(null);
                    return null;
                }
                WidgetPage renewed = new WidgetPage(body.get("session").asText(), stale.callId(),
                        body.path("commandWaitMs").asLong(DEFAULT_COMMAND_WAIT_MILLIS));
                replacePage(renewed);
                sendStatus(renewed);
                return renewed;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            } catch (IOException | RuntimeException e) {
                log.debug("The session renewal could not be posted ({})", e.toString());
            }
            return null;
        }
    }

    /** The card's status as a getStatus answer of {@code open}'s call, when the card shows that call. */
    private void sendStatus(WidgetPage open) {
        JsonNode status = card.status();
        if (status != null && Objects.equals(open.callId(), status.path("CALL_ID").asText(null))) {
            ObjectNode message = StrictJson.MAPPER.createObjectNode();
            message.put("type", "status");
            message.put("callId", open.callId());
            message.set("status", status);
            send(open, message);
        }
    }

    private void replacePage(WidgetPage next) {
        page = next;
        commands.pageChanged();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Posts {@code message} as a message of {@code open}: its session and next seq added. The HTTP status or -1. */
    int send(WidgetPage open, JsonNode message) {
        synchronized (sendLock) {
            return send(BridgeMessages.withSession(message, open.token(), open.nextSeq()));
        }
    }

    /** Posts {@code json} as it is; true when the listener answered 2xx. Never throws. */
    boolean post(String json) {
        int status = send(json);
        return status >= 200 && status < 300;
    }

    /** The HTTP status, or -1 when there was none. */
    private int send(String json) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                delivered();
            } else {
                failed("the listener answered HTTP " + status);
            }
            return status;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            failed("interrupted while posting");
        } catch (IOException | RuntimeException e) {
            failed(e.toString());
        }
        return -1;
    }

    private void delivered() {
        if (failing) {
            failing = false;
            log.info("Sandbox widget reaches {} again", endpoint);
        }
    }

    private void failed(String why) {
        if (closed) {
            // a post cut short by close(): expected, and the application's last log line may already be written
            log.debug("Sandbox widget post to {} cut short by closing ({})", endpoint, why);
        } else if (!failing) {
            failing = true;
            log.warn("Sandbox widget could not post to {} ({}); the sandbox carries on, further failures at debug level",
                    endpoint, why);
        } else {
            log.debug("Sandbox widget could not post to {} ({})", endpoint, why);
        }
    }

    /** Stops the command poller; the card's waits return at once. */
    @Override
    public void close() {
        close(TIMEOUT);
    }

    /** As {@link #close()}, waiting at most {@code wait} for the command loop's thread to end. */
    void close(Duration wait) {
        closed = true;
        card.stop();
        commands.close(wait);
    }
}
