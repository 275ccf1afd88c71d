package io.callcard.history;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The figures of a filtered set of calls: what the history pane's charts and {@code callcard history stats} show.
 *
 * @param perDay         calls per day (in the zone asked for), each day's count by outcome, days in order; days
 *                       without calls are left out
 * @param perHour        calls by hour of the day (index 0 to 23, in the zone asked for)
 * @param total          calls in the set
 * @param answered       calls in the set whose outcome is {@link Outcome#ANSWERED}
 * @param averageTalk    the average talk time of the answered calls with a known talk time, or null when none
 */
public record HistoryStats(List<DayCounts> perDay, List<Long> perHour, long total, long answered,
                           Duration averageTalk) {

    /** One day's calls by outcome. */
    public record DayCounts(LocalDate day, Map<Outcome, Long> byOutcome) {
        public DayCounts {
            Objects.requireNonNull(day, "day");
            byOutcome = Map.copyOf(byOutcome);
        }

        public long total() {
            return byOutcome.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public HistoryStats {
        perDay = List.copyOf(perDay);
        perHour = List.copyOf(perHour);
        if (perHour.size() != 24) {
            throw new IllegalArgumentException("perHour has 24 hours, not " + perHour.size());
        }
    }

    /** The share of answered calls, 0 to 1; 0 for no calls. */
    public double answeredRate() {
        return total == 0 ? 0 : (double) answered / total;
    }
}
