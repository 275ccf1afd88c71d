package io.callcard.sandbox.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a CallCard event to the HANDLER URLs bound with legacy {@code placement.bindEvent}. The seed pages never said
 * what a handler receives, so the body is JSON with the event name, its JS callback arguments as a list
 * ({@code examples/jsif_callcard_events.jsonc}), a unix {@code ts}, and an {@code auth} block with the
 * {@code application_token} a handler checks, as in Bitrix24's own event posts (protocol.md §5). A handler that is
 * down or answers an error is skipped, as Bitrix24 does not retry deliveries.
 */
final class CallCardEventPoster {

    private static final Logger log = LoggerFactory.getLogger(CallCardEventPoster.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final SandboxCallCard card;
    private final SandboxApplication application;
    private final Clock clock;
    /**
     * Made at the first post: a JDK HTTP client starts a selector thread and loads its TLS set-up at once, and the
     * companion's in-process sandbox never binds a handler, so it never posts (the footprint benchmark counts both).
     */
    private HttpClient http;

    CallCardEventPoster(SandboxCallCard card, SandboxApplication application, Clock clock) {
        this.card = card;
        this.application = application;
        this.clock = clock;
    }

    /** Posts to every handler bound to {@code event}; the number that answered 2xx. */
    int post(String event, JsonNode args) {
        String body = body(event, args);
        int delivered = 0;
        for (String handler : card.handlers(event)) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(handler))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            try {
                int status = http().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status >= 200 && status < 300) {
                    delivered++;
                } else {
                    log.debug("CallCard handler {} answered HTTP {}", handler, status);
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return delivered;
            } catch (IOException | IllegalArgumentException unreachable) {
                log.debug("CallCard handler {} unreachable: {}", handler, unreachable.toString());
            }
        }
        return delivered;
    }

    private String body(String event, JsonNode args) {
        ObjectNode body = Json.object().put("event", event);
        body.set("args", args.isArray() ? args : Json.array().add(args));
        body.put("ts", Long.toString(clock.instant().getEpochSecond()));
        body.putObject("auth")
                .put("domain", application.domain())
                .put("member_id", application.memberId())
                .put("application_token", application.applicationToken());
        try {
            return Json.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException impossible) {
            throw new UncheckedIOException(impossible);
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
