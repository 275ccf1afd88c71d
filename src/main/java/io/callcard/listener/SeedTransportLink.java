package io.callcard.listener;

import io.callcard.call.CallCardChannel;
import io.callcard.call.CallCardStatus;
import io.callcard.call.CallEvent;
import io.callcard.portal.PortalClient;
import io.callcard.portal.PortalError;
import io.callcard.portal.PortalException;
import io.callcard.portal.SeedPlacementTransport;
import io.callcard.threads.BackgroundThreads;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seed REST transport as a live channel, for a portal that accepts it (protocol.md §1, 2): asks
 * {@code placement.call getStatus} once; a portal that refuses ({@code SEED_TRANSPORT_UNSUPPORTED}) costs exactly that
 * one request and nothing more happens (the widget stays the channel). A portal that accepts gets the listener's own
 * {@code /placement/events} bound for the three CallCard events, and is polled: every {@link #CALL_POLL} while a card
 * is open, every {@link #IDLE_POLL} while none is, each answer a {@link CallEvent.StatusPolled} into the tracker. The
 * poll never outruns the portal's rate limit: the client's own leaky bucket paces it (protocol.md §4), and at most
 * one request is under way at a time. When the card the poll saw disappears, that is its close
 * ({@link CallEvent.BridgeLost}).
 *
 * <p>The events the portal posts name no call; {@code PlacementEventsRoute} hands them to this link, which applies
 * them to the call a getStatus asked for after their arrival shows ({@link #placementEvent}).
 *
 * <p>A poll answer is stamped with the moment it was asked for: anything the card posted meanwhile is newer, so a
 * slow answer never drags the call back (the reducer drops what is older than what it applied).
 *
 * <p>Commands go through {@link #channel()}: the widget page when one is open, else {@code placement.call}, on this
 * link's one thread {@value #THREAD_NAME}, in order with the polls. The link owns its client and closes it.
 */
public final class SeedTransportLink implements AutoCloseable {

    public static final String THREAD_NAME = "seed-transport";
    /** While a card is open: the widget bridge polls as often (protocol.md §2). */
    static final Duration CALL_POLL = Duration.ofSeconds(1);
    /** While no card is open: a fifth of the bucket's drain, leaving the rest to statistics and CRM look-ups. */
    static final Duration IDLE_POLL = Duration.ofSeconds(5);
    private static final Duration STOP_GRACE = Duration.ofMillis(500);

    /** What the link found out about the portal; called on the link's thread. */
    public interface Report {
        /**
         * The portal answered getStatus: the seed transport is live, and {@code channel} carries the hold button's
         * commands from now on; {@code eventsBound} when the portal took all three event subscriptions.
         */
        void live(CallCardChannel channel, boolean eventsBound);

        /** The portal refused {@code placement.call}: one request was spent, nothing more will be. */
        void refused(PortalException refusal);

        /** The first getStatus failed otherwise (unreachable, credentials refused): nothing more is tried. */
        void failed(PortalException failure);
    }

    private static final Logger log = LoggerFactory.getLogger(SeedTransportLink.class);

    private final PortalClient client;
    private final SeedPlacementTransport transport;
    private final LoopbackListener listener;
    private final TrackerFeed feed;
    private final Report report;
    private final Duration callPoll;
    private final Duration idlePoll;
    private final ScheduledExecutorService thread = BackgroundThreads.scheduler(THREAD_NAME);
    private final CallCardChannel channel;
    private volatile boolean live;
    private volatile boolean closed;
    /** The CALL_ID of the card the last poll saw, or null; the link's thread's own. */
    private String cardShown;
    /** Whether {@link #cardShown} names a card, for other threads. */
    private volatile boolean cardSeen;
    /** The CALL_ID of the last card any poll saw; the link's thread's own. */
    private String lastCard;
    /** When the last getStatus was asked for; the link's thread's own. */
    private Instant lastAsked = Instant.MIN;
    /** True from a failed poll until the next answered one: an outage is logged once. */
    private boolean failing;

    private SeedTransportLink(LoopbackListener listener, PortalClient client, Report report, Duration callPoll,
                              Duration idlePoll) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.client = Objects.requireNonNull(client, "client");
        this.report = Objects.requireNonNull(report, "report");
        this.callPoll = Objects.requireNonNull(callPoll, "callPoll");
        this.idlePoll = Objects.requireNonNull(idlePoll, "idlePoll");
        this.transport = new SeedPlacementTransport(client);
        this.feed = listener.feed();
        this.channel = new WidgetFirstChannel(listener.callCardChannel(), listener.sessions(),
                new SeedCallCardChannel(transport, feed, thread));
    }

    /**
     * Starts asking {@code client}'s portal, on the link's own thread; what it finds goes to {@code report}. The
     * returned link is closed with the application, whatever the answer.
     */
    public static SeedTransportLink start(LoopbackListener listener, PortalClient client, Report report) {
        return start(listener, client, report, CALL_POLL, IDLE_POLL);
    }

    /** As {@link #start(LoopbackListener, PortalClient, Report)}, with chosen poll intervals (tests). */
    static SeedTransportLink start(LoopbackListener listener, PortalClient client, Report report, Duration callPoll,
                                   Duration idlePoll) {
        SeedTransportLink link = new SeedTransportLink(listener, client, report, callPoll, idlePoll);
        link.thread.execute(link::probe);
        return link;
    }

    /** Whether the last answered getStatus showed a card; false before the first answer. */
    public boolean cardShown() {
        return cardSeen;
    }

    /** True once the portal answered getStatus, until closed. */
    public boolean isLive() {
        return live && !closed;
    }

    /** Hold and release: through the open widget page if there is one, else over {@code placement.call}. */
    public CallCardChannel channel() {
        return channel;
    }

    private void probe() {
        Instant asked = feed.now();
        Optional<CallCardStatus> status;
        try {
            status = transport.getStatus();
        } catch (PortalException e) {
            if (e.error() == PortalError.SEED_TRANSPORT_UNSUPPORTED) {
                log.info("The portal refuses placement.call ({}): the call card widget is the channel",
                        e.rawCode());
                report.refused(e);
            } else {
                log.warn("The portal's placement.call could not be tried ({}): the call card widget is the channel",
                        e.error());
                report.failed(e);
            }
            return;
        }
        live = true;
        submit(asked, status);
        listener.seedLink().set(this); // the portal's events are attached to calls through this link from now on
        boolean bound;
        try {
            bound = transport.bindEvents(listener.baseUri());
        } catch (PortalException e) {
            log.warn("The portal answers placement.call but did not bind the CallCard events ({}); polling only",
                    e.error());
            bound = false;
        }
        log.info("The seed REST transport is live: polling getStatus{}",
                bound ? ", CallCard events bound to " + SeedPlacementTransport.EVENTS_PATH : " only");
        report.live(channel, bound);
        next(status);
    }

    private void poll() {
        if (closed) {
            return;
        }
        Instant asked = feed.now();
        Optional<CallCardStatus> status;
        try {
            status = transport.getStatus();
        } catch (PortalException e) {
            if (e.error() == PortalError.SEED_TRANSPORT_UNSUPPORTED) {
                log.warn("The portal stopped accepting placement.call: the seed transport's poll ends");
                live = false;
                listener.seedLink().compareAndSet(this, null);
                return;
            }
            if (!failing) {
                log.warn("The seed transport's getStatus failed ({}); still trying every {} s", e.error(),
                        idlePoll.toSeconds());
            }
            failing = true;
            schedule(idlePoll);
            return;
        }
        if (failing) {
            log.info("The seed transport's getStatus answers again");
            failing = false;
        }
        submit(asked, status);
        next(status);
    }

    /**
     * A CallCard event the portal posted to {@code /placement/events}, naming no call (the seed pages' events carry
     * none): applied, on the link's thread, to the call the card shows. Unless a getStatus was asked for after the
     * event arrived, one is asked for first, so a card that opened since the last poll gets its own first events.
     */
    void placementEvent(CallEvent event) {
        try {
            thread.execute(() -> attach(event));
        } catch (RejectedExecutionException closing) {
            // the link is closing: the event goes where it would have gone without one
            feed.submit(InputChannel.SEED_TRANSPORT, at -> event);
        }
    }

    private void attach(CallEvent event) {
        if (!lastAsked.isAfter(event.at())) {
            Instant asked = feed.now();
            try {
                submit(asked, transport.getStatus());
            } catch (PortalException e) {
                log.debug("getStatus for a CallCard event failed ({}); the event goes to the last card seen",
                        e.error());
            }
        }
        String callId = cardShown != null ? cardShown : lastCard;
        feed.submit(InputChannel.SEED_TRANSPORT, at -> forCall(event, callId, at));
    }

    /** {@code event} about call {@code callId}, stamped {@code at}: after the getStatus that named the call. */
    private static CallEvent forCall(CallEvent event, String callId, Instant at) {
        if (event instanceof CallEvent.StateChanged e) {
            return new CallEvent.StateChanged(at, callId, e.state(), e.failedCode());
        }
        if (event instanceof CallEvent.EntityChanged e) {
            return new CallEvent.EntityChanged(at, callId, e.phone(), e.entity());
        }
        if (event instanceof CallEvent.BeforeClose) {
            return new CallEvent.BeforeClose(at, callId);
        }
        return event;
    }

    /** The poll's answer, stamped when it was asked; a card gone since the last answer closed. */
    private void submit(Instant asked, Optional<CallCardStatus> status) {
        lastAsked = asked;
        listener.heard().heard(InputChannel.SEED_TRANSPORT, asked);
        if (status.isPresent()) {
            cardShown = status.get().callId();
            cardSeen = true;
            lastCard = cardShown;
            feed.submit(InputChannel.SEED_TRANSPORT, at -> new CallEvent.StatusPolled(asked, status.get()));
        } else if (cardShown != null) {
            String gone = cardShown;
            cardShown = null;
            cardSeen = false;
            feed.submit(InputChannel.SEED_TRANSPORT, at -> new CallEvent.BridgeLost(asked, gone));
        }
    }

    private void next(Optional<CallCardStatus> status) {
        schedule(status.isPresent() ? callPoll : idlePoll); // a card is open from the ring to its close
    }

    private void schedule(Duration delay) {
        try {
            thread.schedule(this::poll, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // the link is closing: no more polls
        }
    }

    /** Stops polling (a request under way is cancelled) and closes the client; the bound handlers stay bound. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        listener.seedLink().compareAndSet(this, null);
        client.cancelAll();
        BackgroundThreads.stop(thread, STOP_GRACE);
        client.close();
    }

    /** For tests: a command or poll scheduled now runs after everything queued before it. */
    CompletableFuture<Void> drain() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        thread.execute(() -> done.complete(null));
        return done;
    }
}
