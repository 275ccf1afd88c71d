package io.callcard.testing;

import io.callcard.call.CallEvent;
import io.callcard.call.CallTracker;
import io.callcard.listener.ListenerConfig;
import io.callcard.listener.ListenerStartException;
import io.callcard.listener.LoopbackListener;
import io.callcard.listener.WidgetBridgeChannel;
import io.callcard.listener.WidgetConfig;
import io.callcard.listener.WidgetCredentials;
import io.callcard.listener.WidgetProof;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A real {@link LoopbackListener} with its own {@link CallTracker}, for tests that talk to the listener over loopback
 * sockets: started on a free port (unless the config names one), stopped with its tracker by {@link #close()}. Hold it
 * in a JUnit {@code @AutoClose} field, or in try-with-resources.
 */
public final class ListenerFixture implements AutoCloseable {

    private final CallTracker tracker;
    private final ListenerConfig config;
    private final Clock clock;
    private final Supplier<Optional<String>> tokenLookup;
    private final WidgetProof proof;
    private volatile LoopbackListener listener;

    private ListenerFixture(CallTracker tracker, ListenerConfig config, Clock clock,
                            Supplier<Optional<String>> tokenLookup, WidgetProof proof) throws ListenerStartException {
        this.tracker = tracker;
        this.config = config;
        this.clock = clock;
        this.tokenLookup = tokenLookup;
        this.proof = proof;
        this.listener = LoopbackListener.start(config, tracker, clock, tokenLookup, proof);
    }

    /** The listener as the application starts it by default, on a free port. */
    public static ListenerFixture start() throws ListenerStartException {
        return start(ListenerConfig.loopback(0));
    }

    /** With the widget routes configured (e.g. the sandbox's stand-in BX24, short command timeouts). */
    public static ListenerFixture start(WidgetConfig widget) throws ListenerStartException {
        return start(ListenerConfig.loopback(0).withWidget(widget));
    }

    public static ListenerFixture start(ListenerConfig config) throws ListenerStartException {
        return start(config, Clock.systemUTC());
    }

    public static ListenerFixture start(ListenerConfig config, Clock clock) throws ListenerStartException {
        return start(config, clock, Optional::empty);
    }

    /**
     * As the application starts it: {@code tokenLookup} is asked for the application token when a post needs it.
     * Widget forms are taken as proven ({@link UncheckedWidgetProof}): for tests about anything but the proof.
     */
    public static ListenerFixture start(ListenerConfig config, Clock clock, Supplier<Optional<String>> tokenLookup)
            throws ListenerStartException {
        return start(config, clock, tokenLookup, UncheckedWidgetProof.INSTANCE);
    }

    /** With widget forms proven by {@code proof} (e.g. the application's prover asking a real sandbox REST server). */
    public static ListenerFixture startProvenBy(WidgetProof proof) throws ListenerStartException {
        return start(ListenerConfig.loopback(0), Clock.systemUTC(), Optional::empty, proof);
    }

    /** As {@link #start(ListenerConfig, Clock, Supplier)}, with widget forms proven by {@code proof}. */
    public static ListenerFixture start(ListenerConfig config, Clock clock, Supplier<Optional<String>> tokenLookup,
                                        WidgetProof proof) throws ListenerStartException {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(proof, "proof");
        CallTracker tracker = new CallTracker();
        try {
            return new ListenerFixture(tracker, config, clock, tokenLookup, proof);
        } catch (ListenerStartException | RuntimeException e) {
            tracker.close();
            throw e;
        }
    }

    /** The tracker the listener feeds. */
    public CallTracker tracker() {
        return tracker;
    }

    /** The listener running now (a new one after {@link #restart}). */
    public LoopbackListener listener() {
        return listener;
    }

    /** Commands to the call card through the widget page of the call shown now. */
    public WidgetBridgeChannel callCardChannel() {
        return listener.callCardChannel();
    }

    /** The token pair the latest widget load brought. */
    public WidgetCredentials widgetCredentials() {
        return listener.widgetCredentials();
    }

    public int port() {
        return listener.port();
    }

    /** {@code http://127.0.0.1:PORT/}. */
    public URI baseUri() {
        return listener.baseUri();
    }

    /** {@code path} (no leading slash) on this listener, e.g. {@code uri("bridge/events")}. */
    public URI uri(String path) {
        return listener.baseUri().resolve(path);
    }

    /** The Host header a client on this machine sends: {@code 127.0.0.1:PORT}. */
    public String host() {
        return "127.0.0.1:" + port();
    }

    /** Sends {@code head} (request line and headers, up to the blank line) then {@code body} over a plain socket. */
    public RawHttp.Response raw(String head, byte[] body) throws IOException {
        return RawHttp.send(port(), head, body);
    }

    /** Sends a request that has no body over a plain socket. */
    public RawHttp.Response raw(String request) throws IOException {
        return raw(request, new byte[0]);
    }

    /** {@link RawHttp#sendOrCut} to this listener: the answer, or empty when the listener cut the connection. */
    public Optional<RawHttp.Response> rawOrCut(byte[] request, boolean closeOutput) throws IOException {
        return RawHttp.sendOrCut(port(), request, closeOutput);
    }

    /**
     * Returns once everything the listener submitted so far is applied: the tracker reduces in submission order on one
     * thread and the listener submits before it answers, so a marker submitted after an answer is applied after
     * whatever that request did. The marker changes nothing (it is older than anything and names the current call).
     * This is how a test shows that a refused request changed nothing: settle, then look.
     */
    public void settle() throws Exception {
        Eventually.result(tracker.submit(new CallEvent.BeforeClose(Instant.EPOCH, null)),
                "the tracker applied what came before the marker");
    }

    /**
     * Stops the listener, runs {@code whileStopped}, then starts a listener with the same config and tracker on the
     * same port: the companion restarting under a page that stays open. The port may take a moment to be free again.
     */
    public void restart(ThrowingRunnable whileStopped) throws Exception {
        int port = listener.port();
        listener.close();
        whileStopped.run();
        ListenerConfig samePort = config.withPort(port);
        Eventually.waitFor(() -> {
            try {
                listener = LoopbackListener.start(samePort, tracker, clock, tokenLookup, proof);
                return true;
            } catch (ListenerStartException busy) {
                return false;
            }
        }, "the listener started again on port " + port);
    }

    /** What runs while the listener is down. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Override
    public void close() {
        listener.close();
        tracker.close();
    }
}
