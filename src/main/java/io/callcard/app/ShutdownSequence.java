package io.callcard.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import org.slf4j.Logger;

/**
 * The application's parts stopped one after another, in the order given, each once; a part that fails to stop is
 * logged and the next still stops. Ends with the last line of the log: that the companion stopped, how long it took,
 * and what each part took, so a slow exit names its culprit.
 */
final class ShutdownSequence {

    private record Step(String name, AutoCloseable stop) {
    }

    private final List<Step> steps = new ArrayList<>();

    /** Adds {@code stop} after the steps already given; {@code name} says in the log what it stops. */
    ShutdownSequence then(String name, AutoCloseable stop) {
        steps.add(new Step(Objects.requireNonNull(name, "name"), Objects.requireNonNull(stop, "stop")));
        return this;
    }

    /** Runs every step in order, then logs the last line to {@code log}. */
    void run(Logger log) {
        long start = System.nanoTime();
        StringJoiner took = new StringJoiner(", ");
        for (Step step : steps) {
            long stepStart = System.nanoTime();
            try {
                step.stop().close();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                log.warn("Stopping the {} failed; the rest still stops", step.name(), e);
            }
            took.add(step.name() + " " + millisSince(stepStart) + " ms");
        }
        log.info("CallCard Companion stopped in {} ms ({})", millisSince(start), took);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
