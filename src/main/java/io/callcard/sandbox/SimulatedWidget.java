package io.callcard.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The widget page's side of the bridge: posts a body to the listener's {@code bridge/events} over real HTTP, as the
 * page's {@code fetch} would. A listener that is down or answers an error must not stop the sandbox (the app may start
 * it before the listener, or the listener may restart), so {@link #post} never throws: it reports the outcome, warns
 * once per outage and logs the rest of that outage at debug level, without stack traces.
 */
public final class SimulatedWidget {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(SimulatedWidget.class);

    private final URI endpoint;
    private final HttpClient http;
    /** True between a failed post and the next delivered one; touched by the posting thread only, volatile for reads. */
    private volatile boolean failing;

    /** @param listenerBase the listener's base URI, e.g. {@code http://127.0.0.1:8765/}; a missing final slash is added */
    public SimulatedWidget(URI listenerBase) {
        this.endpoint = eventsEndpoint(listenerBase);
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

    /** Posts {@code json}; true when the listener answered 2xx. Never throws. */
    public boolean post(String json) {
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
                return true;
            }
            failed("the listener answered HTTP " + status);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            failed("interrupted while posting");
        } catch (IOException | RuntimeException e) {
            failed(e.toString());
        }
        return false;
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
