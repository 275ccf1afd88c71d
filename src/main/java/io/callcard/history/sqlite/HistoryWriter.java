package io.callcard.history.sqlite;

import io.callcard.history.HistoryCall;
import io.callcard.history.HistoryProblem;
import io.callcard.history.HistoryWrite;
import io.callcard.history.TimelineEntry;
import io.callcard.threads.BackgroundThreads;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The store's one writer thread. It takes every write queued since its last commit, applies them in one transaction
 * and commits, then completes their futures: a burst of events costs one commit, not one each. When the combined
 * transaction fails, each write is tried again alone, so one bad write (a timeline for an unknown call) fails only its
 * own future; a full disk fails them all, and nothing committed before is touched.
 */
final class HistoryWriter {

    /** Work for the writer thread other than writes, done in the order it was asked for among them. */
    private enum Control {
        /** A bulk load begins ({@link #bulkLoad}). */
        BULK_BEGIN,
        /** A bulk load that put off the search index ends. */
        BULK_END,
        /** The writer stops. */
        STOP
    }

    /**
     * Writes to apply, or a control with its argument; {@code deferred} (a bulk load's beginning only) tells whether
     * the load put off the search index.
     */
    private record Request(List<HistoryWrite> writes, Control control, long calls, CompletableFuture<Void> done,
                           CompletableFuture<Boolean> deferred) {
    }

    /**
     * Calls a bulk load must bring, at least, before the search index is rebuilt once instead of kept per transaction:
     * below it the per-transaction upkeep costs less than a rebuild. A load must also at least double the file.
     */
    static final long BULK_MIN_CALLS = 20_000;
    /** The writer's page cache during a bulk load, in KiB: large, so a batch's index pages are written once. */
    private static final long BULK_CACHE_KIB = 256 * 1024;
    /** SQLite's own default (2 MiB): what the writer keeps otherwise. */
    private static final long USUAL_CACHE_KIB = 2_000;

    private static final Request STOP = new Request(List.of(), Control.STOP, 0, new CompletableFuture<>(), null);

    private final Connection connection;
    private final Path file;
    private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;
    /** The largest row id stored (or tried): a newer call's id is taken without asking the file. */
    private long largestId;
    /** Bulk loads under way that put off the search index; on the writer thread only. */
    private int deferring;

    HistoryWriter(Connection connection, Path file) throws SQLException {
        this.connection = connection;
        this.file = file;
        this.largestId = largestStoredId();
        this.thread = BackgroundThreads.newThread("history-writer", this::run);
        thread.start();
    }

    CompletableFuture<Void> submit(List<HistoryWrite> writes) {
        return enqueue(new Request(List.copyOf(Objects.requireNonNull(writes, "writes")), null, 0,
                new CompletableFuture<>(), null));
    }

    /**
     * Begins a bulk load of about {@code calls} calls; the future tells whether it put off the search index (then
     * {@link #endBulkLoad} must follow), once the file says so.
     */
    CompletableFuture<Boolean> bulkLoad(long calls) {
        Request begin = new Request(List.of(), Control.BULK_BEGIN, calls, new CompletableFuture<>(),
                new CompletableFuture<>());
        enqueue(begin).whenComplete((done, failed) -> {
            if (failed != null) {
                begin.deferred().completeExceptionally(failed);
            }
        });
        return begin.deferred();
    }

    /** Ends a bulk load that put off the search index: rebuilt once the last such load ends. */
    CompletableFuture<Void> endBulkLoad() {
        return enqueue(new Request(List.of(), Control.BULK_END, 0, new CompletableFuture<>(), null));
    }

    private CompletableFuture<Void> enqueue(Request request) {
        if (closed) {
            request.done().completeExceptionally(closedProblem());
            return request.done();
        }
        queue.add(request);
        return request.done();
    }

