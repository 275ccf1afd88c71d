package io.callcard.ui;

import io.callcard.threads.BackgroundThreads;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs work on the UI thread once a second while started, for clocks on screen (the talk time). Deliberately not a
 * JavaFX {@code Timeline}: while any animation runs, JavaFX pulses 60 times a second, so a one-second timeline kept
 * the window busy all call long (the footprint benchmark measured 3.6 % of a core with a call connected against
 * 1.2 % without; a bare stage idles at 1 %). The seconds come from one shared daemon thread, made on first use.
 * Start and stop on the UI thread.
 */
public final class SecondTicker {

    static final String THREAD_NAME = "ui-seconds";
    private static ScheduledExecutorService seconds;

    private final Executor ui;
    private final Runnable work;
    private ScheduledFuture<?> running;

    public SecondTicker(Executor ui, Runnable work) {
        this.ui = Objects.requireNonNull(ui, "ui");
        this.work = Objects.requireNonNull(work, "work");
    }

    /** Ticks from a second from now; does nothing if already ticking. */
    public void start() {
        if (running == null) {
            running = scheduler().scheduleAtFixedRate(() -> ui.execute(this::tickIfRunning), 1, 1, TimeUnit.SECONDS);
        }
    }

    public void stop() {
        if (running != null) {
            running.cancel(false);
            running = null;
        }
    }

    public boolean isRunning() {
        return running != null;
    }

    /** A tick already handed to the UI thread when {@link #stop} ran is dropped. */
    private void tickIfRunning() {
        if (running != null) {
            work.run();
        }
    }

    private static synchronized ScheduledExecutorService scheduler() {
        if (seconds == null) {
            seconds = BackgroundThreads.scheduler(THREAD_NAME);
        }
        return seconds;
    }
}
