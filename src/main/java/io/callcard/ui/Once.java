package io.callcard.ui;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

/**
 * Work done the first time a condition holds, and never again: how a view builds a part that start-up need not pay
 * for (the sandbox banner, the hold controls) when it is first needed.
 */
public final class Once {

    private Once() {
    }

    /** Runs {@code action} now if {@code condition} is true, else when it first becomes true. */
    public static void whenTrue(ObservableValue<Boolean> condition, Runnable action) {
        if (Boolean.TRUE.equals(condition.getValue())) {
            action.run();
            return;
        }
        condition.addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> obs, Boolean old, Boolean now) {
                if (Boolean.TRUE.equals(now)) {
                    obs.removeListener(this);
                    action.run();
                }
            }
        });
    }
}
