package io.callcard.listener;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.callcard.wire.StrictJson;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes every JSON answer the listener gives, with the same headers on each. */
final class JsonResponses {

    private static final ObjectMapper MAPPER = StrictJson.MAPPER;

    private JsonResponses() {
    }

    static void send(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, body, Map.of());
    }

    static void sendRejection(HttpExchange exchange, RequestRejected rejection) throws IOException {
        send(exchange, rejection.status(), error(rejection.code(), rejection.getMessage()), rejection.headers());
    }

    /** The body of every error: a code for programs and the UI, a short message for developers. */
    static Map<String, Object> error(String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        return body;
    }

    private static void send(HttpExchange exchange, int status, Object body, Map<String, String> extraHeaders)
            throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(body);
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json; charset=utf-8");
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        extraHeaders.forEach(headers::set);
        if ("HEAD".equals(exchange.getRequestMethod())) {
            // the JDK server refuses a body on HEAD; -1 means "no body"
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
