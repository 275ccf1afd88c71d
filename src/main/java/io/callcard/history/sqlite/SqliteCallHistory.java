package io.callcard.history.sqlite;

import io.callcard.history.CallHistory;
import io.callcard.history.FactSource;
import io.callcard.history.HistoryCall;
import io.callcard.history.HistoryProblem;
import io.callcard.history.HistoryQuery;
import io.callcard.history.HistoryStats;
import io.callcard.history.HistoryWrite;
import io.callcard.history.TimelineEntry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * The call history in a SQLite file ({@code history.db} in the data folder): WAL, foreign keys on,
 * {@code synchronous=NORMAL}, one writer thread applying batches in one transaction each, reads on their own
 * connections. The rules (schema, durability, identity, problems) are in history.md.
 */
public final class SqliteCallHistory implements CallHistory {

    /** The file's name in the data folder. */
    public static final String FILE_NAME = "history.db";

    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final Path file;
    private final HistoryWriter writer;
    private final ReadConnections readers;

    private SqliteCallHistory(Path file, HistoryWriter writer, ReadConnections readers) {
        this.file = file;
        this.writer = writer;
        this.readers = readers;
    }

    /**
     * Opens {@code file} for writing and reading, creating it (and its folder) when missing and bringing an older
     * schema up to date.
     *
     * @throws HistoryProblem NEWER_VERSION (the file is left untouched), CORRUPT, LOCKED, IO
     */
    public static SqliteCallHistory open(Path file) {
        return open(file, StoreOptions.DEFAULT);
    }

    public static SqliteCallHistory open(Path file, StoreOptions options) {
        Connection connection = FileOpening.forWriting(file, options);
        try {
            HistoryWriter writer = new HistoryWriter(connection, file);
            return new SqliteCallHistory(file, writer, new ReadConnections(file, options, false, null));
        } catch (SQLException e) {
            FileOpening.closeQuietly(connection);
            throw SqlProblems.of(e, file, "opening the call history");
        }
    }

    /**
     * Opens an existing {@code file} only to read it, whichever companion wrote it: the way out of NEWER_VERSION and
     * LOCKED. Writes fail; the file is never written.
     */
    public static SqliteCallHistory openReadOnly(Path file, StoreOptions options) {
        Connection connection = FileOpening.forReading(file, options);
        return new SqliteCallHistory(file, null, new ReadConnections(file, options, true, connection));
    }

    public Path file() {
        return file;
    }

    @Override
    public CompletableFuture<Void> write(List<HistoryWrite> writes) {
        if (writer == null) {
            return CompletableFuture.failedFuture(new HistoryProblem(HistoryProblem.Kind.IO,
                    "the call history " + file + " is open read-only: nothing is written to it", null));
        }
        return writer.submit(writes);
    }

    /**
     * A load of at least {@link HistoryWriter#BULK_MIN_CALLS} calls that at least doubles the file puts off the search
     * index and rebuilds it once at its end ({@link Upkeep}); a smaller one changes nothing.
     */
    @Override
    public BulkLoad bulkLoad(long calls) {
        if (writer == null || !joined(writer.bulkLoad(calls))) {
            return () -> { };
        }
        AtomicBoolean ended = new AtomicBoolean();
        return () -> {
            if (ended.compareAndSet(false, true)) {
                joined(writer.endBulkLoad());
            }
        };
    }

    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }

    @Override
    public long count(HistoryQuery query) {
        QuerySql sql = QuerySql.of(query);
        return readers.read("counting calls", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql.count())) {
                Parameters.bind(statement, sql.parameters(), 1);
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? row.getLong(1) : 0L;
                }
            }
        });
    }

    @Override
    public List<HistoryCall> page(HistoryQuery query, long offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit are not negative: " + offset + ", " + limit);
        }
        QuerySql sql = QuerySql.of(query);
        return readers.read("reading calls", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql.page())) {
                int next = Parameters.bind(statement, sql.parameters(), 1);
                statement.setInt(next, limit);
                statement.setLong(next + 1, offset);
                List<HistoryCall> calls = new ArrayList<>(Math.min(limit, 1_000));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        calls.add(CallRows.read(rows));
                    }
                }
                return calls;
            }
        });
    }

    @Override
    public long forEach(HistoryQuery query, Predicate<HistoryCall> each) {
        Objects.requireNonNull(each, "each");
        QuerySql sql = QuerySql.of(query);
        return readers.read("reading calls", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql.all())) {
                Parameters.bind(statement, sql.parameters(), 1);
                long given = 0;
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        given++;
                        if (!each.test(CallRows.read(rows))) {
                            break;
                        }
                    }
                }
                return given;
            }
        });
    }

    @Override
    public Optional<HistoryCall> find(String key) {
        Objects.requireNonNull(key, "key");
        return readers.read("finding a call", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT " + CallRows.SELECTED + " FROM calls c WHERE c.call_key = ?")) {
                statement.setString(1, key);
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? Optional.of(CallRows.read(row)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<TimelineEntry> timeline(String key) {
        Objects.requireNonNull(key, "key");
        return readers.read("reading a call's timeline", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT t.at, t.source, t.kind,"
                    + " t.payload FROM timeline t JOIN calls c ON c.id = t.call WHERE c.call_key = ?"
                    + " ORDER BY t.at, t.rowid")) {
                statement.setString(1, key);
                List<TimelineEntry> entries = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        Instant at = Instant.ofEpochMilli(rows.getLong(1));
                        Optional<FactSource> source = source(rows.getString(2));
                        String kind = rows.getString(3);
                        String payload = rows.getString(4);
                        source.ifPresent(known -> entries.add(new TimelineEntry(at, known, kind, payload)));
                    }
                }
                return entries;
            }
        });
    }

    @Override
    public HistoryStats stats(HistoryQuery query, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        return readers.read("counting statistics", connection -> StatsSql.of(connection, query, zone));
    }

    @Override
    public boolean readOnly() {
        return writer == null;
    }

    @Override
    public void close() {
        if (writer != null) {
            writer.close(CLOSE_GRACE);
        }
        readers.close();
    }

    /** A source a newer companion wrote (a file read read-only) is left out of the timeline, not fatal. */
    private static Optional<FactSource> source(String name) {
        for (FactSource source : FactSource.values()) {
            if (source.name().equals(name)) {
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }
}
