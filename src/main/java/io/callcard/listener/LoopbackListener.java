package io.callcard.listener;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.callcard.call.CallTracker;
import io.callcard.threads.BackgroundThreads;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The companion's embedded HTTP listener: the JDK server on 127.0.0.1 only, so nothing off this workstation can
 * reach it. Routes: {@code POST /bridge/events}, {@code GET /bridge/commands}, {@code POST /bridge/session},
 * {@code POST /widget/callcard}, {@code GET /widget/bridge.js}, {@code GET|POST /widget/install},
 * {@code GET /widget/install.js}, {@code GET /health},
 * {@code POST /bitrix/events} (the portal's telephony events), {@code POST /placement/events} (the seed transport's
 * CallCard events); every other path is a JSON 404. Every route is mounted behind one {@link ListenerGate}.
 */
public final class LoopbackListener implements AutoCloseable {

    /** The exchange handlers' threads are {@code listener-1}, {@code listener-2}, ... */
    public static final String WORKER_THREADS = "listener";
    private static final int BACKLOG = 50;
    /** Threads beyond the exchange cap, so that the gate can still answer 503 when the cap is reached. */
    private static final int SPARE_WORKERS = 2;

    /**
     * Limits of the JDK server itself, verified against JDK 17's {@code sun.net.httpserver.ServerConfig}: it reads them
     * once, when that class loads, so they must be set before any HttpServer is made, and only where the user has not
     * set them (the pom pins the same values for tests). Times are in seconds, as JDK 17 reads them.
     */
    private static final Map<String, String> SERVER_PROPERTIES = Map.of(
            // without TCP_NODELAY every response waits ~44 ms (Nagle meets delayed ACK)
            "sun.net.httpserver.nodelay", "true",
            // a browser sends about 20 headers; the JDK's default is 200
            "sun.net.httpserver.maxReqHeaders", "64",
            // request line plus headers, in bytes (default 380 KiB); room for other local apps' cookies on 127.0.0.1
            "sun.net.httpserver.maxReqHeaderSize", "32768",
            // request line and headers must arrive within this (default: forever); slowloris ends here
            "sun.net.httpserver.maxReqTime", "10",
            // from the end of the headers to the end of the answer; above the 10 s long poll. The JDK enforces it only
            // when maxReqTime is set too. It also ends a stalled body the gate's deadline could not reach.
            "sun.net.httpserver.maxRspTime", "20",
            // keep-alive connections idle longer than this are closed (the JDK's default, pinned)
            "sun.net.httpserver.idleInterval", "30");
    // Not jdk.httpserver.maxConnections: a connection whose exchange ends without an answer (a client gone mid-body)
    // stays counted until the maxRspTime sweep, so a cap turns a burst of cut bodies into a lock-out of everyone.

