package io.callcard.call;

import java.util.Objects;

/**
 * One event the tracker applied, with the channel it came through and the card's snapshots either side of it. The
 * hook on applied events ({@link CallTracker#hearEveryEvent}) receives every one, also those that changed nothing on
 * the card: a stale poll, or another line's server call while the card shows a call still running.
 */
public record AppliedEvent(CallEvent event, EventChannel channel, CallSnapshot before, CallSnapshot after) {

    public AppliedEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /** Whether the card took the event for the call it shows after it (else it was stale, or another call's). */
    public boolean reachedCard() {
        return after != before && after.callId() != null
                && (event.callId() == null || event.callId().equals(after.callId()));
    }
}
