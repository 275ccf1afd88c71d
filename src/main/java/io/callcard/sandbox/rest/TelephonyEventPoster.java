package io.callcard.sandbox.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callcard.wire.PhpForm;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts {@code ONVOXIMPLANT*} events as Bitrix24 does for an outgoing webhook (protocol.md §5): one
 * {@code application/x-www-form-urlencoded} POST with PHP-style keys, {@code event}, {@code event_handler_id} (one id
 * per handler URL, as if each were registered once), {@code data[...]}, {@code ts} and an {@code auth[...]} block with
 * {@code domain}, {@code client_endpoint}, {@code server_endpoint}, {@code member_id} and the
 * {@code application_token} the receiver must verify. No retries: Bitrix24 does not retry a failed delivery.
 */
final class TelephonyEventPoster {

    private static final Logger log = LoggerFactory.getLogger(TelephonyEventPoster.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final SandboxApplication application;
    private final Clock clock;
    private final Map<URI, Integer> handlerIds = new ConcurrentHashMap<>();
    private final AtomicInteger nextHandlerId = new AtomicInteger(1061);
    /**
     * Made at the first post: a JDK HTTP client starts a selector thread and loads its TLS set-up at once, and the
     * companion's in-process sandbox never binds a handler, so it never posts (the footprint benchmark counts both).
     */
    private HttpClient http;

    TelephonyEventPoster(SandboxApplication application, Clock clock) {
        this.application = application;
        this.clock = clock;
    }

    /** The body as it goes on the wire. */
    String body(URI handler, String event, Map<String, String> data) {
        ObjectNode tree = Json.object().put("event", event)
                .put("event_handler_id", Integer.toString(handlerIds.computeIfAbsent(handler,
                        h -> nextHandlerId.getAndIncrement())));
        tree.set("data", Json.strings(data));
        tree.put("ts", Long.toString(clock.instant().getEpochSecond()));
        tree.putObject("auth")
                .put("domain", application.domain())
                .put("client_endpoint", application.restEndpoint())
                .put("server_endpoint", application.restEndpoint())
                .put("member_id", application.memberId())
                .put("application_token", application.applicationToken());
        return PhpForm.encode(tree);
    }

    /** The handler's HTTP status, or -1 when it could not be reached. */
    int post(URI handler, String event, Map<String, String> data) {
        HttpRequest request = HttpRequest.newBuilder(handler)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body(handler, event, data)))
                .build();
        try {
            return http().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (IOException unreachable) {
            log.debug("Event handler {} unreachable: {}", handler, unreachable.toString());
            return -1;
        }
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
        return http;
    }
}
