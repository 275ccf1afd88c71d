package io.callcard.threads;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** A thread pool that reports a task failing inside its {@code Future} (see {@link FailedTasks}). */
final class WatchedThreadPool extends ThreadPoolExecutor {

    WatchedThreadPool(int core, int max, Duration idle, ThreadFactory threads) {
        super(core, max, idle.toNanos(), TimeUnit.NANOSECONDS,
                max == Integer.MAX_VALUE ? new SynchronousQueue<>() : new LinkedBlockingQueue<>(),
                threads);
    }

    @Override
    protected void afterExecute(Runnable task, Throwable thrown) {
        super.afterExecute(task, thrown);
        FailedTasks.reportIfFailed(task, thrown);
    }
}
