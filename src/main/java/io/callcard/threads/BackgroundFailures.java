package io.callcard.threads;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * Where failures on background threads go: each is logged with its cause, then handed to every listener. The
 * application listens, and says in the window what a failure means for the user; before anyone listens (start-up)
 * and after (shutdown), a failure is logged only.
 *
 * <p>Process-wide on purpose: threads are made deep inside every layer, and none of them should have to carry a
 * reference to the window to be allowed to fail loudly.
 */
public final class BackgroundFailures {

    private static final List<Consumer<BackgroundFailure>> LISTENERS = new CopyOnWriteArrayList<>();

    private BackgroundFailures() {
    }

    /** Hear about every failure from now on, on the failed thread (hand the work on); the handle stops it. */
    public static AutoCloseable listen(Consumer<BackgroundFailure> listener) {
        Objects.requireNonNull(listener, "listener");
        LISTENERS.add(listener);
        return () -> LISTENERS.remove(listener);
    }

    /** Logs that {@code cause} ended a task on the current thread, and tells the listeners. */
    public static void report(Throwable cause) {
        report(new BackgroundFailure(Thread.currentThread().getName(), cause));
    }

    /** Logs {@code failure} with its cause and tells the listeners; a listener that fails is logged, not rethrown. */
    public static void report(BackgroundFailure failure) {
        // looked up here, not at class load: threads are made before logging is pointed at its folder
        LoggerFactory.getLogger(BackgroundFailures.class)
                .error("Background thread {} failed", failure.thread(), failure.cause());
        for (Consumer<BackgroundFailure> listener : LISTENERS) {
            try {
                listener.accept(failure);
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(BackgroundFailures.class).error("A background-failure listener failed", e);
            }
        }
    }
}
