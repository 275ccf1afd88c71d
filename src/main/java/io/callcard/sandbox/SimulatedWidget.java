package io.callcard.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The widget page's side of the bridge: posts a body to the listener's {@code bridge/events} over real HTTP, as the
 * page's {@code fetch} would. {@link #deliver} also does what the browser and the bridge script do around that: when
 * a new call's card opens (its first {@code status} message), it POSTs the CALL_CARD handler form to
 * {@code widget/callcard} as the portal's page would (PLACEMENT_OPTIONS all strings), reads the session token from the
 * returned page, and sends every message of that call with the token and an increasing {@code seq}; {@code closed}
 * ends the session. When no session can be had (the listener is down, or answers a page without one) or the listener
 * no longer knows it (401, e.g. after a restart), the message goes without a session, which the listener still
 * accepts (BridgeEnvelope), so the demo carries on. A listener that is down or answers an error must not stop the sandbox (the app may start
 * it before the listener, or the listener may restart), so {@link #post} never throws: it reports the outcome, warns
 * once per outage and logs the rest of that outage at debug level, without stack traces.
 */
public final class SimulatedWidget {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(SimulatedWidget.class);

    static final String PORTAL_DOMAIN = "sandbox.bitrix24.test";
    private static final Pattern SESSION = Pattern.compile("data-session=\"([A-Za-z0-9_-]+)\"");

    private final URI endpoint;
    private final URI widgetForm;
    /** The open widget page: touched by the posting thread only. */
    private String session;
    private String sessionCallId;
    private long seq;
    private final HttpClient http;
    /** True between a failed post and the next delivered one; touched by the posting thread only, volatile for reads. */
    private volatile boolean failing;

    /** @param listenerBase the listener's base URI, e.g. {@code http://127.0.0.1:8765/}; a missing final slash is added */
    public SimulatedWidget(URI listenerBase) {
        this.endpoint = eventsEndpoint(listenerBase);
        String base = listenerBase.toString();
        this.widgetForm = URI.create((base.endsWith("/") ? base : base + "/") + "widget/callcard?DOMAIN="
                + PORTAL_DOMAIN + "&PROTOCOL=1&LANG=en&APP_SID=sandbox");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
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

    /** The session token of the widget page open now, or null. */
    String session() {
        return session;
    }

    /**
     * Delivers one scenario message as the widget page would: opening the widget for a new call first, adding
     * {@code session} and {@code seq} while a session is open. True when the listener answered 2xx. Never throws.
     */
    public boolean deliver(String json) {
        JsonNode message = BridgeMessages.parse(json);
        String type = message.path("type").asText();
        String callId = message.path("callId").asText(null);
        if (type.equals("status") && (session == null || !Objects.equals(callId, sessionCallId))) {
            openWidget(message.get("status"), callId);
        }
        if (session == null || !Objects.equals(callId, sessionCallId)) {
            return post(json);
        }
        int status = send(BridgeMessages.withSession(message, session, ++seq));
        if (type.equals("closed")) {
            session = null;
        }
        if (status == 401) {
            session = null; // the companion no longer knows this page (restarted): carry on without one
            return post(json);
        }
        return status >= 200 && status < 300;
    }

    /** The portal's browser submitting the handler form; on success the page's session token is kept. */
    private void openWidget(JsonNode status, String callId) {
        session = null;
        String form = "AUTH_ID=sandbox-access-token&AUTH_EXPIRES=3600&REFRESH_ID=sandbox-refresh-token"
                + "&SERVER_ENDPOINT=" + encode("https://oauth.bitrix.info/rest/")
                + "&APPLICATION_TOKEN=sandbox&member_id=sandbox&status=L&PLACEMENT=CALL_CARD"
                + "&PLACEMENT_OPTIONS=" + encode(BridgeMessages.placementOptions(status));
        HttpRequest request = HttpRequest.newBuilder(widgetForm)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> page = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher token = SESSION.matcher(page.body());
            if (page.statusCode() == 200 && token.find()) {
                session = token.group(1);
                sessionCallId = callId;
                seq = 0;
            } else {
                log.debug("The widget form got HTTP {} without a session; posting without one", page.statusCode());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            log.debug("The widget form could not be posted ({}); posting without a session", e.toString());
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Posts {@code json}; true when the listener answered 2xx. Never throws. */
    public boolean post(String json) {
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
        if (!failing) {
            failing = true;
            log.warn("Sandbox widget could not post to {} ({}); the sandbox carries on, further failures at debug level",
                    endpoint, why);
        } else {
            log.debug("Sandbox widget could not post to {} ({})", endpoint, why);
        }
    }
}
