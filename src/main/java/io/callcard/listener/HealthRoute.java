package io.callcard.listener;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;

/** {@code GET /health}: lets the widget page, the installer and scripts see that the companion is listening. */
final class HealthRoute extends JsonExchangeHandler {

    static final String PATH = "/health";

    private static final Map<String, String> OK = Map.of("status", "ok", "app", "callcard-companion");

    @Override
    protected void serve(HttpExchange exchange) throws IOException {
        RequestGuards.requireExactPath(exchange, PATH);
        RequestGuards.requireMethod(exchange, "GET");
        JsonResponses.send(exchange, 200, OK);
    }
}
