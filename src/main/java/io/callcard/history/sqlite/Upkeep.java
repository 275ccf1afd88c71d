package io.callcard.history.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Work the file is owed, written down in the file itself (table {@code upkeep}) in the same transactions as the rows
 * that owe it, so a crash cannot lose it: a bulk load ({@code CallHistory#bulkLoad}) writes calls without their search
 * entries and owes the search index one rebuild, done when the load ends or, after a crash, when the file is next
 * opened for writing. Rebuilding FTS5 once from the calls costs a fraction of keeping it per transaction (history.md,
 * "Seeding and bulk loads").
 */
final class Upkeep {

    /** The search index misses entries: rebuild it from the calls. */
    static final String SEARCH_INDEX = "search-index";

    private Upkeep() {
    }

    /** Writes down that {@code task} is owed; inside the caller's transaction. */
    static void owe(Connection connection, String task) throws SQLException {
        try (PreparedStatement owe = connection.prepareStatement("INSERT OR IGNORE INTO upkeep (task) VALUES (?)")) {
            owe.setString(1, task);
            owe.executeUpdate();
        }
    }

    /** Whether any work is owed. */
    static boolean owed(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM upkeep")) {
            return row.next() && row.getLong(1) > 0;
        }
    }

    /** Does every owed task and clears it, in one transaction of its own. */
    static void pay(Connection connection) throws SQLException {
        Connections.execute(connection, "BEGIN IMMEDIATE");
        try {
            boolean searchIndex;
            try (PreparedStatement task = connection.prepareStatement("SELECT 1 FROM upkeep WHERE task = ?")) {
                task.setString(1, SEARCH_INDEX);
                try (ResultSet row = task.executeQuery()) {
                    searchIndex = row.next();
                }
            }
            if (searchIndex) {
                Connections.execute(connection, "INSERT INTO calls_search (calls_search) VALUES ('rebuild')");
            }
            Connections.execute(connection, "DELETE FROM upkeep");
            Connections.execute(connection, "COMMIT");
        } catch (SQLException | RuntimeException e) {
            FileOpening.rollbackQuietly(connection);
            throw e;
        }
    }
}
