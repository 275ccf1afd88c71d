package io.callcard.threads;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The executors' half of failure reporting. A task given to {@code execute} that throws ends its worker thread, whose
 * uncaught-exception handler reports it. A task given to {@code submit} (or scheduled) is wrapped in a
 * {@link FutureTask} that keeps the exception for a {@code get} that may never come: reported here, once it is done.
 * ({@code CompletableFuture.supplyAsync} hands its exception to the future it returned, whose owner handles it.)
 */
final class FailedTasks {

    private FailedTasks() {
    }

    static void reportIfFailed(Runnable task, Throwable thrown) {
        if (thrown != null || !(task instanceof FutureTask<?>)) {
            return; // thrown: the worker dies with it and its handler reports it
        }
        FutureTask<?> future = (FutureTask<?>) task;
        if (!future.isDone() || future.isCancelled()) {
            return; // a periodic task between runs, or one called off on purpose
        }
        try {
            future.get();
        } catch (ExecutionException failed) {
            BackgroundFailures.report(failed.getCause());
        } catch (CancellationException cancelled) {
            // cancelled between the check and get: called off on purpose
        } catch (InterruptedException impossible) {
            Thread.currentThread().interrupt(); // a done future does not wait
        }
    }
}
