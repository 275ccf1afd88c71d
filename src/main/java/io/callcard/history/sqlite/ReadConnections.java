package io.callcard.history.sqlite;

import io.callcard.history.HistoryProblem;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The read side's connections, apart from the writer's: in WAL a reader sees the last commit and never waits for the
 * writer. A read takes an idle connection or opens one, and gives it back; a few stay open between reads.
 */
final class ReadConnections {

    /** One read, given its own connection. */
    interface Read<T> {
        T on(Connection connection) throws SQLException;
    }

    private final Path file;
    private final StoreOptions options;
    private final boolean fileReadOnly;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    ReadConnections(Path file, StoreOptions options, boolean fileReadOnly, Connection first) {
        this.file = file;
        this.options = options;
        this.fileReadOnly = fileReadOnly;
        if (first != null) {
            idle.add(first);
        }
    }

    <T> T read(String doing, Read<T> read) {
        if (closed) {
            throw new HistoryProblem(HistoryProblem.Kind.IO, "the call history " + file + " is closed", null);
        }
        Connection connection = idle.poll();
        try {
            if (connection == null) {
                connection = Connections.reader(file, options, fileReadOnly);
            }
            return read.on(connection);
        } catch (SQLException e) {
            throw SqlProblems.of(e, file, doing);
        } finally {
            if (connection != null) {
                giveBack(connection);
            }
        }
    }

    void close() {
        closed = true;
        Connection connection;
        while ((connection = idle.poll()) != null) {
            FileOpening.closeQuietly(connection);
        }
    }

    private void giveBack(Connection connection) {
        if (closed || idle.size() >= options.idleReaders()) {
            FileOpening.closeQuietly(connection);
        } else {
            idle.add(connection);
        }
    }
}
