package io.callcard.history.sqlite;

import java.time.Duration;
import java.util.Objects;

/**
 * How the history file is opened.
 *
 * @param busyTimeout   how long a statement waits for another program's lock before the store says LOCKED
 * @param checkOnOpen   whether opening runs SQLite's {@code quick_check} (a damaged file is then refused at once,
 *                      with its way out, instead of failing some later read)
 * @param maxPageCount  the most pages the file may grow to, 0 for no limit beyond the disk's: the way tests make a
 *                      real "disk full" ({@code PRAGMA max_page_count})
 * @param idleReaders   how many read connections stay open between reads
 */
public record StoreOptions(Duration busyTimeout, boolean checkOnOpen, long maxPageCount, int idleReaders) {

    /** What the application uses. */
    public static final StoreOptions DEFAULT = new StoreOptions(Duration.ofSeconds(5), true, 0, 2);

    public StoreOptions {
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        if (busyTimeout.isNegative() || maxPageCount < 0 || idleReaders < 1) {
            throw new IllegalArgumentException("busyTimeout and maxPageCount are not negative, idleReaders >= 1");
        }
    }

    public StoreOptions withBusyTimeout(Duration newBusyTimeout) {
        return new StoreOptions(newBusyTimeout, checkOnOpen, maxPageCount, idleReaders);
    }

    public StoreOptions withCheckOnOpen(boolean newCheckOnOpen) {
        return new StoreOptions(busyTimeout, newCheckOnOpen, maxPageCount, idleReaders);
    }

    public StoreOptions withMaxPageCount(long newMaxPageCount) {
        return new StoreOptions(busyTimeout, checkOnOpen, newMaxPageCount, idleReaders);
    }
}
