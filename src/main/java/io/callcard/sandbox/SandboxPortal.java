package io.callcard.sandbox;

import io.callcard.sandbox.rest.SandboxApplication;
import io.callcard.sandbox.rest.SandboxRestServer;
import io.callcard.sandbox.rest.TelephonyEventSender;
import io.callcard.threads.BackgroundThreads;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated Bitrix24 portal, as the companion's listener sees it: a widget page posting the calls of a scenario,
 * pass after pass, until closed. Each pass {@code n} (from 0) is rendered with seed {@code seed + n}, so calls get new
 * ids and numbers every pass while a run stays reproducible.
 *
 * <p>All posts go out from one daemon thread, {@value #THREAD_NAME}, strictly in order: a post waits for the previous
 * one to be answered. If the listener is slow, later posts go out late rather than out of order, and the next pass is
 * re-anchored instead of bursting to catch up. {@code speed} divides every delay (1 = real time, 50 = fifty times
 * faster).
 *
 * <p>The widget honours the companion's commands (see {@link SimulatedWidget}); each card's end is acted out live
 * against its {@link SimulatedCallCard} by Bitrix24's rules (protocol.md §2a), or the documented ones when the scenario
 * says so ({@link CardBehaviour}): a card nobody holds when its call ends closes at once and the widget is heard only
 * through its {@code closed} beacon; a card the companion holds stays, delivers the call's end, and everything after it
 * in the pass moves later by as much.
 *
 * <p>With {@link #recordCallsIn} each call's record is written into a sandbox REST server's statistics at its end.
 * With {@link #sendTelephonyEvents} the same thread also posts the portal's server-side events for each call
 * (ONVOXIMPLANTCALLINIT, START when answered, END) to a handler URL, in time order with the widget's posts.
 *
 * <p>{@link #close()} wakes the thread at once and waits for a post already in flight (bounded by the HTTP timeout),
 * so that nothing is posted after it returns.
 */
public final class SandboxPortal implements AutoCloseable {

    public static final String THREAD_NAME = "sandbox-portal";
    /** The {@code DOMAIN} the sandbox's widget names: a widget from any other domain is a real portal's. */
    public static final String PORTAL_DOMAIN = SimulatedWidget.PORTAL_DOMAIN;

    private static final Logger log = LoggerFactory.getLogger(SandboxPortal.class);
    /** What {@link #closeCard} returns when the portal stopped meanwhile. */
    private static final long STOPPED = Long.MIN_VALUE;
    private static final long JOIN_MILLIS = SimulatedWidget.TIMEOUT.toMillis() * 2 + 1_000;

    private final Scenario scenario;
    private final long seed;
    private final double speed;
    private final SimulatedWidget widget;
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final Object lifecycle = new Object();
    private final AtomicLong telephonyDelivered = new AtomicLong();
    private Thread thread;
    private boolean closed;
    /** True between an undelivered telephony event and the next delivered one; the posting thread's own. */
    private boolean telephonyFailing;
    private URI telephonyHandler;
    private TelephonyEventSender telephonySender;
    private SandboxRestServer records;

    public SandboxPortal(URI listenerBase, Scenario scenario, long seed, double speed) {
        if (!(speed > 0) || Double.isInfinite(speed)) { // also rejects NaN
            throw new IllegalArgumentException("speed must be a finite number > 0: " + speed);
        }
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.seed = seed;
        this.speed = speed;
        this.widget = new SimulatedWidget(listenerBase, speed);
    }

    /**
     * Also posts each call's server-side telephony events to {@code handler}, signed with {@code application}'s
     * token, as a portal with an outgoing webhook does. Before {@link #start()} only.
     */
    public SandboxPortal sendTelephonyEvents(URI handler, SandboxApplication application) {
        Objects.requireNonNull(handler, "handler");
        TelephonyEventSender sender = new TelephonyEventSender(application, Clock.systemUTC());
        synchronized (lifecycle) {
            if (thread != null || closed) {
                throw new IllegalStateException("telephony events are set before the sandbox portal starts");
            }
            this.telephonyHandler = handler;
            this.telephonySender = sender;
        }
        return this;
    }

    /**
     * Also writes each call's record into {@code server}'s statistics as the call ends (whether or not telephony
     * events are posted), so that {@code voximplant.statistic.get} tells the outcome of the calls played, a few
     * seconds late as a portal does; and makes its CRM hold the items the scenario's calls link to, so that the card's
     * names and links answer. Before {@link #start()} only.
     */
    public SandboxPortal recordCallsIn(SandboxRestServer server) {
        Objects.requireNonNull(server, "server");
        synchronized (lifecycle) {
            if (thread != null || closed) {
                throw new IllegalStateException("call records are set before the sandbox portal starts");
            }
            this.records = server;
        }
        server.crm().holdLinked(scenario);
        return this;
    }

    /**
     * The simulated widget's forms carry token pairs {@code server} issued (as the portal hands the widget its
     * user's pair), so the companion can prove them with that server. Before {@link #start()} only.
     */
    public SandboxPortal authorisedBy(SandboxRestServer server) {
        Objects.requireNonNull(server, "server");
        synchronized (lifecycle) {
            if (thread != null || closed) {
                throw new IllegalStateException("the widget's tokens are set before the sandbox portal starts");
            }
        }
        widget.authorisedBy(server::issueTokens);
        return this;
    }

    /** Starts playing; once only, and not after {@link #close()}. */
    public void start() {
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("the sandbox portal is closed");
            }
            if (thread != null) {
                throw new IllegalStateException("the sandbox portal is already started");
            }
            RenderedPass firstPass = scenario.renderPass(seed); // a scenario that cannot render fails here, not later
            thread = BackgroundThreads.start(THREAD_NAME, () -> play(firstPass));
        }
        log.info("Sandbox portal plays scenario '{}' (seed {}, speed {}x) to {}", scenario.name(), seed, speed,
                widget.endpoint());
    }

    /** Telephony events the handler answered with 2xx. */
    public long telephonyEventsDelivered() {
        return telephonyDelivered.get();
    }

    /** Widget posts attempted so far, delivered or not. */
    public long postsSent() {
        return attempts.get();
    }

    /** Widget posts the listener answered with 2xx. */
    public long postsDelivered() {
        return delivered.get();
    }

    /** True while the posting thread is alive. */
    public boolean isRunning() {
        synchronized (lifecycle) {
            return thread != null && thread.isAlive();
        }
    }

    @Override
    public void close() {
        close(Duration.ofMillis(JOIN_MILLIS));
    }

    /**
     * As {@link #close()}, waiting at most {@code wait} for a post in flight: for an application that is exiting,
     * where a post cut short harms nobody but a slow exit annoys the user. After that the thread is interrupted and
     * left to end by itself (a daemon).
     */
    public void close(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        Thread running;
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            running = thread;
        }
        widget.close(wait); // wakes the posting thread and stops the command poller
        if (running == null || running == Thread.currentThread()) {
            return;
        }
        try {
            running.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        if (running.isAlive()) {
            running.interrupt(); // a post stuck past the wait
            if (wait.toMillis() >= JOIN_MILLIS) {
                log.warn("Sandbox portal thread did not stop within {} ms", wait.toMillis()); // stuck past its timeout
            } else {
                log.debug("Sandbox portal thread cut short after {} ms", wait.toMillis()); // an exit that won't wait
            }
        }
    }

    private void play(RenderedPass firstPass) {
        SimulatedCallCard card = widget.card();
        try {
            RenderedPass pass = firstPass;
            long passStart = System.nanoTime();
            for (long n = 0; ; n++) {
                if (n > 0) {
                    pass = scenario.renderPass(seed + n);
                }
                long shift = 0; // how much later than rendered the pass runs since a card closed late (or early)
                for (TimedPost post : pass.liveTimeline(telephonySender != null || records != null)) {
                    long due = passStart + scaledNanos(post.atMillis()) + shift;
                    if (post instanceof CardClosing) {
                        CardClosing closing = (CardClosing) post;
                        long closedAt = closeCard(card, closing, due);
                        if (closedAt == STOPPED) {
                            return;
                        }
                        shift = closedAt - (passStart + scaledNanos(closing.closedAtMillis()));
                        continue;
                    }
                    SimulatedCallCard.Wake wake = card.awaitUntil(due);
                    if (wake == SimulatedCallCard.Wake.STOPPED) {
                        return;
                    }
                    if (post instanceof WidgetPost) {
                        if (wake == SimulatedCallCard.Wake.CLOSE_NOW) {
                            continue; // the card closes at once: the rest of its posts never happen
                        }
                        deliver(((WidgetPost) post).json());
                    } else {
                        telephony((TelephonyEventPost) post);
                    }
                }
                long nextStart = passStart + scaledNanos(pass.nextPassAtMillis()) + shift;
                passStart = Math.max(nextStart, System.nanoTime());
            }
        } catch (InterruptedException interrupted) {
            // close() gave up waiting for a stuck post; nothing left to do
        }
        // anything else is a bug, not a network problem (the widget swallows those): it ends the thread, and the
        // thread's handler logs it with its trace and tells the application, which says so in the window
    }

    /**
     * Acts out a card's end, its {@link CardClosing} due at {@code due} (System.nanoTime), by the scenario's
     * {@link CardBehaviour}. Returns when the card closed (System.nanoTime), or {@link #STOPPED}.
     */
    private long closeCard(SimulatedCallCard card, CardClosing closing, long due) throws InterruptedException {
        return closing.behaviour() == CardBehaviour.DOCUMENTED
                ? closeAsDocumented(card, closing, due)
                : closeAsBitrix24(card, closing, due);
    }

    /**
     * Bitrix24's rules (protocol.md §2a), from the call's end at {@code due}: a card that is not held then (by the
     * companion's disableAutoClose or the agent) closes at once, and the iframe goes with the final idle and
     * BeforeClose, so only the page's {@code closed} beacon is delivered. A held card (or a campaign card moving to
     * its next client) stays: the call's end is delivered; at the close attempt a held card fires BeforeClose and
     * stays 65 s (scaled) more, a countdown that disableAutoClose starts again, and its real close loses the second
     * BeforeClose with the iframe; a card no longer held closes at once. enableAutoClose once the call is over closes
     * the card at once.
     */
    private long closeAsBitrix24(SimulatedCallCard card, CardClosing closing, long due) throws InterruptedException {
        SimulatedCallCard.Wake wake = card.awaitUntil(due);
        if (wake == SimulatedCallCard.Wake.STOPPED) {
            return STOPPED;
        }
        card.callEnded(); // the card knows, whether or not the widget hears it
        if (closing.heldByAgent()) {
            card.holdByAgent();
        }
        long closesAt = wake == SimulatedCallCard.Wake.DUE ? due : System.nanoTime();
        if (wake == SimulatedCallCard.Wake.DUE && (card.held() || closing.movesToNextClient())) {
            for (WidgetPost post : closing.endPosts()) {
                wake = card.awaitUntil(due + scaledNanos(post.atMillis() - closing.atMillis()));
                if (wake != SimulatedCallCard.Wake.DUE) {
                    break;
                }
                deliver(post.json());
            }
            long attemptAt = due + scaledNanos(closing.attemptAtMillis() - closing.atMillis());
            if (wake == SimulatedCallCard.Wake.DUE) {
                wake = card.awaitUntil(attemptAt);
            }
            if (wake == SimulatedCallCard.Wake.STOPPED) {
                return STOPPED;
            }
            closesAt = wake == SimulatedCallCard.Wake.DUE ? attemptAt : System.nanoTime();
            if (wake == SimulatedCallCard.Wake.DUE && card.attemptClose(attemptAt)) {
                deliver(closing.beforeCloseJson()); // the attempt failed: the card stays, the widget hears it
                wake = card.awaitUntil(attemptAt);
                if (wake == SimulatedCallCard.Wake.STOPPED) {
                    return STOPPED;
                }
                closesAt = wake == SimulatedCallCard.Wake.DUE ? card.countdownDeadline() : System.nanoTime();
                card.stopCountdown(); // the real close: its BeforeClose goes with the iframe
            }
        }
        return closedBeacon(card, closing, closesAt);
    }

    /** The page's {@code closed} beacon, a moment after the card closed at {@code closesAt}; as {@link #closeCard}. */
    private long closedBeacon(SimulatedCallCard card, CardClosing closing, long closesAt) throws InterruptedException {
        long closedAt = closesAt + scaledNanos(ScenarioRenderer.CLOSED_AFTER_CLOSE_MILLIS);
        if (card.awaitUntil(closedAt) == SimulatedCallCard.Wake.STOPPED) {
            return STOPPED;
        }
        deliver(closing.closedJson());
        return closedAt;
    }

    /**
     * The documented rules (protocol.md §2), for a close attempt due at {@code due}: BeforeClose at every attempt; a
     * card that is not held closes; a held one stays 65 s (scaled) more, a countdown that disableAutoClose starts
     * again, and fires BeforeClose again at the real close; enableAutoClose once the call is over closes it at once
     * (BeforeClose, then closed).
     */
    private long closeAsDocumented(SimulatedCallCard card, CardClosing closing, long due) throws InterruptedException {
        SimulatedCallCard.Wake wake = card.awaitUntil(due);
        if (wake == SimulatedCallCard.Wake.STOPPED) {
            return STOPPED;
        }
        if (wake == SimulatedCallCard.Wake.CLOSE_NOW) {
            deliver(closing.beforeCloseJson());
            deliver(closing.closedJson());
            return System.nanoTime();
        }
        if (closing.heldByAgent()) {
            card.holdByAgent();
        }
        boolean held = card.attemptClose(due);
        deliver(closing.beforeCloseJson());
        long realClose = due;
        if (held) {
            wake = card.awaitUntil(due);
            if (wake == SimulatedCallCard.Wake.STOPPED) {
                return STOPPED;
            }
            realClose = wake == SimulatedCallCard.Wake.DUE ? card.countdownDeadline() : System.nanoTime();
            card.stopCountdown();
            deliver(closing.beforeCloseJson()); // the real close fires BeforeClose again
        }
        return closedBeacon(card, closing, realClose);
    }

    private void deliver(String json) {
        attempts.incrementAndGet();
        if (widget.deliver(json)) {
            delivered.incrementAndGet();
        }
    }

    /**
     * A server-side moment of a call: its END writes the call's record (when asked to), and each is posted (when
     * asked to). Fills in the wall-clock start date: the call began its (scaled) time since start before now.
     */
    private void telephony(TelephonyEventPost post) {
        long sinceStartNanos = scaledNanos(post.atMillis() - post.callStartsAtMillis());
        OffsetDateTime startedAt = OffsetDateTime.ofInstant(Instant.now().minus(Duration.ofNanos(sinceStartNanos)),
                ZoneId.systemDefault());
        Map<String, String> record = new HashMap<>(post.call());
        record.put("CALL_START_DATE", TelephonyEventSender.portalDate(startedAt));
        if (records != null && TelephonyEventSender.CALL_END.equals(post.event())) {
            records.recordCall(TelephonyRecords.played(record, startedAt));
        }
        if (telephonySender != null) {
            postTelephony(post, record);
        }
    }

    private void postTelephony(TelephonyEventPost post, Map<String, String> record) {
        int status = telephonySender.post(telephonyHandler, post.event(), record);
        boolean ok = status >= 200 && status < 300;
        if (ok) {
            telephonyDelivered.incrementAndGet();
        } else if (!telephonyFailing) {
            // like the widget: say it once per outage, and carry on (Bitrix24 does not retry either)
            log.warn("Sandbox portal could not deliver {} to {} ({}); the sandbox carries on", post.event(),
                    telephonyHandler, status < 0 ? "unreachable" : "HTTP " + status);
        }
        telephonyFailing = !ok;
    }

    private long scaledNanos(long scenarioMillis) {
        return (long) (scenarioMillis * 1_000_000.0 / speed);
    }
}
