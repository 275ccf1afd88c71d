package io.callcard.history;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * The store of every call: written by the recorder through one writer thread in batches, read by the history pane
 * and the command line from any thread. A SQLite file today ({@code SqliteCallHistory}); the methods speak of calls,
 * never of SQL, so a shared team store on a database server can follow without touching its users.
 */
public interface CallHistory extends AutoCloseable {

    /**
     * Queue writes for the writer thread. The future completes once they are on disk (committed), or fails with
     * {@link HistoryProblem} (disk full, the file gone read-only) with nothing already stored lost.
     */
    CompletableFuture<Void> write(List<HistoryWrite> writes);

    /**
     * Tells the store that about {@code calls} calls are about to be written at once (seeding, a large import), so it
     * may put off per-write upkeep (a search index) until the returned load is closed, when it is done once for all.
     * Closing returns once every call written meanwhile is findable. Writes go through {@link #write} as usual, also
     * other writers' meanwhile; a load cut short by a crash leaves a sound file whose put-off upkeep is done when it
     * is next opened. The default puts nothing off.
     */
    default BulkLoad bulkLoad(long calls) {
        return () -> { };
    }

    /** A bulk load under way: closing it does the upkeep put off. */
    interface BulkLoad extends AutoCloseable {
        /** Does the upkeep put off, and returns once it is on disk. */
        @Override
        void close();
    }

    /** How many calls the query matches. */
    long count(HistoryQuery query);

    /** One page of the query's calls, in its order: {@code limit} calls from {@code offset}. */
    List<HistoryCall> page(HistoryQuery query, long offset, int limit);

    /**
     * Every call the query matches, in its order, one at a time (never all in memory), until {@code each} answers
     * false (the export's cancel). Returns how many calls {@code each} was given.
     */
    long forEach(HistoryQuery query, Predicate<HistoryCall> each);

    /** The call with this key. */
    Optional<HistoryCall> find(String key);

    /** The call's timeline, oldest first. */
    List<TimelineEntry> timeline(String key);

    /** The figures of the query's calls, days and hours counted in {@code zone}. */
    HistoryStats stats(HistoryQuery query, ZoneId zone);

    /** Whether the store was opened read-only (a newer or damaged file the agent chose to look at): writes fail. */
    boolean readOnly();

    /** Waits for queued writes (briefly), then closes; writes after this fail. */
    @Override
    void close();
}
