package io.callcard.sandbox.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.callcard.wire.PhpForm;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request to the sandbox portal: faults first, then the route. {@code /rest/USER_ID/CODE/method} is an inbound
 * webhook, {@code /rest/method} an OAuth call with {@code auth} in the query or body, {@code /oauth/token/} the token
 * endpoint. Parameters from the query and the body (JSON, or form with PHP-style keys) merge into one tree, the body
 * winning. A REST call is authenticated, then counted in its credential's leaky bucket, then dispatched.
 */
final class RestHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(RestHandler.class);
    /** Bodies beyond this are refused; a batch of 50 commands stays far below it. */
    private static final int MAX_BODY = 1 << 20;

    private final SandboxFaults faults;
    private final SandboxAuth auth;
    private final LeakyBucket bucket;
    private final RestDispatcher dispatcher;
    private final RestTime time;
    private final OAuthTokenEndpoint tokenEndpoint;
    private final Supplier<URI> movedTo;

    /** @param movedTo the new portal's base once this one moved (REST requests are then redirected), else null */
    RestHandler(SandboxFaults faults, SandboxAuth auth, LeakyBucket bucket, RestDispatcher dispatcher, RestTime time,
            OAuthTokenEndpoint tokenEndpoint, Supplier<URI> movedTo) {
        this.movedTo = movedTo;
        this.faults = faults;
        this.auth = auth;
        this.bucket = bucket;
        this.dispatcher = dispatcher;
        this.time = time;
        this.tokenEndpoint = tokenEndpoint;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (injectFault(exchange)) {
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            URI moved = movedTo.get();
            if (moved != null && path.startsWith("/rest/")) {
                redirect(exchange, moved);
                return;
            }
            ObjectNode params;
            try {
                params = params(exchange);
            } catch (RestError error) {
                HttpAnswers.json(exchange, error.status(), error.body());
                return;
            }
            if (path.equals("/oauth/token/") || path.equals("/oauth/token")) {
                tokenEndpoint.handle(exchange, params);
            } else if (path.startsWith("/rest/")) {
                rest(exchange, path.substring("/rest/".length()).split("/", -1), params);
            } else {
                HttpAnswers.send(exchange, 404, "text/plain; charset=utf-8",
                        "Not found".getBytes(StandardCharsets.UTF_8));
            }
        } catch (RuntimeException bug) {
            log.error("Sandbox REST request failed", bug);
            throw bug;
        }
    }

    /**
     * A portal that moved domains: 302 to the same path and query on the new domain, with no body, as Bitrix24 does.
     * The client must repeat its POST there (protocol.md §4); a client that follows it as a GET loses the body.
     */
    private static void redirect(HttpExchange exchange, URI moved) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String pathAndQuery = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        exchange.getResponseHeaders().set("Location", moved.resolve(pathAndQuery).toString());
        exchange.sendResponseHeaders(302, -1);
    }

    /** True when a fault switch answered (or dropped) the request. */
    private boolean injectFault(HttpExchange exchange) throws IOException {
        Duration latency = faults.latency();
        if (!latency.isZero()) {
            try {
                Thread.sleep(latency.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (faults.takeDrop()) {
            // closing before any response header makes the JDK server close the connection: the client sees EOF
            exchange.close();
            return true;
        }
        if (faults.takeServerError()) {
            RestError error = RestError.internal();
            HttpAnswers.json(exchange, error.status(), error.body());
            return true;
        }
        if (faults.garbageBodies()) {
            HttpAnswers.garbage(exchange);
            return true;
        }
        return false;
    }

    private void rest(HttpExchange exchange, String[] segments, ObjectNode params) throws IOException {
        RestTime.Started started = time.start();
        try {
            if (faults.rateLimitStorm()) {
                throw RestError.queryLimitExceeded();
            }
            if (faults.overload()) {
                throw RestError.overloadLimit();
            }
            Credential credential;
            String method;
            if (segments.length == 3) {
                credential = auth.webhook(segments[0], segments[1]);
                method = segments[2];
            } else if (segments.length == 1) {
                JsonNode token = params.remove("auth");
                credential = auth.accessToken(token == null ? null : token.asText());
                method = segments[0];
            } else {
                throw RestError.methodNotFound();
            }
            params.remove("auth");
            if (!bucket.tryAcquire(credential.bucketKey())) {
                throw RestError.queryLimitExceeded();
            }
            if (faults.takeOperationTimeLimit(method)) {
                throw RestError.operationTimeLimit();
            }
            RestResult result = dispatcher.dispatch(method, params, credential);
            ObjectNode body = Json.object();
            body.set("result", result.result());
            result.total().ifPresent(total -> body.put("total", total));
            result.next().ifPresent(next -> body.put("next", next));
            body.set("time", started.block());
            HttpAnswers.json(exchange, 200, body);
        } catch (RestError error) {
            HttpAnswers.json(exchange, error.status(), error.body());
        }
    }

    /** The query's parameters, overlaid with the body's (JSON object or PHP-style form). */
    private static ObjectNode params(HttpExchange exchange) throws IOException {
        ObjectNode params = PhpForm.decodeAsPhp(exchange.getRequestURI().getRawQuery());
        byte[] raw = readBody(exchange.getRequestBody());
        if (raw.length == 0) {
            return params;
        }
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"))
                .toLowerCase(Locale.ROOT);
        String text = new String(raw, StandardCharsets.UTF_8);
        ObjectNode body;
        if (contentType.startsWith("application/json")) {
            JsonNode parsed;
            try {
                parsed = Json.MAPPER.readTree(text);
            } catch (IOException notJson) {
                throw new RestError(400, "INVALID_REQUEST", "Request body is not valid JSON");
            }
            if (!(parsed instanceof ObjectNode)) {
                throw new RestError(400, "INVALID_REQUEST", "Request body must be a JSON object");
            }
            body = (ObjectNode) parsed;
        } else {
            body = PhpForm.decodeAsPhp(text);
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            params.set(field.getKey(), field.getValue());
        }
        return params;
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] raw = in.readNBytes(MAX_BODY + 1);
        if (raw.length > MAX_BODY) {
            throw new RestError(413, "INVALID_REQUEST", "Request body too large");
        }
        return raw;
    }
}
