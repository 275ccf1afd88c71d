package io.callcard.portal;

/**
 * The time the client paces itself by. The real one is {@link System#nanoTime()} and a sleeping thread; tests pass
 * a simulated one so that minutes of rate limiting take no real time.
 */
public interface PortalClock {

    /** A monotonic reading in nanoseconds; only differences mean anything. */
    long nanoTime();

    /** Blocks until {@link #nanoTime()} reaches {@code deadlineNanos}; returns at once when it already has. */
    void sleepUntil(long deadlineNanos) throws InterruptedException;

    /** The machine's clock. */
    static PortalClock system() {
        return SystemClock.INSTANCE;
    }

    /** The real clock: {@link System#nanoTime()} and {@link Thread#sleep}. */
    enum SystemClock implements PortalClock {
        INSTANCE;

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepUntil(long deadlineNanos) throws InterruptedException {
            long left;
            while ((left = deadlineNanos - System.nanoTime()) > 0) {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            }
        }
    }
}
