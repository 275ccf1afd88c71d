package io.callcard.app;

import io.callcard.call.CallEvent;
import io.callcard.call.CallOutcome;
import io.callcard.call.CallSnapshot;
import io.callcard.call.CallTracker;
import io.callcard.call.CallUpdate;
import io.callcard.portal.CallRecordLookup;
import io.callcard.portal.PortalCallRecord;
import io.callcard.portal.PortalClient;
import io.callcard.portal.PortalException;
import io.callcard.threads.BackgroundThreads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learns the outcome of a call that ended without one, which on a real portal is nearly every call: the widget gets
 * no failure code and often no final {@code idle} (protocol.md §2a). When the card's call ends with its outcome
 * pending, the portal's record of it is looked up by CALL_ID ({@link CallRecordLookup}) at the moments of
 * {@code schedule} after the end (the record appears some seconds late), until found; after the last try the outcome
 * is given up as {@link CallOutcome.Missing#NO_RECORD}. What it learns goes to the tracker as events.
 *
 * <p>One thread, {@value #THREAD_NAME}, makes every look-up, so the whole application sends one statistics request
 * at a time, and each waits its turn in the portal client's request budget. Only the call on the card is looked up:
 * its outcome known by any channel (the portal's END, the widget's code) or another call on the card stops the
 * look-ups. Without credentials the outcome is unavailable at once.
 */
public final class CallOutcomes implements AutoCloseable {

    public static final String THREAD_NAME = "call-outcomes";
    /**
     * When to look, after the end: a portal writes the record a few seconds late (the sandbox 3 to 5 s), so the first
     * try at 4 s often finds it and the second nearly always; then wider gaps, and a minute after the end it gives up.
     */
    public static final List<Duration> STANDARD_SCHEDULE = List.of(Duration.ofSeconds(4), Duration.ofSeconds(8),
            Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(60));
    /**
     * A record's {@code CALL_START_DATE} may precede the moment the card opened (ringing before the widget loaded,
     * the portal's clock); a record started earlier than this before it belongs to an earlier call that had the same
     * CALL_ID.
     */
    static final Duration START_MARGIN = Duration.ofMinutes(2);
    private static final Duration CLOSE_GRACE = Duration.ofMillis(200);

    private static final Logger log = LoggerFactory.getLogger(CallOutcomes.class);

    private final CallTracker tracker;
    private final Supplier<Optional<PortalClient>> clients;
    private final List<Duration> schedule;
    private final Clock clock;
    private final ScheduledExecutorService thread = BackgroundThreads.scheduler(THREAD_NAME);
    private final AutoCloseable subscription;
    private final AtomicLong lookups = new AtomicLong();
    /** Written only on the outcome thread; volatile so that {@link #isLooking} may read it from any. */
    private volatile Wanted wanted;
    /**
     * The call whose outcome was last told to the tracker (callId and openedAt), on the outcome thread: a snapshot
     * still pending that the tracker sent before it applied that outcome must not start the look-ups again.
     */
    private CallKey told;

    /** One call: its CALL_ID and when the card opened for it (a reused CALL_ID is another call). */
    private record CallKey(String callId, Instant openedAt) {
        static CallKey of(CallSnapshot s) {
            return new CallKey(s.callId(), s.openedAt());
        }
    }

    /** The ended call whose outcome is being looked for, and where its tries stand. */
    private static final class Wanted {
        final String callId;
        final Instant openedAt;
        final Instant endedAt;
        int tries;
        boolean portalFailed;
        ScheduledFuture<?> next;

        Wanted(CallSnapshot s) {
            callId = s.callId();
            openedAt = s.openedAt();
            endedAt = s.endedAt();
        }

        boolean isFor(CallSnapshot s) {
            return callId.equals(s.callId()) && openedAt.equals(s.openedAt());
        }
    }

    /**
     * Follows {@code tracker} from now on. {@code clients} is asked at each look-up for the credentials of the moment
     * (the saved portal's, the widget's pair, the sandbox's); {@code schedule} is when to look, after the end, in
     * increasing order ({@link #STANDARD_SCHEDULE}; tests and benchmarks pass their own).
     */
    public CallOutcomes(CallTracker tracker, Supplier<Optional<PortalClient>> clients, List<Duration> schedule,
                        Clock clock) {
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.schedule = List.copyOf(schedule);
        if (this.schedule.isEmpty()) {
            throw new IllegalArgumentException("at least one look-up");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.subscription = tracker.subscribe(this::heard);
    }

    /** Statistics look-ups made so far (requests sent, found or not): a benchmark's measure of the cost. */
    public long lookups() {
        return lookups.get();
    }

    /** Whether an ended call's outcome is being looked for now (a try planned or under way). */
    public boolean isLooking() {
        return wanted != null;
    }

    /** On the tracker's thread: hand the news to the outcome thread at once. */
    private void heard(CallUpdate update) {
        CallSnapshot now = update.current();
        try {
            thread.execute(() -> follow(now));
        } catch (RejectedExecutionException closed) {
            // shutting down: no more look-ups
        }
    }

    private void follow(CallSnapshot s) {
        boolean needed = s.callId() != null && s.endedAt() != null && s.outcome().isPending();
        if (wanted != null && needed && wanted.isFor(s)) {
            return; // already looking
        }
        if (needed && CallKey.of(s).equals(told)) {
            return; // its outcome is on its way to the tracker
        }
        if (wanted != null) {
            wanted.next.cancel(false); // known by another channel, or another call on the card
            wanted = null;
        }
        if (!needed) {
            return;
        }
        if (clients.get().isEmpty()) {
            log.info("The outcome of call {} cannot be looked up: no portal credentials", s.callId());
            give(s.callId(), s.openedAt(), CallOutcome.Missing.NO_CREDENTIALS);
            return;
        }
        wanted = new Wanted(s);
        planNextTry();
    }

    private void planNextTry() {
        Wanted w = wanted;
        Instant due = w.endedAt.plus(schedule.get(w.tries));
        long delay = Math.max(0, Duration.between(clock.instant(), due).toMillis());
        w.next = thread.schedule(() -> tryOnce(w), delay, TimeUnit.MILLISECONDS);
    }

    private void tryOnce(Wanted w) {
        if (wanted != w) {
            return;
        }
        w.tries++;
        Optional<PortalClient> client = clients.get();
        if (client.isEmpty()) {
            give(w.callId, w.openedAt, CallOutcome.Missing.NO_CREDENTIALS);
            wanted = null;
            return;
        }
        try {
            lookups.incrementAndGet();
            Optional<PortalCallRecord> record = new CallRecordLookup(client.get())
                    .find(w.callId, w.openedAt.minus(START_MARGIN));
            if (record.isPresent()) {
                learned(w, record.get());
                wanted = null;
                return;
            }
            w.portalFailed = false;
        } catch (PortalException e) {
            log.warn("Looking up the outcome of call {} failed: {}", w.callId, e.error());
            if (!e.retryable()) {
                // rights or scope: asking again won't help
                give(w.callId, w.openedAt, CallOutcome.Missing.PORTAL_ERROR);
                wanted = null;
                return;
            }
            w.portalFailed = true;
        }
        if (w.tries >= schedule.size()) {
            give(w.callId, w.openedAt, w.portalFailed ? CallOutcome.Missing.PORTAL_ERROR
                    : CallOutcome.Missing.NO_RECORD);
            wanted = null;
            return;
        }
        planNextTry();
    }

    private void learned(Wanted w, PortalCallRecord record) {
        told = new CallKey(w.callId, w.openedAt);
        log.info("Call {} ended with {} ({} s), as the portal's records say", w.callId,
                record.failedCode().isEmpty() ? "no code" : record.failedCode(), record.durationSeconds());
        submit(new CallEvent.OutcomeLearned(clock.instant(), w.callId, w.openedAt, record.failedCode(),
                record.failedReason(), Duration.ofSeconds(record.durationSeconds()), CallOutcome.Source.STATISTICS));
    }

    private void give(String callId, Instant openedAt, CallOutcome.Missing why) {
        told = new CallKey(callId, openedAt);
        submit(new CallEvent.OutcomeUnavailable(clock.instant(), callId, openedAt, why));
    }

    private void submit(CallEvent event) {
        tracker.submit(event).whenComplete((snapshot, failure) -> {
            if (failure != null) {
                log.warn("The call tracker did not take the outcome of call {}", event.callId(), failure);
            }
        });
    }

    /** Stops following the tracker; a look-up under way gets a moment, then its thread is interrupted. */
    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception impossible) {
            log.debug("Unsubscribing from the tracker failed", impossible);
        }
        try {
            thread.execute(() -> {
                if (wanted != null) {
                    wanted.next.cancel(false); // a planned try would otherwise hold the thread past shutdown
                    wanted = null;
                }
            });
        } catch (RejectedExecutionException alreadyClosed) {
            return;
        }
        BackgroundThreads.stop(thread, CLOSE_GRACE);
    }
}
