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
