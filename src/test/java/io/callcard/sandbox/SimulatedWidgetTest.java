package io.callcard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatedWidgetTest {

    static {
        System.setProperty("sun.net.httpserver.nodelay", "true"); // toolchain.md: avoids ~44 ms per response
    }

    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void postsJsonToBridgeEventsAndReportsDelivery() throws IOException {
        List<String> seen = new CopyOnWriteArrayList<>();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        server.start();
        // no trailing slash: the widget must still post to <base>/bridge/events
        SimulatedWidget widget = new SimulatedWidget(URI.create("http://127.0.0.1:" + port() + "/companion"));

        assertTrue(widget.post("{\"type\":\"closed\",\"callId\":\"x\"}"));
        assertEquals(List.of("POST /companion/bridge/events application/json {\"type\":\"closed\",\"callId\":\"x\"}"),
                seen);
    }

    @Test
    void anErrorAnswerIsReportedNotThrown() throws IOException {
        AtomicInteger hits = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(hits.get() <= 2 ? 500 : 204, -1);
            exchange.close();
        });
        server.start();
        SimulatedWidget widget = new SimulatedWidget(URI.create("http://127.0.0.1:" + port() + "/"));

        assertFalse(widget.post("{}"));
        assertFalse(widget.post("{}"));
        assertTrue(widget.post("{}"), "recovers as soon as the listener does");
        assertEquals(3, hits.get());
    }

    @Test
    void aRefusedConnectionIsReportedNotThrown() throws IOException {
        SimulatedWidget widget = new SimulatedWidget(URI.create("http://127.0.0.1:" + PortalTestSupport.closedPort() + "/"));
        assertFalse(widget.post("{}"));
        assertFalse(widget.post("{}"));
    }

    @Test
    void onlyHttpListenersAreAccepted() {
        assertThrows(IllegalArgumentException.class, () -> new SimulatedWidget(URI.create("ftp://127.0.0.1/")));
        assertThrows(IllegalArgumentException.class, () -> new SimulatedWidget(URI.create("bridge")));
    }

    private int port() {
        return server.getAddress().getPort();
    }
}
