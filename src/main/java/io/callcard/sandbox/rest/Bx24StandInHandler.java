package io.callcard.sandbox.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * {@code GET /bx24/api.js}: the sandbox's stand-in for Bitrix24's BX24 library, with the same surface the widget and
 * install pages use ({@code BX24.init}, {@code BX24.placement.call}, {@code BX24.placement.bindEvent},
 * {@code BX24.placement.info}, {@code BX24.callMethod}, {@code BX24.installFinish}, {@code BX24.getAuth},
 * {@code BX24.reloadWindow}) and the real library's rules (protocol.md, "What Bitrix24's own code delivers"): it
 * initialises only inside a frame named {@code host|secure|APP_SID} (elsewhere {@code BX24 = null} and it throws), an
 * event reaches its handler with its first argument only, and {@code reloadWindow} is denied. The page is driven from
 * inside the frame through {@code window.__sandbox} (a browser test runs scripts in the widget frame; no extra HTTP
 * control API is needed): {@code fireEvent(name, args)}, {@code setStatus(obj)}, {@code commandsSeen},
 * {@code autoCloseHeld}, {@code callsSeen}, {@code installFinished}, {@code failMethod(method, code, description)},
 * {@code silence(command)}, {@code reloadRequests}; and from the parent page by {@code postMessage}
 * ({@code {sandboxEvent, args}}). {@code ?placement=NAME} makes {@code placement.info()} name another placement. See
 * the script for details.
 */
final class Bx24StandInHandler implements HttpHandler {

    static final String PATH = "/bx24/api.js";

    private final byte[] script;

    Bx24StandInHandler() {
        try (InputStream in = Bx24StandInHandler.class.getResourceAsStream("bx24-standin.js")) {
            this.script = Objects.requireNonNull(in, "missing bx24-standin.js").readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            boolean found = PATH.equals(exchange.getRequestURI().getRawPath());
            boolean get = "GET".equals(exchange.getRequestMethod());
            if (!found || !get) {
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(found ? 405 : 404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "text/javascript; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            exchange.sendResponseHeaders(200, script.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(script);
            }
        }
    }
}
