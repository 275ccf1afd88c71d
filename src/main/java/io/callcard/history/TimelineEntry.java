package io.callcard.history;

import java.time.Instant;
import java.util.Objects;

/**
 * One event applied to a call, as the history keeps it.
 *
 * @param at      when it was applied
 * @param source  the channel it came through
 * @param kind    the event's kind, e.g. {@code StateChanged}, {@code ServerCallEnded} (the call domain's event name)
 * @param payload what it said, as compact JSON (never a secret: tokens and signatures are not part of any event)
 */
public record TimelineEntry(Instant at, FactSource source, String kind, String payload) {

    public TimelineEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
        payload = payload == null ? "{}" : payload;
    }
}
