package io.callcard.history.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/** Opens JDBC connections to the history file with the settings every connection shares. */
final class Connections {

    private Connections() {
    }

    /**
     * A connection that writes: foreign keys on, transactions begun IMMEDIATE (a second writer, such as the command
     * line seeding while the window runs, waits for the lock up front instead of failing half-way). Opening it writes
     * nothing: WAL and the schema are set up only after the version check.
     */
    static Connection writer(Path file, StoreOptions options) throws SQLException {
        SQLiteConfig config = common(options);
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return config.createConnection(url(file));
    }

    /** A connection that only reads; {@code openReadOnly} opens the file itself read-only too. */
    static Connection reader(Path file, StoreOptions options, boolean fileReadOnly) throws SQLException {
        SQLiteConfig config = common(options);
        config.setReadOnly(fileReadOnly);
        Connection connection = config.createConnection(url(file));
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA query_only = 1");
        }
        return connection;
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static SQLiteConfig common(StoreOptions options) {
        SQLiteConfig config = new SQLiteConfig();
        // the driver would otherwise prepare and run a "last_insert_rowid()" query after every insert: row ids are
        // chosen here (RowIds), so that work is waste, measured at most of an insert's cost (HistoryStoreBench)
        config.setGetGeneratedKeys(false);
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, options.busyTimeout().toMillis()));
        return config;
    }

    private static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }
}
