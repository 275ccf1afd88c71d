package io.callcard.listener;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * When the listener last heard from each {@link InputChannel}: a message it accepted and handed to the call state
 * (a proven widget page's message or form, an authenticated event post, an answered {@code getStatus} poll). The
 * tracker tells its subscribers only of changes, and a card polled every second changes rarely, so "last heard" is
 * kept here, at the edge. Safe from any thread.
 */
public final class InputHeard {

    private final Map<InputChannel, Instant> last = new EnumMap<>(InputChannel.class);

    /** {@code channel} spoke at {@code at}; an older time than the one kept changes nothing. */
    public synchronized void heard(InputChannel channel, Instant at) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(at, "at");
        last.merge(channel, at, (kept, now) -> now.isAfter(kept) ? now : kept);
    }

    /** When {@code channel} last spoke; empty when it never did since the listener started. */
    public synchronized Optional<Instant> last(InputChannel channel) {
        return Optional.ofNullable(last.get(channel));
    }
}
