package io.callcard.history.sqlite;

import java.time.Instant;

/**
 * A call's row id is its first-heard time: {@code epoch milliseconds * 1,000,000 + n}, n counting calls first heard in
 * the same millisecond. So the table's own order is time order, a time range is a row-id range, and the search index
 * (which returns row ids in order) can stop at the first page of the newest matches instead of sorting every match
 * (measured: BUILD-NOTES, "Call history at 1,000,000 rows"; history.md, schema).
 */
final class RowIds {

    static final long PER_MILLISECOND = 1_000_000L;

    private RowIds() {
    }

    /** The first row id of calls first heard at {@code at} (its millisecond) or later. */
    static long first(Instant at) {
        return Math.multiplyExact(at.toEpochMilli(), PER_MILLISECOND);
    }

    /** The millisecond a row id belongs to. */
    static long millisecondOf(long id) {
        return Math.floorDiv(id, PER_MILLISECOND);
    }
}
