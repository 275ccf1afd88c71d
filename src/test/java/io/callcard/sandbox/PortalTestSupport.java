package io.callcard.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/** A stand-in for the companion's listener, and helpers for tests that run the portal over real sockets. */
final class PortalTestSupport {

    static {
        System.setProperty("sun.net.httpserver.nodelay", "true"); // BUILD-NOTES: avoids ~44 ms per response
    }

    private PortalTestSupport() {
    }

    /** A loopback port that was free a moment ago and has nothing listening on it. */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Polls {@code condition} every 10 ms for up to {@code timeoutMillis}; true when it came true. */
    static boolean await(BooleanSupplier condition, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }

    /**
     * Records every body POSTed to {@code /bridge/events} (with JSON content type) and answers 202. A widget handler
     * form ({@code POST /widget/callcard}) is recorded in {@link #forms} and answered with a page holding no session,
     * so the widget posts exactly the scenario's bodies.
     */
    static final class RecordingListener implements AutoCloseable {
        final List<String> bodies = new CopyOnWriteArrayList<>();
        /** The widget handler forms posted, one per call the scenario opened. */
        final List<String> forms = new CopyOnWriteArrayList<>();
        /** Requests that were not what the contract says (wrong method, path or content type). */
        final List<String> strays = new CopyOnWriteArrayList<>();
        private final HttpServer server;

        RecordingListener() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
                if ("POST".equals(exchange.getRequestMethod())
                        && "/bridge/events".equals(exchange.getRequestURI().getPath())
                        && contentType != null && contentType.startsWith("application/json")) {
                    bodies.add(body);
                } else if ("POST".equals(exchange.getRequestMethod())
                        && "/widget/callcard".equals(exchange.getRequestURI().getPath())
                        && "application/x-www-form-urlencoded".equals(contentType)) {
                    forms.add(body);
                    exchange.sendResponseHeaders(200, -1);
                    exchange.close();
                    return;
                } else {
                    strays.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + contentType);
                }
                exchange.sendResponseHeaders(202, -1);
                exchange.close();
            });
            server.start();
        }

        URI base() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
