package io.callcard.threads;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes the companion's background threads and executors (see the package doc for why there is one owner). Every
 * thread made here is named, a daemon (but a shutdown hook), and has an uncaught-exception handler that reports to
 * {@link BackgroundFailures}; every executor also reports a task that failed inside a {@code Future} nobody read.
 */
public final class BackgroundThreads {

    private static final Thread.UncaughtExceptionHandler REPORT =
            (thread, failure) -> BackgroundFailures.report(new BackgroundFailure(thread.getName(), failure));

    private BackgroundThreads() {
    }

    /** A daemon thread named {@code name} that runs {@code work}, not started yet (its owner keeps it to join). */
    public static Thread newThread(String name, Runnable work) {
        return watched(new Thread(Objects.requireNonNull(work, "work"), Objects.requireNonNull(name, "name")), true);
    }

    /** As {@link #newThread}, started: for one-off work that must leave the caller's thread. */
    public static Thread start(String name, Runnable work) {
        Thread thread = newThread(name, work);
        thread.start();
        return thread;
    }

    /** A thread for {@link Runtime#addShutdownHook}: not a daemon (the JVM waits for hooks anyway), not started. */
    public static Thread shutdownHook(String name, Runnable work) {
        return watched(new Thread(Objects.requireNonNull(work, "work"), Objects.requireNonNull(name, "name")), false);
    }

    /** Daemon threads named {@code name-1}, {@code name-2}, ...: for an executor made elsewhere (an HTTP server's). */
    public static ThreadFactory numbered(String name) {
        Objects.requireNonNull(name, "name");
        AtomicInteger next = new AtomicInteger(1);
        return work -> newThread(name + "-" + next.getAndIncrement(), work);
    }

    /** One daemon thread named {@code name}, running tasks in the order given. */
    public static ExecutorService singleThread(String name) {
        Objects.requireNonNull(name, "name");
        return new WatchedThreadPool(1, 1, Duration.ZERO, work -> newThread(name, work));
    }

    /**
     * Up to {@code threads} daemon threads named {@code name-N}; each ends after {@code idle} without work, so an
     * idle executor holds no threads.
     */
    public static ExecutorService pool(String name, int threads, Duration idle) {
        WatchedThreadPool pool = new WatchedThreadPool(threads, threads, idle, numbered(name));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** As many daemon threads named {@code name-N} as there is work; each ends after a minute without any. */
    public static ExecutorService cachedPool(String name) {
        return new WatchedThreadPool(0, Integer.MAX_VALUE, Duration.ofMinutes(1), numbered(name));
    }

    /** One daemon thread named {@code name} for delayed work. */
    public static ScheduledExecutorService scheduler(String name) {
        Objects.requireNonNull(name, "name");
        return new WatchedScheduler(work -> newThread(name, work));
    }

    /**
     * Stops {@code executor}: nothing new starts, work under way gets up to {@code grace} to finish, then it is
     * interrupted. Returns true when every thread ended in time.
     */
    public static boolean stop(ExecutorService executor, Duration grace) {
        executor.shutdown();
        try {
            if (executor.awaitTermination(grace.toNanos(), TimeUnit.NANOSECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
        return executor.isTerminated();
    }

    private static Thread watched(Thread thread, boolean daemon) {
        thread.setDaemon(daemon);
        thread.setUncaughtExceptionHandler(REPORT);
        return thread;
    }
}
