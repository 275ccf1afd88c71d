package io.callcard.history.sqlite;

import java.time.Duration;
import java.util.Objects;

/**
 * How the history file is opened.
 *
 * @param busyTimeout   how long a statement waits for another program's lock before the store says LOCKED
 * @param checkOnOpen   whether opening runs SQLite's {@code quick_check} (a damaged file is then refused at once,
 *                      with its way out, instead of failing some later read): always on a file of at most
 *                      {@code alwaysCheckUpTo} bytes, else only when the file was not closed cleanly ({@link Upkeep}),
 *                      as the check reads the whole file (3-5 s at a million calls)
 * @param maxPageCount  the most pages the file may grow to, 0 for no limit beyond the disk's: the way tests make a
 *                      real "disk full" ({@code PRAGMA max_page_count})
 * @param idleReaders   how many read connections stay open between reads
 * @param alwaysCheckUpTo the size in bytes up to which a file is checked at every open
 */
public record StoreOptions(Duration busyTimeout, boolean checkOnOpen, long maxPageCount, int idleReaders,
                           long alwaysCheckUpTo) {

    /** Files up to this size are checked at every open: their check takes well under a tenth of a second. */
    public static final long SMALL_FILE = 32L * 1024 * 1024;

    /** What the application uses. */
    public static final StoreOptions DEFAULT = new StoreOptions(Duration.ofSeconds(5), true, 0, 2);

    /** Options that check files up to {@link #SMALL_FILE} at every open. */
    public StoreOptions(Duration busyTimeout, boolean checkOnOpen, long maxPageCount, int idleReaders) {
        this(busyTimeout, checkOnOpen, maxPageCount, idleReaders, SMALL_FILE);
    }

    public StoreOptions {
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        if (busyTimeout.isNegative() || maxPageCount < 0 || idleReaders < 1 || alwaysCheckUpTo < 0) {
            throw new IllegalArgumentException("busyTimeout, maxPageCount and alwaysCheckUpTo are not negative,"
                    + " idleReaders >= 1");
        }
    }

    public StoreOptions withBusyTimeout(Duration newBusyTimeout) {
        return new StoreOptions(newBusyTimeout, checkOnOpen, maxPageCount, idleReaders, alwaysCheckUpTo);
    }

    public StoreOptions withCheckOnOpen(boolean newCheckOnOpen) {
        return new StoreOptions(busyTimeout, newCheckOnOpen, maxPageCount, idleReaders, alwaysCheckUpTo);
    }

    public StoreOptions withMaxPageCount(long newMaxPageCount) {
        return new StoreOptions(busyTimeout, checkOnOpen, newMaxPageCount, idleReaders, alwaysCheckUpTo);
    }

    public StoreOptions withAlwaysCheckUpTo(long newAlwaysCheckUpTo) {
        return new StoreOptions(busyTimeout, checkOnOpen, maxPageCount, idleReaders, newAlwaysCheckUpTo);
    }
}
