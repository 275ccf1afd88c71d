package io.callcard.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A stand-in for the companion's listener, and helpers for tests that run the portal over real sockets. */
final class PortalTestSupport {

    static {
        System.setProperty("sun.net.httpserver.nodelay", "true"); // toolchain.md: avoids ~44 ms per response
    }

    private PortalTestSupport() {
    }

    /** A loopback port that was free a moment ago and has nothing listening on it. */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * A stand-in for the listener's widget routes. A widget handler form ({@code POST /widget/callcard}) is recorded in
     * {@link #forms} and answered with a page holding a fresh session token (unless made {@link #withoutSessions()}).
     * Every body POSTed to {@code /bridge/events} with a JSON content type is answered 202 and recorded twice: as sent
     * in {@link #raw}, and in {@link #bodies} with the page's {@code session} and {@code seq} taken out, which is the
     * scenario's rendered body. {@code GET /bridge/commands} is recorded in {@link #commandPolls} and answered at once
     * with no commands.
     */
    static final class RecordingListener implements AutoCloseable {
        final List<String> bodies = new CopyOnWriteArrayList<>();
        final List<String> raw = new CopyOnWriteArrayList<>();
        /** The widget handler forms posted, one per call the scenario opened. */
        final List<String> forms = new CopyOnWriteArrayList<>();
        final List<String> commandPolls = new CopyOnWriteArrayList<>();
        /** Requests that were not what the contract says (wrong method, path or content type). */
        final List<String> strays = new CopyOnWriteArrayList<>();
        private final HttpServer server;
        private final AtomicInteger pages = new AtomicInteger();
        private volatile boolean givesSessions = true;

        RecordingListener() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
                String method = exchange.getRequestMethod();
                String path = exchange.getRequestURI().getPath();
                byte[] answer = new byte[0];
                int status = 202;
                if ("POST".equals(method) && "/bridge/events".equals(path)
                        && contentType != null && contentType.startsWith("application/json")) {
                    raw.add(body);
                    ObjectNode message = (ObjectNode) BridgeContract.parse(body);
                    message.remove("session");
                    message.remove("seq");
                    bodies.add(BridgeContract.JSON.writeValueAsString(message));
                } else if ("POST".equals(method) && "/widget/callcard".equals(path)
                        && "application/x-www-form-urlencoded".equals(contentType)) {
                    forms.add(body);
                    status = 200;
                    answer = (givesSessions ? "<script data-session=\"page" + pages.incrementAndGet() + "\"></script>"
                            : "<p>no session</p>").getBytes(StandardCharsets.UTF_8);
                } else if ("GET".equals(method) && "/bridge/commands".equals(path)) {
                    commandPolls.add(exchange.getRequestURI().getRawQuery());
                    status = 200;
                    answer = "{\"commands\":[],\"pollMs\":1000}".getBytes(StandardCharsets.UTF_8);
                } else {
                    strays.add(method + " " + exchange.getRequestURI() + " " + contentType);
                }
                exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
        }

        /** From now on the handler form's page holds no session token. */
        RecordingListener withoutSessions() {
            givesSessions = false;
            return this;
        }

        URI base() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /**
     * A transparent HTTP proxy on loopback in front of a real listener, recording the bodies posted to
     * {@code /bridge/events} in the order they went through: what the widget really said, including what the listener's
     * call tracker does not publish because it changed nothing (a second BeforeClose, a repeated status).
     */
    static final class RecordingProxy implements AutoCloseable {
        final List<String> events = new CopyOnWriteArrayList<>();
        private final HttpServer server;
        private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "recording-proxy");
            thread.setDaemon(true);
            return thread;
        });

        /** The bodies posted about {@code callId}, in order, parsed. */
        List<JsonNode> bodiesOf(String callId) {
            List<JsonNode> bodies = new ArrayList<>();
            for (String json : events) {
                JsonNode body = BridgeContract.parse(json);
                if (callId.equals(body.path("callId").asText())) {
                    bodies.add(body);
                }
            }
            return bodies;
        }

        /**
         * What the widget said about {@code callId}, labelled: "status", events by short name ("BeforeClose"; a state
         * change with its state, "CallStateChanged:idle"), "result:getStatus", "closed".
         */
        List<String> labelsOf(String callId) {
            List<String> labels = new ArrayList<>();
            for (JsonNode body : bodiesOf(callId)) {
                String type = body.path("type").asText();
                if (type.equals("event")) {
                    String event = body.path("event").asText().substring("CallCard::".length());
                    labels.add(event.equals("CallStateChanged") ? event + ":" + body.path("args").path(0).asText()
                            : event);
                } else if (type.equals("result")) {
                    labels.add("result:" + body.path("command").asText());
                } else {
                    labels.add(type);
                }
            }
            return labels;
        }

        RecordingProxy(URI target) throws IOException {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(threads);
            server.createContext("/", exchange -> {
                try (exchange) {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    String pathAndQuery = exchange.getRequestURI().toString().substring(1);
                    if (exchange.getRequestURI().getPath().equals("/bridge/events")) {
                        events.add(new String(body, StandardCharsets.UTF_8));
                    }
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + pathAndQuery))
                            .method(exchange.getRequestMethod(), body.length == 0
                                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
                    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
                    if (contentType != null) {
                        request.header("Content-Type", contentType);
                    }
                    HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                    answer.headers().firstValue("Content-Type")
                            .ifPresent(value -> exchange.getResponseHeaders().set("Content-Type", value));
                    byte[] bytes = answer.body();
                    exchange.sendResponseHeaders(answer.statusCode(), bytes.length == 0 ? -1 : bytes.length);
                    exchange.getResponseBody().write(bytes);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            });
            server.start();
        }

        URI base() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
