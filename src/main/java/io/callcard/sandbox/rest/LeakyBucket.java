package io.callcard.sandbox.rest;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Bitrix24's request limiter (protocol.md §4): one bucket per credential; each request adds one, the bucket drains
 * {@code drainPerSecond} continuously, and a request that would lift it above {@code burst} is refused and adds nothing.
 * Time comes from the injected clock, so tests drain it by moving the clock instead of sleeping.
 */
final class LeakyBucket {

    /** The standard plans. */
    static final double STANDARD_DRAIN = 2;
    static final int STANDARD_BURST = 50;
    /** The Enterprise plan. */
    static final double ENTERPRISE_DRAIN = 5;
    static final int ENTERPRISE_BURST = 250;

    private final Clock clock;
    private final double drainPerSecond;
    private final int burst;
    private final boolean unlimited;
    private final Map<String, double[]> levels = new HashMap<>(); // key → {level, millis of last update}

    LeakyBucket(Clock clock, double drainPerSecond, int burst) {
        this(clock, drainPerSecond, burst, false);
    }

    private LeakyBucket(Clock clock, double drainPerSecond, int burst, boolean unlimited) {
        this.clock = clock;
        this.drainPerSecond = drainPerSecond;
        this.burst = burst;
        this.unlimited = unlimited;
    }

    /** A bucket that never fills, for benchmarks ({@link SandboxRestServer.Builder#rateLimited}). */
    static LeakyBucket unlimited(Clock clock) {
        return new LeakyBucket(clock, STANDARD_DRAIN, STANDARD_BURST, true);
    }

    /** True when the request may pass (and is counted); false when it must get QUERY_LIMIT_EXCEEDED. */
    synchronized boolean tryAcquire(String key) {
        if (unlimited) {
            return true;
        }
        long now = clock.millis();
        double[] state = levels.computeIfAbsent(key, k -> new double[] {0, now});
        double drained = Math.max(0, (now - state[1]) / 1000.0 * drainPerSecond);
        state[0] = Math.max(0, state[0] - drained);
        state[1] = now;
        if (state[0] + 1 > burst) {
            return false;
        }
        state[0] += 1;
        return true;
    }
}
