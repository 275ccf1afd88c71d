package io.callcard.listener;

import io.callcard.call.CallEvent;
import io.callcard.call.CallTracker;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way events go from the listener's routes into the tracker. Each is stamped with the listener's clock and
 * submitted under one lock, so events reach the tracker in the order they were stamped: the reducer drops an event
 * older than one it already applied, and two requests answered at once on different threads (a page's event, the
 * portal's END, another page's load) must not overtake each other between stamp and submit. Submitting does not
 * wait for the tracker; a failure there is logged, never answered.
 */
final class TrackerFeed {

    private static final Logger log = LoggerFactory.getLogger(TrackerFeed.class);

    private final CallTracker tracker;
    private final Clock clock;
    private final Object stampOrder = new Object();

    TrackerFeed(CallTracker tracker, Clock clock) {
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Stamps the present moment and submits what {@code event}, heard on {@code channel}, makes of it. {@code event}
     * runs under the lock (keep it short: decode, claim a sequence number); it returns null when there is nothing to
     * submit.
     *
     * @return the event submitted, or null
     */
    CallEvent submit(InputChannel channel, Function<Instant, CallEvent> event) {
        return submit(channel, event, applied -> { });
    }

    /**
     * As {@link #submit(Function)}; once the tracker applied the event (and its subscribers heard of it),
     * {@code afterApplied} gets it, on the tracker's thread. An event the tracker could not apply is logged and
     * {@code afterApplied} never hears of it. {@code channel} goes with the event to the tracker's hook on applied
     * events: the history keeps which way each fact came.
     */
    CallEvent submit(InputChannel channel, Function<Instant, CallEvent> event, Consumer<CallEvent> afterApplied) {
        synchronized (stampOrder) {
            CallEvent made = event.apply(clock.instant());
            if (made != null) {
                tracker.submit(made, channel.eventChannel()).whenComplete((snapshot, failure) -> {
                    if (failure != null) {
                        log.error("The call tracker did not apply a {}", made.getClass().getSimpleName(), failure);
                    } else {
                        afterApplied.accept(made);
                    }
                });
            }
            return made;
        }
    }

    /** The listener's clock, for what is dated but not submitted (a token pair's expiry). */
    Instant now() {
        return clock.instant();
    }
}
