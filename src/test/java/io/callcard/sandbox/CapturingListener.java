package io.callcard.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A listener that serves the widget page (the real {@code bridge.js} with the sandbox's stand-in BX24; {@code /portal}
 * frames it as the portal does) and records
 * every bridge request exactly as it arrived, from a browser and from the simulated widget alike: the page's
 * {@code POST /bridge/events} bodies and their content type, and the {@code GET /bridge/commands} queries. Commands
 * queued with {@link #queue} are handed out per session, as the real listener does; a commands request with nothing
 * to hand out is held up to 300 ms (a short long poll).
 */
final class CapturingListener implements AutoCloseable {

    /** One request to a bridge route. {@code query} is the raw query, {@code body} the text posted. */
    record Request(String method, String path, String contentType, String query, String body) {
    }

    static final String CALL_ID = "E45D40253D1C2D2F.1774588815.822533";
    private static final long HOLD_MILLIS = 300;

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "capturing-listener");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger pages = new AtomicInteger();
    private final Map<String, List<String>> queued = new ConcurrentHashMap<>();

    CapturingListener() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::serve);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Queues {@code command} for the page with {@code session}; its id is its place in that page's queue, from 1. */
    void queue(String session, String command) {
        synchronized (queued) {
            queued.computeIfAbsent(session, s -> new CopyOnWriteArrayList<>()).add(command);
            queued.notifyAll(); // a held commands request answers at once
        }
    }

    /** The requests to {@code path} made by the page with {@code session}. */
    List<Request> of(String session, String path) {
        List<Request> found = new ArrayList<>();
        for (Request request : requests) {
            boolean mine = request.body().contains("\"session\":\"" + session + "\"")
                    || request.query() != null && request.query().contains("session=" + session + "&");
            if (mine && request.path().equals(path)) {
                found.add(request);
            }
        }
        return found;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            switch (path) {
                case "/portal":
                    // the portal's side: the widget in a frame named host|secure|APP_SID, as Bitrix24's library needs
                    send(exchange, "text/html; charset=utf-8", "<!DOCTYPE html>\n<html><body><iframe id=\"widget\" "
                            + "name=\"127.0.0.1:" + server.getAddress().getPort() + "|0|capturing\" "
                            + "src=\"/widget/callcard\"></iframe></body></html>\n");
                    return;
                case "/widget/callcard":
                    send(exchange, "text/html; charset=utf-8", page("page" + pages.incrementAndGet()));
                    return;
                case "/widget/bridge.js":
                    send(exchange, "text/javascript", resource("/io/callcard/listener/widget/bridge.js"));
                    return;
                case "/bx24/api.js":
                    send(exchange, "text/javascript", resource("/io/callcard/sandbox/rest/bx24-standin.js"));
                    return;
                default:
                    break;
            }
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(new Request(exchange.getRequestMethod(), path,
                    exchange.getRequestHeaders().getFirst("Content-Type"), query, body));
            if (path.equals("/bridge/commands")) {
                send(exchange, "application/json", commands(query));
            } else {
                send(exchange, "application/json", "{\"accepted\":true}");
            }
        }
    }

    private String commands(String query) {
        Map<String, String> params = new ConcurrentHashMap<>();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        long after = Long.parseLong(params.getOrDefault("after", "0"));
        List<String> queue = held(params.get("session"), after);
        StringBuilder json = new StringBuilder("{\"commands\":[");
        for (int id = (int) after + 1; id <= queue.size(); id++) {
            json.append(id > after + 1 ? "," : "").append("{\"id\":").append(id).append(",\"command\":\"")
                    .append(queue.get(id - 1)).append("\"}");
        }
        return json.append("],\"pollMs\":200}").toString();
    }

    /**
     * The page's queue once it holds a command above {@code after}, or as it is after {@link #HOLD_MILLIS}: the
     * long poll this stand-in plays, so its hold is timed on purpose; {@link #queue} ends it early.
     */
    private List<String> held(String session, long after) {
        long deadline = System.nanoTime() + HOLD_MILLIS * 1_000_000;
        synchronized (queued) {
            try {
                while (queued.getOrDefault(session, List.of()).size() <= after) {
                    long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
                    if (leftMillis <= 0) {
                        break;
                    }
                    queued.wait(leftMillis);
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            }
            return queued.getOrDefault(session, List.of());
        }
    }

    private String page(String session) {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body>\n"
                + "<p id=\"companion-status\"></p>\n<script src=\"/bx24/api.js\"></script>\n"
                + "<script src=\"/widget/bridge.js\" data-session=\"" + session + "\" data-call-id=\"" + CALL_ID
                + "\" data-poll-ms=\"200\" data-command-wait-ms=\"" + HOLD_MILLIS + "\"></script>\n</body></html>\n";
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = CapturingListener.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void send(HttpExchange exchange, String contentType, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/bridge/events") ? 202 : 200,
                bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
