package io.callcard.history.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Work the file is owed, written down in the file itself (table {@code upkeep}) in the same transactions as the rows
 * that owe it, so a crash cannot lose it: a bulk load ({@code CallHistory#bulkLoad}) writes calls without their search
 * entries, and without the sort and filter indexes of the calls, and owes the search index one rebuild and those
 * indexes, done when the load ends or, after a crash, when the file is next opened for writing. Rebuilding FTS5 once from the calls costs a fraction of keeping it per transaction (history.md,
 * "Seeding and bulk loads").
 */
final class Upkeep {

    /**
     * The sort and filter indexes of {@code calls} ({@link Schema#CALLS_INDEXES}) were dropped for a bulk load: make
     * them again. Written in the same transaction as the drop, so no file lacks them without owing them.
     */
    static final String CALLS_INDEXES = "calls-indexes";
    /** The search index misses entries: rebuild it from the calls. */
    static final String SEARCH_INDEX = "search-index";
    /**
     * A companion has the file open for writing, or had and did not close it cleanly (a crash, a power cut): the next
     * open checks the file ({@code quick_check}) before trusting it. Cleared by a clean close.
     */
    static final String CHECK = "check";

    /**
     * FTS5's in-memory table of new entries during a rebuild, in bytes: each time it fills, FTS5 writes a segment and
     * merges segments; the default 1 MiB makes a rebuild of a million calls mostly merging (measured at 300,000 calls:
     * 4.5 s with it, 2.0 s with 64 MiB). Set for the rebuild only (FTS5 keeps it in the file), then set back.
     */
    private static final long REBUILD_HASH_BYTES = 64L * 1024 * 1024;
    /** FTS5's default, kept for the writer's per-transaction upkeep (a transaction's entries are small). */
    private static final long USUAL_HASH_BYTES = 1024 * 1024;

    private Upkeep() {
    }

    /** Writes down that {@code task} is owed; inside the caller's transaction. */
    static void owe(Connection connection, String task) throws SQLException {
        try (PreparedStatement owe = connection.prepareStatement("INSERT OR IGNORE INTO upkeep (task) VALUES (?)")) {
            owe.setString(1, task);
            owe.executeUpdate();
        }
    }

    /** Whether {@code task} is owed; a file from before the table (schema 1) owes everything. */
    static boolean owed(Connection connection, String task) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet table = statement.executeQuery(
                     "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'upkeep'")) {
            if (!table.next() || table.getLong(1) == 0) {
                return true;
            }
        }
        try (PreparedStatement owed = connection.prepareStatement("SELECT 1 FROM upkeep WHERE task = ?")) {
            owed.setString(1, task);
            try (ResultSet row = owed.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Clears {@code task}, in a transaction of its own. */
    static void clear(Connection connection, String task) throws SQLException {
        try (PreparedStatement clear = connection.prepareStatement("DELETE FROM upkeep WHERE task = ?")) {
            clear.setString(1, task);
            clear.executeUpdate();
        }
    }

    /** Drops the sort and filter indexes of {@code calls} and owes them; inside the caller's transaction. */
    static void dropCallsIndexes(Connection connection) throws SQLException {
        owe(connection, CALLS_INDEXES);
        for (Schema.Index index : Schema.CALLS_INDEXES) {
            Connections.execute(connection, index.drop());
        }
    }

    /**
     * Makes the sort and filter indexes of {@code calls} when they are owed (each sorted once from the calls, instead
     * of a row placed at random in each per call), refreshes the planner's statistics of the table (bounded by the
     * connection's {@code analysis_limit}: dropping an index drops its statistics, and the filters' plans need them),
     * and clears the debt, in one transaction of its own.
     */
    static void makeCallsIndexes(Connection connection) throws SQLException {
        Connections.execute(connection, "BEGIN IMMEDIATE");
        try {
            if (owed(connection, CALLS_INDEXES)) {
                for (Schema.Index index : Schema.CALLS_INDEXES) {
                    Connections.execute(connection, index.create());
                }
                Connections.execute(connection, "ANALYZE calls");
                clear(connection, CALLS_INDEXES);
            }
            Connections.execute(connection, "COMMIT");
        } catch (SQLException | RuntimeException e) {
            FileOpening.rollbackQuietly(connection);
            throw e;
        }
    }

    /** Rebuilds the search index when it is owed and clears the debt, in one transaction of its own. */
    static void rebuildSearchIndex(Connection connection) throws SQLException {
        Connections.execute(connection, "BEGIN IMMEDIATE");
        try {
            if (owed(connection, SEARCH_INDEX)) {
                Connections.execute(connection, "INSERT INTO calls_search (calls_search, rank) VALUES ('hashsize', "
                        + REBUILD_HASH_BYTES + ")");
                Connections.execute(connection, "INSERT INTO calls_search (calls_search) VALUES ('rebuild')");
                Connections.execute(connection, "INSERT INTO calls_search (calls_search, rank) VALUES ('hashsize', "
                        + USUAL_HASH_BYTES + ")");
                clear(connection, SEARCH_INDEX);
            }
            Connections.execute(connection, "COMMIT");
        } catch (SQLException | RuntimeException e) {
            FileOpening.rollbackQuietly(connection);
            throw e;
        }
    }
}
