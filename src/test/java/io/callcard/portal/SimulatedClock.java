package io.callcard.portal;

import java.util.PriorityQueue;

/**
 * Simulated time for tests with many threads. Time stands still until a driver calls {@link #advanceWhenIdle},
 * which waits until every one of a known number of workers is either asleep here or finished, then jumps to the
 * earliest wake-up. So no request is on the wire while time moves, and a server reading this clock sees the exact
 * moment each request was released.
 */
final class SimulatedClock implements PortalClock {

    private final PriorityQueue<Long> wakeUps = new PriorityQueue<>();
    private long now = 1_000_000_000L;
    private int finished;

    @Override
    public synchronized long nanoTime() {
        return now;
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

    /** Someone is asleep here now. */
    synchronized boolean hasSleepers() {
        return !wakeUps.isEmpty();
    }

    /** A worker is done for good. */
    synchronized void finished() {
        finished++;
        notifyAll();
    }

    /**
     * Once all {@code workers} are asleep or finished, moves time to the earliest wake-up and returns true; returns
     * false when all are finished.
     */
    synchronized boolean advanceWhenIdle(int workers) throws InterruptedException {
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
}