    static {
        SERVER_PROPERTIES.forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final ListenerGate gate;
    private final AtomicBoolean closed = new AtomicBoolean();

    private final WidgetBridgeChannel channel;
    private final WidgetCredentials credentials;
    /** For the seed transport's poll ({@link SeedTransportLink}): into the tracker as the routes feed it. */
    private final TrackerFeed feed;
    private final WidgetSessions sessions;
    /** The live seed transport's link, which the placement events route hands its events to; else null. */
    private final AtomicReference<SeedTransportLink> seedLink;
    private final InputHeard heard;

    private LoopbackListener(HttpServer server, ExecutorService workers, ListenerGate gate,
                             WidgetBridgeChannel channel, WidgetCredentials credentials, TrackerFeed feed,
                             WidgetSessions sessions, AtomicReference<SeedTransportLink> seedLink, InputHeard heard) {
        this.heard = heard;
        this.server = server;
        this.workers = workers;
        this.gate = gate;
        this.channel = channel;
        this.credentials = credentials;
        this.feed = feed;
        this.sessions = sessions;
        this.seedLink = seedLink;
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
        return start(config, tracker, clock, Optional::empty);
    }

    /**
     * As {@link #start(ListenerConfig, CallTracker, Clock)}; when {@code config} names no application token,
     * {@code tokenLookup} is asked for one once, when the first portal event post needs it (the application reads
     * its secret store only then).
     */
    public static LoopbackListener start(ListenerConfig config, CallTracker tracker, Clock clock,
                                         Supplier<Optional<String>> tokenLookup) throws ListenerStartException {
        return start(config, tracker, clock, tokenLookup, WidgetProof.NONE);
    }

    /**
     * As {@link #start(ListenerConfig, CallTracker, Clock, Supplier)}; a widget form (and a session renewal) is
     * trusted only once {@code proof} proved its AUTH_ID. The other overloads trust no widget form
     * ({@link WidgetProof#NONE}).
     */
    public static LoopbackListener start(ListenerConfig config, CallTracker tracker, Clock clock,
                                         Supplier<Optional<String>> tokenLookup, WidgetProof proof)
            throws ListenerStartException {
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(tokenLookup, "tokenLookup");
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
        int workerCount = config.limits().maxConcurrentExchanges() + SPARE_WORKERS;
        // an idle companion keeps no worker threads
        ExecutorService workers = BackgroundThreads.pool(WORKER_THREADS, workerCount, Duration.ofSeconds(30));
        server.setExecutor(workers);
        int boundPort = server.getAddress().getPort();
        ListenerGate gate = new ListenerGate(config, boundPort);
        WidgetSessions sessions = new WidgetSessions(clock);
        TrackerFeed feed = new TrackerFeed(tracker, clock);
        // the configured token, else the one the lookup finds when the first portal post needs it
        ApplicationTokenCheck token = new ApplicationTokenCheck(() -> config.applicationToken() != null
                ? Optional.of(config.applicationToken()) : tokenLookup.get());
        InMemoryWidgetCredentials credentials = new InMemoryWidgetCredentials();
        ExpectedPortal portal = new ExpectedPortal(config.portalHost(), config.memberId());
        AtomicReference<SeedTransportLink> seedLink = new AtomicReference<>();
        WidgetProofs proofs = new WidgetProofs(proof, clock, WidgetProofs.TIMEOUT);
        InputHeard heard = new InputHeard();
        mount(server, gate, BridgeEventsRoute.PATH, RoutePolicy.BRIDGE_EVENTS,
                new BridgeEventsRoute(feed, sessions, heard));
        mount(server, gate, BridgeCommandsRoute.PATH, RoutePolicy.BRIDGE_COMMANDS,
                new BridgeCommandsRoute(sessions, widget));
        mount(server, gate, BridgeSessionRoute.PATH, RoutePolicy.BRIDGE_SESSION,
                new BridgeSessionRoute(sessions, widget, portal, proofs, credentials, feed));
        mount(server, gate, WidgetCallCardRoute.PATH, RoutePolicy.WIDGET_PAGE,
                new WidgetCallCardRoute(feed, sessions, credentials, widget, portal, proofs, heard));
        mount(server, gate, WidgetScriptRoute.PATH, RoutePolicy.WIDGET_SCRIPTS, new WidgetScriptRoute());
        mount(server, gate, WidgetInstallRoute.PATH, RoutePolicy.WIDGET_INSTALL,
                new WidgetInstallRoute(widget, () -> boundPort));
        mount(server, gate, WidgetInstallRoute.SCRIPT_PATH, RoutePolicy.WIDGET_SCRIPTS,
                new WidgetInstallRoute.Script());
        mount(server, gate, HealthRoute.PATH, RoutePolicy.HEALTH, new HealthRoute());
        mount(server, gate, BitrixEventsRoute.PATH, RoutePolicy.PORTAL_EVENTS,
                new BitrixEventsRoute(feed, token, heard));
        mount(server, gate, PlacementEventsRoute.PATH, RoutePolicy.PORTAL_EVENTS,
                new PlacementEventsRoute(feed, token, seedLink::get, heard));
        mount(server, gate, "/", RoutePolicy.NOT_FOUND, new NotFoundRoute());
        server.start();
        return new LoopbackListener(server, workers, gate,
                new WidgetBridgeChannel(sessions, widget.commandTimeout()), credentials, feed, sessions, seedLink, heard);
    }

    /** The one way a route is mounted: behind the gate, so no route escapes the Host, Origin and rate checks. */
    private static void mount(HttpServer server, ListenerGate gate, String path, RoutePolicy policy,
                              HttpHandler route) {
        server.createContext(path, gate.guard(policy, route));
    }

    /** Commands to the call card through the widget page of the call shown now. */
    public WidgetBridgeChannel callCardChannel() {
        return channel;
    }

    /** When each channel was last heard from (the window's source line). */
    public InputHeard heard() {
        return heard;
    }

    /**
     * Whether a widget page whose token is proven is open now: its call card is on the agent's screen (a page that
     * closed, or was not heard from for two minutes, is gone).
     */
    public boolean widgetPageOpen() {
        return sessions.newest().isPresent();
    }

    TrackerFeed feed() {
        return feed;
    }

    WidgetSessions sessions() {
        return sessions;
    }

    AtomicReference<SeedTransportLink> seedLink() {
        return seedLink;
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
     * {@code http://127.0.0.1:PORT/}: always a literal address, never {@code localhost} (protocol.md §1). A listener
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
            gate.close();
        }
    }
}