    /** Applies what is queued (waiting up to {@code grace}), stops the thread, closes the connection. */
    void close(Duration grace) {
        closed = true;
        queue.add(STOP);
        try {
            thread.join(grace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!thread.isAlive()) {
            try {
                Connections.execute(connection, "PRAGMA optimize"); // statistics for the next open's planner
            } catch (SQLException notNeeded) {
                // statistics are an optimisation: a file that cannot take them is still closed cleanly
            }
            try {
                Upkeep.clear(connection, Upkeep.CHECK); // closed cleanly: the next open need not check the file
            } catch (SQLException stillOwed) {
                // the next open checks the file: slower, never wrong
            }
            FileOpening.closeQuietly(connection);
        }
        // whatever the thread did not reach is refused, never left waiting
        List<Request> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(request -> request.done().completeExceptionally(closedProblem()));
    }

    private void run() {
        List<Request> batch = new ArrayList<>();
        List<Request> work = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch);
            // writes in a row share one transaction; a control is done between them, in its place
            for (Request request : batch) {
                if (request.control() == null) {
                    work.add(request);
                    continue;
                }
                if (!work.isEmpty()) {
                    applyBatch(new ArrayList<>(work));
                    work.clear();
                }
                if (request.control() == Control.STOP) {
                    return;
                }
                control(request);
            }
            if (!work.isEmpty()) {
                applyBatch(new ArrayList<>(work));
                work.clear();
            }
            batch.clear();
        }
    }

    private void control(Request request) {
        try {
            if (request.control() == Control.BULK_BEGIN) {
                boolean defer = request.calls() >= BULK_MIN_CALLS && request.calls() >= storedCalls();
                if (defer) {
                    beginDeferring();
                }
                request.deferred().complete(defer);
            } else if (request.control() == Control.BULK_END) {
                endDeferring();
            }
            request.done().complete(null);
        } catch (SQLException | RuntimeException failure) {
            request.done().completeExceptionally(problem(failure));
        }
    }

    /**
     * The first bulk load writes down the search index owed, before any call goes in without its entry, and drops the
     * sort and filter indexes of the calls (owed in the same transaction): a call then costs its row, its key's entry
     * and its timeline, not seven more b-tree entries placed at random (history.md, "Bulk loads").
     */
    private void beginDeferring() throws SQLException {
        if (deferring == 0) {
            Connections.execute(connection, "BEGIN IMMEDIATE");
            try {
                Upkeep.owe(connection, Upkeep.SEARCH_INDEX);
                Upkeep.dropCallsIndexes(connection);
                Connections.execute(connection, "COMMIT");
            } catch (SQLException | RuntimeException e) {
                FileOpening.rollbackQuietly(connection);
                throw e;
            }
            Connections.execute(connection, "PRAGMA cache_size = -" + BULK_CACHE_KIB);
        }
        deferring++;
    }

    /**
     * The last bulk load to end makes the calls' indexes and rebuilds the search index once (with the large page cache
     * still held: the index sorts use it), then gives the cache back.
     */
    private void endDeferring() throws SQLException {
        if (deferring == 0) {
            return;
        }
        deferring--;
        if (deferring == 0) {
            try {
                Upkeep.makeCallsIndexes(connection);
                Upkeep.rebuildSearchIndex(connection);
            } finally {
                Connections.execute(connection, "PRAGMA cache_size = -" + USUAL_CACHE_KIB);
            }
        }
    }

    private long storedCalls() throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM calls");
             ResultSet row = count.executeQuery()) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    private void applyBatch(List<Request> batch) {
        try {
            inTransaction(batch);
            batch.forEach(request -> request.done().complete(null));
        } catch (SQLException | RuntimeException failure) {
            if (batch.size() == 1) {
                batch.get(0).done().completeExceptionally(problem(failure));
                return;
            }
            for (Request request : batch) {
                try {
                    inTransaction(List.of(request));
                    request.done().complete(null);
                } catch (SQLException | RuntimeException alone) {
                    request.done().completeExceptionally(problem(alone));
                }
            }
        }
    }

    /**
     * A call this transaction has looked up or written: its row id now, its search entry as the index holds it (null
     * for a call new in this transaction), and whether its entry is to be put in at the end.
     */
    private static final class Touched {
        long id;
        final SearchIndex.Entry indexed;
        boolean reindex;

        Touched(long id, SearchIndex.Entry indexed) {
            this.id = id;
            this.indexed = indexed;
        }
    }

    private void inTransaction(List<Request> requests) throws SQLException {
        Connections.execute(connection, "BEGIN IMMEDIATE");
        try {
            Map<String, Touched> touched = new HashMap<>();
            SearchIndex index = new SearchIndex();
            try (PreparedStatement findKey = connection.prepareStatement(
                    "SELECT id, search_numbers, search_names FROM calls WHERE call_key = ?");
                 PreparedStatement insert = connection.prepareStatement(CallRows.INSERT);
                 PreparedStatement update = connection.prepareStatement(CallRows.UPDATE);
                 PreparedStatement timeline = connection.prepareStatement(
                         "INSERT INTO timeline (call, at, source, kind, payload) VALUES (?, ?, ?, ?, ?)");
                 PreparedStatement kept = connection.prepareStatement("SELECT 1 FROM timeline WHERE call = ?"
                         + " AND at = ? AND source = ? AND kind = ? AND payload = ? LIMIT 1")) {
                for (Request request : requests) {
                    for (HistoryWrite write : request.writes()) {
                        if (write instanceof HistoryWrite.SaveCall save) {
                            save(save.call(), touched, index, findKey, insert, update);
                        } else if (write instanceof HistoryWrite.AppendTimeline append) {
                            append(append.key(), append.entry(), touched, findKey, timeline, kept);
                        }
                    }
                }
            }
            if (deferring > 0) {
                // a bulk load: the search index is rebuilt once at its end; said again in every transaction, as
                // another companion opening the file meanwhile pays what is owed and clears it
                Upkeep.owe(connection, Upkeep.SEARCH_INDEX);
            } else {
                for (Touched call : touched.values()) {
                    if (call.reindex) {
                        index.add(call.id);
                    }
                }
                index.apply(connection);
            }
            Connections.execute(connection, "COMMIT");
        } catch (SQLException | RuntimeException e) {
            FileOpening.rollbackQuietly(connection);
            throw e;
        }
    }

    private void save(HistoryCall call, Map<String, Touched> touched, SearchIndex index, PreparedStatement findKey,
                      PreparedStatement insert, PreparedStatement update) throws SQLException {
        Touched stored = lookUp(call.key(), touched, findKey);
        long millisecond = call.firstHeard().toEpochMilli();
        String numbers = SearchForms.numbers(call);
        String names = SearchForms.names(call);
        if (stored == null) {
            long id = newId(millisecond);
            CallRows.bindInsert(insert, id, call, numbers, names);
            insert.executeUpdate();
            Touched added = new Touched(id, null);
            added.reindex = true;
            touched.put(call.key(), added);
            return;
        }
        // a corrected first-heard time moves the row to its place in time order (the timeline follows: CASCADE)
        long id = RowIds.millisecondOf(stored.id) == millisecond ? stored.id : newId(millisecond);
        CallRows.bindUpdate(update, id, call, numbers, names);
        update.executeUpdate();
        stored.id = id;
        SearchIndex.Entry was = stored.indexed;
        boolean changed = was == null || was.id() != id || !was.numbers().equals(numbers)
                || !was.names().equals(names);
        if (changed && !stored.reindex) {
            if (was != null) {
                index.remove(was);
            }
            stored.reindex = true;
        }
    }

    /**
     * Adds the entry to its call's timeline, unless the call, stored before this transaction, already holds the very
     * same entry (time, source, kind and payload): seeding again with one seed, or an event delivered twice, leaves
     * one entry, not two. A call new in this transaction has nothing to compare with, and pays no look-up.
     */
    private void append(String key, TimelineEntry entry, Map<String, Touched> touched, PreparedStatement findKey,
                        PreparedStatement timeline, PreparedStatement kept) throws SQLException {
        Touched call = lookUp(key, touched, findKey);
        if (call == null) {
            throw new IllegalArgumentException("no call with key " + key + " in the call history: save the call"
                    + " before its timeline");
        }
        PreparedStatement statement = call.indexed == null ? timeline : kept;
        statement.setLong(1, call.id);
        statement.setLong(2, entry.at().toEpochMilli());
        statement.setString(3, entry.source().name());
        statement.setString(4, entry.kind());
        statement.setString(5, entry.payload());
        if (statement == kept) {
            try (ResultSet row = kept.executeQuery()) {
                if (row.next()) {
                    return;
                }
            }
            timeline.setLong(1, call.id);
            timeline.setLong(2, entry.at().toEpochMilli());
            timeline.setString(3, entry.source().name());
            timeline.setString(4, entry.kind());
            timeline.setString(5, entry.payload());
        }
        timeline.executeUpdate();
    }

    private static Touched lookUp(String key, Map<String, Touched> touched, PreparedStatement findKey)
            throws SQLException {
        Touched known = touched.get(key);
        if (known != null) {
            return known;
        }
        findKey.setString(1, key);
        try (ResultSet row = findKey.executeQuery()) {
            if (!row.next()) {
                return null;
            }
            long id = row.getLong(1);
            Touched found = new Touched(id, new SearchIndex.Entry(id, row.getString(2), row.getString(3)));
            touched.put(key, found);
            return found;
        }
    }

    /** A free row id in {@code millisecond}: the first one when it is newer than every call stored. */
    private long newId(long millisecond) throws SQLException {
        long first = Math.multiplyExact(millisecond, RowIds.PER_MILLISECOND);
        long id = first;
        if (first <= largestId) {
            // NOT INDEXED: left to itself, the planner may walk a whole covering index instead of the row-id range
            // (measured: 12 ms a call at 50,000 calls, against 0.1 ms)
            try (PreparedStatement taken = connection.prepareStatement(
                    "SELECT max(id) FROM calls NOT INDEXED WHERE id >= ? AND id < ?")) {
                taken.setLong(1, first);
                taken.setLong(2, first + RowIds.PER_MILLISECOND);
                try (ResultSet row = taken.executeQuery()) {
                    long max = row.next() ? row.getLong(1) : 0;
                    id = row.wasNull() ? first : max + 1;
                }
            }
            if (id >= first + RowIds.PER_MILLISECOND) {
                throw new IllegalArgumentException("more than " + RowIds.PER_MILLISECOND
                        + " calls first heard in one millisecond");
            }
        }
        largestId = Math.max(largestId, id);
        return id;
    }

    private long largestStoredId() throws SQLException {
        try (PreparedStatement max = connection.prepareStatement("SELECT max(id) FROM calls");
             ResultSet row = max.executeQuery()) {
            long id = row.next() ? row.getLong(1) : Long.MIN_VALUE;
            return row.wasNull() ? Long.MIN_VALUE : id;
        }
    }

    private RuntimeException problem(Exception failure) {
        if (failure instanceof SQLException sql) {
            return SqlProblems.of(sql, file, "saving calls");
        }
        return (RuntimeException) failure;
    }

    private HistoryProblem closedProblem() {
        return new HistoryProblem(HistoryProblem.Kind.IO, "the call history " + file + " is closed", null);
    }
}
