package io.callcard.portal;

import java.util.Objects;

/**
 * A client-side copy of the portal's leaky bucket (protocol.md §4): every request adds one, the bucket drains at
 * a fixed rate, and the portal refuses requests that would overflow the ceiling with 503
 * {@code QUERY_LIMIT_EXCEEDED}. One budget is shared by every call of a client, and a caller waits here for its
 * slot instead of earning that error. Slots are reserved under a lock and waited for outside it, so waiting
 * callers are released one by one at the drain rate.
 */
public final class RequestBudget {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double drainPerSecond;
    private final int ceiling;
    private final PortalClock clock;

    private double level;
    private long levelAt;

    public RequestBudget(double drainPerSecond, int ceiling, PortalClock clock) {
        if (!(drainPerSecond > 0) || ceiling < 1) {
            throw new IllegalArgumentException("drain must be positive and ceiling at least 1");
        }
        this.drainPerSecond = drainPerSecond;
        this.ceiling = ceiling;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.levelAt = clock.nanoTime();
    }

    /** The limit of most plans: drains 2 per second, ceiling 50. */
    public static RequestBudget standard(PortalClock clock) {
        return new RequestBudget(2, 50, clock);
    }

    /** The Enterprise plan's limit: drains 5 per second, ceiling 250. */
    public static RequestBudget enterprise(PortalClock clock) {
        return new RequestBudget(5, 250, clock);
    }

    /** Waits until one more request fits, and counts it. */
    public void acquire() throws InterruptedException {
        clock.sleepUntil(reserve());
    }

    /**
     * The portal said the bucket is full after all (another program shares the portal's limit): act as if it is,
     * so the next requests wait a full drain step each.
     */
    public synchronized void markFull() {
        drain();
        level = Math.max(level, ceiling);
    }

    public double drainPerSecond() {
        return drainPerSecond;
    }

    public int ceiling() {
        return ceiling;
    }

    /** Counts one request and returns when it may go out. */
    private synchronized long reserve() {
        long now = drain();
        double over = level + 1 - ceiling;
        level += 1;
        if (over <= 0) {
            return now;
        }
        return now + (long) Math.ceil(over / drainPerSecond * NANOS_PER_SECOND);
    }

    private long drain() {
        long now = clock.nanoTime();
        long elapsed = now - levelAt;
        if (elapsed > 0) {
            level = Math.max(0, level - elapsed / NANOS_PER_SECOND * drainPerSecond);
            levelAt = now;
        }
        return levelAt;
    }
}
