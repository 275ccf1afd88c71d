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

    private record Request(List<HistoryWrite> writes, CompletableFuture<Void> done) {
    }

    private static final Request STOP = new Request(List.of(), new CompletableFuture<>());

    private final Connection connection;
    private final Path file;
    private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;
    /** The largest row id stored (or tried): a newer call's id is taken without asking the file. */
    private long largestId;

    HistoryWriter(Connection connection, Path file) throws SQLException {
        this.connection = connection;
        this.file = file;
        this.largestId = largestStoredId();
        this.thread = BackgroundThreads.newThread("history-writer", this::run);
        thread.start();
    }

    CompletableFuture<Void> submit(List<HistoryWrite> writes) {
        List<HistoryWrite> copy = List.copyOf(Objects.requireNonNull(writes, "writes"));
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (closed) {
            done.completeExceptionally(closedProblem());
            return done;
        }
        queue.add(new Request(copy, done));
        return done;
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
            FileOpening.closeQuietly(connection);
        }
        // whatever the thread did not reach is refused, never left waiting
        List<Request> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(request -> request.done().completeExceptionally(closedProblem()));
    }

    private void run() {
        List<Request> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch);
            int stop = batch.indexOf(STOP);
            List<Request> work = stop < 0 ? batch : batch.subList(0, stop);
            if (!work.isEmpty()) {
                applyBatch(new ArrayList<>(work));
            }
            if (stop >= 0) {
                return;
            }
            batch.clear();
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
                         "INSERT INTO timeline (call, at, source, kind, payload) VALUES (?, ?, ?, ?, ?)")) {
                for (Request request : requests) {
                    for (HistoryWrite write : request.writes()) {
                        if (write instanceof HistoryWrite.SaveCall save) {
                            save(save.call(), touched, index, findKey, insert, update);
                        } else if (write instanceof HistoryWrite.AppendTimeline append) {
                            append(append.key(), append.entry(), touched, findKey, timeline);
                        }
                    }
                }
            }
            for (Touched call : touched.values()) {
                if (call.reindex) {
                    index.add(call.id);
                }
            }
            index.apply(connection);
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

    private void append(String key, TimelineEntry entry, Map<String, Touched> touched, PreparedStatement findKey,
                        PreparedStatement timeline) throws SQLException {
        Touched call = lookUp(key, touched, findKey);
        if (call == null) {
            throw new IllegalArgumentException("no call with key " + key + " in the call history: save the call"
                    + " before its timeline");
        }
        timeline.setLong(1, call.id);
        timeline.setLong(2, entry.at().toEpochMilli());
        timeline.setString(3, entry.source().name());
        timeline.setString(4, entry.kind());
        timeline.setString(5, entry.payload());
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
            try (PreparedStatement taken = connection.prepareStatement(
                    "SELECT max(id) FROM calls WHERE id >= ? AND id < ?")) {
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
