package io.callcard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

class OnceTest {

    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void runsAtOnceWhenTheConditionAlreadyHoldsAndNeverAgain() {
        BooleanProperty condition = new SimpleBooleanProperty(true);
        Once.whenTrue(condition, runs::incrementAndGet);
        assertEquals(1, runs.get());
        condition.set(false);
        condition.set(true);
        assertEquals(1, runs.get());
    }

    @Test
    void runsTheFirstTimeTheConditionBecomesTrueAndNeverAgain() {
        BooleanProperty condition = new SimpleBooleanProperty(false);
        Once.whenTrue(condition, runs::incrementAndGet);
        assertEquals(0, runs.get());
        condition.set(true);
        assertEquals(1, runs.get());
        condition.set(false);
        condition.set(true);
        assertEquals(1, runs.get());
    }
}
