package io.callcard.history.sqlite;

import io.callcard.history.HistoryProblem;
import io.callcard.history.HistoryProblem.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Opening the history file, in the order that keeps a file we must not touch untouched: read its version first (a
 * newer companion's file is refused before anything is written), check it, and only then switch it to WAL and bring
 * its schema up to date, in one transaction.
 */
final class FileOpening {

    /** Bytes of WAL kept after a checkpoint. */
    private static final long WAL_SIZE_LIMIT = 64L * 1024 * 1024;

    private FileOpening() {
    }

    /** The writer's connection to {@code file}, created when missing, checked and migrated. */
    static Connection forWriting(Path file, StoreOptions options) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
        } catch (IOException e) {
            throw new HistoryProblem(Kind.IO, "cannot make the folder of the call history " + file, e);
        }
        Connection connection = connect(() -> Connections.writer(file, options), file);
        try {
            int version = checked(connection, file, options);
            Connections.execute(connection, "PRAGMA journal_mode = WAL");
            // NORMAL: a commit survives the process being killed; only a power cut may lose the last ones (history.md)
            Connections.execute(connection, "PRAGMA synchronous = NORMAL");
            if (options.maxPageCount() > 0) {
                Connections.execute(connection, "PRAGMA max_page_count = " + options.maxPageCount());
            }
            migrate(connection, version);
            // a bulk load cut short (a crash) left the calls' sort indexes to make and its search index to rebuild:
            // done before anything is written
            if (Upkeep.owed(connection, Upkeep.CALLS_INDEXES)) {
                Upkeep.makeCallsIndexes(connection);
            }
            if (Upkeep.owed(connection, Upkeep.SEARCH_INDEX)) {
                Upkeep.rebuildSearchIndex(connection);
            }
            // the WAL is cut back to this after a checkpoint, not left as large as the largest transaction (a bulk
            // load's last one rewrites the whole search index)
            Connections.execute(connection, "PRAGMA journal_size_limit = " + WAL_SIZE_LIMIT);
            // the planner's statistics, refreshed where stale (bounded work): they tell it that an outcome or a
            // direction matches much of the file, so a sorted first page walks the sort's index and stops early
            Connections.execute(connection, "PRAGMA analysis_limit = 1000");
            Connections.execute(connection, "PRAGMA optimize = 0x10002");
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw SqlProblems.of(e, file, "opening the call history");
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /** A read-only connection to an existing {@code file}, whatever version wrote it; checked, never written. */
    static Connection forReading(Path file, StoreOptions options) {
        if (!Files.isRegularFile(file)) {
            throw new HistoryProblem(Kind.IO, "there is no call history at " + file, null);
        }
        Connection connection = connect(() -> Connections.reader(file, options, true), file);
        try {
            if (checkDue(connection, file, options)) {
                quickCheck(connection, file);
            }
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw SqlProblems.of(e, file, "opening the call history read-only");
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /** The file's schema version; refuses a newer one and a damaged one. */
    private static int checked(Connection connection, Path file, StoreOptions options) throws SQLException {
        int version = userVersion(connection);
        if (version > Schema.LATEST) {
            throw new HistoryProblem(Kind.NEWER_VERSION, "the call history " + file + " was written by a newer"
                    + " companion (schema " + version + ", this one knows " + Schema.LATEST + "): it is left as it"
                    + " is; open it read-only, or update the companion", null);
        }
        if (version > 0 && checkDue(connection, file, options)) {
            quickCheck(connection, file);
        }
        return version;
    }

    /**
     * Whether to read the whole file for damage now: always for a small one; for a large one only when it was not
     * closed cleanly (or another companion has it open), as the check grows with the file (3-5 s at a million calls).
     * A large file damaged while closed is then found when a read meets the damage, and reported CORRUPT like here.
     */
    private static boolean checkDue(Connection connection, Path file, StoreOptions options) throws SQLException {
        if (!options.checkOnOpen()) {
            return false;
        }
        try {
            if (Files.size(file) <= options.alwaysCheckUpTo()) {
                return true;
            }
        } catch (IOException unreadable) {
            return true;
        }
        return Upkeep.owed(connection, Upkeep.CHECK);
    }

    /** Every migration after {@code version}, in one transaction; with none to do, it still proves the lock free. */
    private static void migrate(Connection connection, int version) throws SQLException {
        Connections.execute(connection, "BEGIN IMMEDIATE");
        try {
            int now = userVersion(connection); // another process may have migrated while we waited for the lock
            for (int next = now + 1; next <= Schema.LATEST; next++) {
                for (String statement : Schema.MIGRATIONS.get(next - 1)) {
                    Connections.execute(connection, statement);
                }
                Connections.execute(connection, "PRAGMA user_version = " + next);
            }
            // open for writing until closed cleanly: a crash leaves the next open a check to do
            Upkeep.owe(connection, Upkeep.CHECK);
            Connections.execute(connection, "COMMIT");
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(connection);
            throw e;
        }
    }

    static int userVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("PRAGMA user_version")) {
            return row.next() ? row.getInt(1) : 0;
        }
    }

    private static void quickCheck(Connection connection, Path file) throws SQLException {
        List<String> findings = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA quick_check")) {
            while (rows.next()) {
                findings.add(rows.getString(1));
            }
        }
        if (!findings.equals(List.of("ok"))) {
            throw new HistoryProblem(Kind.CORRUPT, "the call history " + file + " fails its integrity check ("
                    + findings.get(0) + "): move it aside and start a new one", null);
        }
    }

    private interface Opener {
        Connection open() throws SQLException;
    }

    private static Connection connect(Opener opener, Path file) {
        try {
            return opener.open();
        } catch (SQLException e) {
            throw SqlProblems.of(e, file, "opening the call history");
        }
    }

    static void rollbackQuietly(Connection connection) {
        try {
            Connections.execute(connection, "ROLLBACK");
        } catch (SQLException alreadyEnded) {
            // SQLite ends some failed transactions itself (a full disk may): nothing is left to roll back
        }
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing after a failure: the failure is what gets reported
        }
    }
}
