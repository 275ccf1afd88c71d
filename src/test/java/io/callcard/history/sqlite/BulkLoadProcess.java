package io.callcard.history.sqlite;

import java.nio.file.Path;

/**
 * A child JVM for {@link BulkLoadTest}: opens the history file given, begins a bulk load and writes calls into it in
 * batches, saying on standard output how many are committed after each, until it is killed. The load is never ended.
 */
public final class BulkLoadProcess {

    /** Printed, with the number of calls committed, after each batch. */
    public static final String COMMITTED = "COMMITTED ";
    /** Calls per batch, as the seeder sends them. */
    static final int BATCH = 5_000;

    private BulkLoadProcess() {
    }

    public static void main(String[] args) throws Exception {
        SqliteCallHistory history = SqliteCallHistory.open(Path.of(args[0]));
        history.bulkLoad(BulkLoadTest.LOAD);
        for (int from = 0; ; from += BATCH) {
            BulkLoadTest.writeCalls(history, from, from + BATCH);
            System.out.println(COMMITTED + (from + BATCH));
            System.out.flush();
        }
    }
}
