package io.callcard.ui.history;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The history's date presets, each a range of whole days in the agent's zone ending with today. */
public enum DateRange {
    TODAY, YESTERDAY, LAST_7_DAYS, LAST_30_DAYS, ALL, CUSTOM;

    /** The first instant shown, or null for no bound; {@code CUSTOM} reads {@code from}. */
    Instant start(Clock clock, ZoneId zone, LocalDate from) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate first = switch (this) {
            case TODAY -> today;
            case YESTERDAY -> today.minusDays(1);
            case LAST_7_DAYS -> today.minusDays(6);
            case LAST_30_DAYS -> today.minusDays(29);
            case ALL -> null;
            case CUSTOM -> from;
        };
        return first == null ? null : first.atStartOfDay(zone).toInstant();
    }

    /** The instant after the last shown, or null for no bound; {@code CUSTOM} reads {@code to} (that day included). */
    Instant end(Clock clock, ZoneId zone, LocalDate to) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate after = switch (this) {
            case TODAY, LAST_7_DAYS, LAST_30_DAYS -> today.plusDays(1);
            case YESTERDAY -> today;
            case ALL -> null;
            case CUSTOM -> to == null ? null : to.plusDays(1);
        };
        return after == null ? null : after.atStartOfDay(zone).toInstant();
    }
}
