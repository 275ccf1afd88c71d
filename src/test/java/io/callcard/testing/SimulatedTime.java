package io.callcard.testing;

import io.callcard.portal.PortalClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One simulated time for tests with many threads, and for both sides of a contract test: a server (the sandbox)
 * reads it as a {@link Clock}, the product's client paces itself by it as a {@link PortalClock}. Time stands still
 * until a test moves it: directly with {@link #advance}, or with {@link #advanceWhenIdle}, which waits until each of
 * a known number of workers is asleep here or finished and then jumps to the earliest wake-up. So no request is on
 * the wire while time moves, and the server sees the exact moment each request was released.
 */
public final class SimulatedTime extends Clock implements PortalClock {

    /** Where {@link #nanoTime()} starts: not zero, so code that treats 0 as "never" is not fooled. */
    private static final long ORIGIN_NANOS = 1_000_000_000L;

    private final Instant epoch;
    private final PriorityQueue<Long> wakeUps = new PriorityQueue<>();
    private long now = ORIGIN_NANOS;
    private int finished;

    /** Time starting at {@code start}. */
    public SimulatedTime(Instant start) {
        this.epoch = start;
    }

    /** Time starting at an arbitrary fixed instant, for tests that read only {@link #nanoTime()}. */
    public SimulatedTime() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized Instant instant() {
        return epoch.plusNanos(now - ORIGIN_NANOS);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the sandbox reads instants only");
    }

    @Override
    public synchronized void sleepUntil(long deadlineNanos) throws InterruptedException {
        if (deadlineNanos <= now) {
            return;
        }
        wakeUps.add(deadlineNanos);
        notifyAll();
        try {
            while (now < deadlineNanos) {
                wait();
            }
        } catch (InterruptedException e) {
            wakeUps.remove(deadlineNanos);
            notifyAll();
            throw e;
        }
    }

    /** Moves time forward by {@code by}, waking whoever's deadline has come. */
    public synchronized void advance(Duration by) {
        now += by.toNanos();
        while (!wakeUps.isEmpty() && wakeUps.peek() <= now) {
            wakeUps.poll();
        }
        notifyAll();
    }

    /** Someone is asleep here now. */
    public synchronized boolean hasSleepers() {
        return !wakeUps.isEmpty();
    }

    /** A worker is done for good. */
    public synchronized void finished() {
        finished++;
        notifyAll();
    }

    /**
     * Once all {@code workers} are asleep or finished, moves time to the earliest wake-up and returns true; returns
     * false when all are finished.
     */
    public synchronized boolean advanceWhenIdle(int workers) throws InterruptedException {
        while (wakeUps.size() + finished < workers) {
            wait();
        }
        if (wakeUps.isEmpty()) {
            return false;
        }
        now = wakeUps.peek();
        while (!wakeUps.isEmpty() && wakeUps.peek() <= now) {
            wakeUps.poll(); // the woken no longer count as asleep, so the next advance waits for them
        }
        notifyAll();
        return true;
    }

    /**
     * A clock for one thread that never waits: a sleep moves time to its deadline at once and is recorded in
     * {@link #sleeps}. For back-off that should take no real time.
     */
    public static final class Jumping implements PortalClock {

        /** Every sleep that moved time, in order. */
        public final List<Duration> sleeps = new CopyOnWriteArrayList<>();
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
}
