package io.callcard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

class LatestValueRelayTest {

    /** Collects the work instead of running it, like a busy FX thread that has not come round yet. */
    private final Queue<Runnable> uiQueue = new ArrayDeque<>();
    private final List<String> shown = new ArrayList<>();
    private final LatestValueRelay<String> relay = new LatestValueRelay<>(uiQueue::add, shown::add);

    @Test
    void aBurstBetweenTwoFramesAsksTheUiOnceAndShowsOnlyTheNewest() {
        relay.accept("a");
        relay.accept("b");
        relay.accept("c");
        assertEquals(1, uiQueue.size());
        uiQueue.poll().run();
        assertEquals(List.of("c"), shown);
    }

    @Test
    void valuesAfterADrainAreDeliveredAgain() {
        relay.accept("a");
        uiQueue.poll().run();
        relay.accept("b");
        assertEquals(1, uiQueue.size());
        uiQueue.poll().run();
        assertEquals(List.of("a", "b"), shown);
    }

    @Test
    void withASameThreadExecutorEveryValueArrives() {
        List<Integer> got = new ArrayList<>();
        LatestValueRelay<Integer> direct = new LatestValueRelay<>(Runnable::run, got::add);
        for (int i = 0; i < 5; i++) {
            direct.accept(i);
        }
        assertEquals(List.of(0, 1, 2, 3, 4), got);
    }
}
