package io.callcard.listener;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/** {@code GET /widget/bridge.js}: the widget page's bridge script, a plain resource file, loaded once per route. */
final class WidgetScriptRoute extends JsonExchangeHandler {

    static final String PATH = WidgetCallCardRoute.BRIDGE_SCRIPT;
    static final String RESOURCE = "widget/bridge.js";

    private final byte[] script;

    WidgetScriptRoute() {
        this.script = resource(RESOURCE);
    }

    static byte[] resource(String name) {
        try (InputStream in = WidgetScriptRoute.class.getResourceAsStream(name)) {
            return Objects.requireNonNull(in, "missing resource " + name).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void serve(HttpExchange exchange) throws IOException {
        RequestGuards.requireExactPath(exchange, PATH);
        if (!"HEAD".equals(exchange.getRequestMethod())) {
            RequestGuards.requireMethod(exchange, "GET");
        }
        HtmlResponses.sendScript(exchange, script);
    }
}
