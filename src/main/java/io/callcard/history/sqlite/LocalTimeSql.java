package io.callcard.history.sqlite;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * The local wall-clock time of {@code c.first_heard} in a zone, as a portable SQL expression (epoch milliseconds
 * shifted by the zone's offset), so the statistics group by local day and hour in SQL. A zone with daylight saving
 * changes its offset: the expression is a {@code CASE} over the zone's transitions between the first and last call
 * counted, a handful for a year.
 */
final class LocalTimeSql {

    /** More transitions than this (centuries of daylight saving) fall back to the offset at the end. */
    private static final int MOST_TRANSITIONS = 1_000;

    private LocalTimeSql() {
    }

    /** Epoch milliseconds of local time in {@code zone}, for calls first heard between {@code first} and {@code last}. */
    static String localMillis(ZoneId zone, Instant first, Instant last) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffsetTransition> changes = new ArrayList<>();
        ZoneOffsetTransition next = rules.nextTransition(first);
        while (next != null && !next.getInstant().isAfter(last) && changes.size() < MOST_TRANSITIONS) {
            changes.add(next);
            next = rules.nextTransition(next.getInstant());
        }
        long startOffset = rules.getOffset(first).getTotalSeconds() * 1000L;
        if (changes.isEmpty()) {
            return "(c.first_heard + " + startOffset + ")";
        }
        StringBuilder sql = new StringBuilder("(c.first_heard + CASE");
        long offset = startOffset;
        for (ZoneOffsetTransition change : changes) {
            sql.append(" WHEN c.first_heard < ").append(change.getInstant().toEpochMilli()).append(" THEN ")
                    .append(offset);
            offset = change.getOffsetAfter().getTotalSeconds() * 1000L;
        }
        return sql.append(" ELSE ").append(offset).append(" END)").toString();
    }
}
