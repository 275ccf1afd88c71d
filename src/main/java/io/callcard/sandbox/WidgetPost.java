package io.callcard.sandbox;

import java.util.Objects;

/**
 * One body the simulated widget page posts to {@code bridge/events}, {@code atMillis} after the start of its scenario
 * pass (in scenario time, before any speed-up). The body is kept as the exact JSON text so that a pass can be compared
 * with what a listener received byte for byte.
 */
public record WidgetPost(long atMillis, String json) implements TimedPost {
    public WidgetPost {
        if (atMillis < 0) {
            throw new IllegalArgumentException("atMillis must not be negative: " + atMillis);
        }
        Objects.requireNonNull(json, "json");
    }
}
