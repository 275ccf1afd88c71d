package io.callcard.ui.history;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Paces reading the history again as calls land: one reading at a time, and a gap between the starts of two however
 * many writes land meanwhile (a seed of a thousand calls is a few readings, not a thousand). A write landing during a
 * reading or a gap is read by the next reading, never lost. FX thread.
 */
final class FollowPacer {

    /** One reading: calls {@code done} (on the FX thread) when it showed what it read, or gave up. */
    @FunctionalInterface
    interface Reading {
        void start(Runnable done);
    }

    private final Reading readAgain;
    /** Runs its task on the FX thread after the gap (the application's scheduler; tests end gaps by hand). */
    private Consumer<Runnable> afterGap = Runnable::run;
    private boolean owed;
    private boolean reading;
    private boolean inGap;

    FollowPacer(Reading reading) {
        this.readAgain = Objects.requireNonNull(reading, "reading");
    }

    /** Gaps end when {@code gapEnds} runs its task. */
    void gapsBy(Consumer<Runnable> gapEnds) {
        afterGap = Objects.requireNonNull(gapEnds, "gapEnds");
    }

    /** Something was written: read again now, or after the reading or gap under way. */
    void ask() {
        owed = true;
        next();
    }

    private void next() {
        if (!owed || reading || inGap) {
            return;
        }
        owed = false;
        reading = true;
        inGap = true;
        afterGap.accept(() -> {
            inGap = false;
            next();
        });
        readAgain.start(() -> {
            reading = false;
            next();
        });
    }
}
