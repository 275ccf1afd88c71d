package io.callcard.threads;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;

/** A one-thread scheduler that reports a task failing inside its {@code Future} (see {@link FailedTasks}). */
final class WatchedScheduler extends ScheduledThreadPoolExecutor {

    WatchedScheduler(ThreadFactory threads) {
        super(1, threads);
        setRemoveOnCancelPolicy(true); // a cancelled deadline leaves the queue at once, not when it would have fired
    }

    @Override
    protected void afterExecute(Runnable task, Throwable thrown) {
        super.afterExecute(task, thrown);
        FailedTasks.reportIfFailed(task, thrown);
    }
}
