package io.callcard.listener;

import com.sun.net.httpserver.HttpServer;
import io.callcard.call.CallTracker;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The companion's embedded HTTP listener: the JDK server on 127.0.0.1 only, so nothing off this workstation can
 * reach it. Routes: {@code POST /bridge/events}, {@code GET /bridge/commands}, {@code POST /widget/callcard},
 * {@code GET /widget/bridge.js}, {@code GET|POST /widget/install}, {@code GET /widget/install.js}, {@code GET /health},
 * {@code POST /bitrix/events} (the portal's telephony events), {@code POST /placement/events} (the seed transport's
 * CallCard events); every other path is a JSON 404.
 */
public final class LoopbackListener implements AutoCloseable {

    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";
    private static final int WORKER_THREADS = 4;
    private static final int BACKLOG = 50;

    static {
        // Without TCP_NODELAY the JDK server adds ~44 ms to every response (Nagle meets delayed ACK). The server's
        // config class reads this property once, when it loads, so it must be set before any HttpServer is made.
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final AtomicBoolean closed = new AtomicBoolean();

    private final WidgetBridgeChannel channel;
    private final WidgetCredentials credentials;

    private LoopbackListener(HttpServer server, ExecutorService workers, WidgetBridgeChannel channel,
                             WidgetCredentials credentials) {
        this.server = server;
        this.workers = workers;
        this.channel = channel;
        this.credentials = credentials;
    }

    /**
     * Binds 127.0.0.1:{@code port} ({@code 0} picks a free port, for tests) and starts serving.
     *
     * @throws IllegalArgumentException if {@code port} is outside 0..65535
     */
    public static LoopbackListener start(int port, CallTracker tracker, Clock clock) throws ListenerStartException {
        return start(port, tracker, clock, WidgetConfig.DEFAULTS);
    }

    /** As {@link #start(int, CallTracker, Clock)}, with the widget routes configured (e.g. the sandbox's BX24). */
    public static LoopbackListener start(int port, CallTracker tracker, Clock clock, WidgetConfig widget)
            throws ListenerStartException {
        Objects.requireNonNull(widget, "widget");
        return start(ListenerConfig.loopback(port).withWidget(widget), tracker, clock);
    }

    /** Binds {@code config}'s address and port and starts serving with its rules. */
    public static LoopbackListener start(ListenerConfig config, CallTracker tracker, Clock clock)
            throws ListenerStartException {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(tracker, "tracker");
        Objects.requireNonNull(clock, "clock");
        int port = config.port();
        WidgetConfig widget = config.widget();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(config.bindAddress(), port), BACKLOG);
        } catch (IOException e) {
            throw new ListenerStartException(ListenerStartException.reasonFor(e), port, e);
        } catch (SecurityException e) {
            throw new ListenerStartException(ListenerStartException.Reason.PERMISSION_DENIED, port, e);
        }
        ExecutorService workers = Executors.newFixedThreadPool(WORKER_THREADS, namedDaemons());
        server.setExecutor(workers);
        WidgetSessions sessions = new WidgetSessions(clock);
        InMemoryWidgetCredentials credentials = new InMemoryWidgetCredentials();
        server.createContext(BridgeEventsRoute.PATH, new BridgeEventsRoute(tracker, clock, sessions));
        server.createContext(BridgeCommandsRoute.PATH, new BridgeCommandsRoute(sessions, widget));
        server.createContext(WidgetCallCardRoute.PATH,
                new WidgetCallCardRoute(tracker, clock, sessions, credentials, widget));
        server.createContext(WidgetScriptRoute.PATH, new WidgetScriptRoute());
        int boundPort = server.getAddress().getPort();
        server.createContext(WidgetInstallRoute.PATH, new WidgetInstallRoute(widget, () -> boundPort));
        server.createContext(WidgetInstallRoute.SCRIPT_PATH, new WidgetInstallRoute.Script());
        server.createContext(HealthRoute.PATH, new HealthRoute());
        server.createContext(BitrixEventsRoute.PATH, new BitrixEventsRoute(tracker, clock, config));
        server.createContext(PlacementEventsRoute.PATH, new PlacementEventsRoute(tracker, clock, config));
        server.createContext("/", new NotFoundRoute());
        server.start();
        return new LoopbackListener(server, workers, new WidgetBridgeChannel(sessions, widget.commandTimeout()),
                credentials);
    }

    /** Commands to the call card through the widget page of the call shown now. */
    public WidgetBridgeChannel callCardChannel() {
        return channel;
    }

    /** The token pair the latest widget load brought; for the REST client to offer, off by default. */
    public WidgetCredentials widgetCredentials() {
        return credentials;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The address the server socket is bound to. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /**
     * {@code http://127.0.0.1:PORT/}: always a literal address, never {@code localhost} (PROTOCOL.md §1). A listener
     * bound to all interfaces is still reached by the agent's own browser at 127.0.0.1.
     */
    public URI baseUri() {
        InetAddress bound = server.getAddress().getAddress();
        String host = bound.isAnyLocalAddress() || bound.isLoopbackAddress() ? "127.0.0.1"
                : bound instanceof Inet6Address ? "[" + bound.getHostAddress() + "]" : bound.getHostAddress();
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /** Stops at once: open exchanges are cut off, the port is free when this returns. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            workers.shutdownNow();
        }
    }

    private static ThreadFactory namedDaemons() {
        AtomicInteger next = new AtomicInteger(1);
        return task -> {
            Thread thread = new Thread(task, "listener-" + next.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
    }
}
