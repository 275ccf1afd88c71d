package io.callcard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.testing.Eventually;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The once-a-second clock of the card, without the toolkit: its ticks reach the UI executor, and stop means stop. */
class SecondTickerTest {

    /** A UI thread the test drives by hand: what was handed to it runs when the test says. */
    private final ConcurrentLinkedQueue<Runnable> uiQueue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger ticks = new AtomicInteger();
    private final SecondTicker ticker = new SecondTicker(uiQueue::add, ticks::incrementAndGet);

    @Test
    void ticksAreHandedToTheUiExecutorAndRunThere() throws Exception {
        ticker.start();
        ticker.start(); // a second start does not double the rate
        assertTrue(ticker.isRunning());
        Eventually.waitFor(() -> uiQueue.size() >= 2, "two ticks handed to the UI");
        assertEquals(0, ticks.get(), "nothing runs off the UI thread");
        runUi();
        assertTrue(ticks.get() >= 2);
        ticker.stop();
    }

    @Test
    void aTickAlreadyQueuedWhenStoppedIsDropped() throws Exception {
        ticker.start();
        Eventually.waitFor(() -> !uiQueue.isEmpty(), "a tick handed to the UI");
        ticker.stop();
        assertFalse(ticker.isRunning());
        runUi();
        assertEquals(0, ticks.get());
    }

    private void runUi() {
        Runnable work;
        while ((work = uiQueue.poll()) != null) {
            work.run();
        }
    }
}
