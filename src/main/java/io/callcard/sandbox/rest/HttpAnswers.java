package io.callcard.sandbox.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes the sandbox's answers: JSON as Bitrix24 sends it, and the garbage page of the fault switch. */
final class HttpAnswers {

    /** What a proxy in front of a portal sends when the portal is down: HTML where JSON was expected. */
    static final String GARBAGE = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>"
            + "<body><h1>502 Bad Gateway</h1><hr>nginx</body></html>";

    private HttpAnswers() {
    }

    static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        send(exchange, status, "application/json; charset=utf-8", Json.MAPPER.writeValueAsBytes(body));
    }

    static void garbage(HttpExchange exchange) throws IOException {
        send(exchange, 200, "text/html; charset=utf-8", GARBAGE.getBytes(StandardCharsets.UTF_8));
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
