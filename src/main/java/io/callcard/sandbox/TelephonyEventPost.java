package io.callcard.sandbox;

import io.callcard.sandbox.rest.PlayedCall;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code ONVOXIMPLANT*} event a pass posts to the server-side handler, {@code atMillis} into the pass. {@code call}
 * is the call as {@code voximplant.statistic.get} would record it (strings, see {@link TelephonyRecords}) except
 * {@code CALL_START_DATE}: that is a wall-clock date, so the player fills it in when it posts, from
 * {@code callStartsAtMillis}, and rendering stays a pure function of scenario and seed.
 */
public record TelephonyEventPost(long atMillis, String event, long callStartsAtMillis, Map<String, String> call)
        implements TimedPost {

    public TelephonyEventPost {
        if (atMillis < 0 || callStartsAtMillis < 0 || callStartsAtMillis > atMillis) {
            throw new IllegalArgumentException("0 <= callStartsAtMillis <= atMillis: " + callStartsAtMillis + ", "
                    + atMillis);
        }
        Objects.requireNonNull(event, "event");
        call = Collections.unmodifiableMap(new LinkedHashMap<>(call)); // keeps the record's field order
    }

    /** The portal's statistics record of this END's call, which started at {@code startedAt}. */
    public PlayedCall playedCall(OffsetDateTime startedAt) {
        return TelephonyRecords.played(call, Objects.requireNonNull(startedAt, "startedAt"));
    }
}
