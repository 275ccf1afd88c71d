package io.callcard.portal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Simulated time for one thread: a sleep jumps straight to its deadline and is recorded. */
final class SteppingClock implements PortalClock {

    final List<Duration> sleeps = new ArrayList<>();
    private long now;

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized void sleepUntil(long deadlineNanos) {
        if (deadlineNanos > now) {
            sleeps.add(Duration.ofNanos(deadlineNanos - now));
            now = deadlineNanos;
        }
    }
}
