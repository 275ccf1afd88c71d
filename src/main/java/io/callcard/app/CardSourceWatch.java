package io.callcard.app;

import io.callcard.threads.BackgroundThreads;
import io.callcard.ui.shell.SourceFacts;
import io.callcard.ui.shell.SourceLine;
import io.callcard.ui.shell.SourceWords;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keeps the window's source line true: once a second, on its own thread {@value #THREAD_NAME}, it gathers what the
 * application knows ({@code facts}), decides the words ({@link SourceLine}) and hands them to the UI thread only when
 * they changed. A card polled every second keeps saying "just now", so the window is asked nothing then: no timeline
 * keeps JavaFX pulsing for a line that rarely changes.
 */
final class CardSourceWatch implements AutoCloseable {

    static final String THREAD_NAME = "card-source";
    static final Duration EVERY = Duration.ofSeconds(1);
    private static final Duration STOP_GRACE = Duration.ofMillis(100);

    private final Supplier<SourceFacts> facts;
    private final Clock clock;
    private final Executor ui;
    private final Consumer<SourceWords> show;
    private final ScheduledExecutorService thread = BackgroundThreads.scheduler(THREAD_NAME);
    /** The words last handed to the window; the watch's thread's own. */
    private SourceWords shown;

    private CardSourceWatch(Supplier<SourceFacts> facts, Clock clock, Executor ui, Consumer<SourceWords> show) {
        this.facts = Objects.requireNonNull(facts, "facts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.show = Objects.requireNonNull(show, "show");
    }

    /** Starts looking now and every {@link #EVERY}; {@code show} runs on {@code ui}. */
    static CardSourceWatch start(Supplier<SourceFacts> facts, Clock clock, Executor ui, Consumer<SourceWords> show) {
        CardSourceWatch watch = new CardSourceWatch(facts, clock, ui, show);
        try {
            watch.thread.scheduleWithFixedDelay(watch::look, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException impossible) {
            throw new IllegalStateException("the source line's thread refused its first look", impossible);
        }
        return watch;
    }

    /** Looks once: the words now, to the window if they changed. */
    void look() {
        SourceWords words = SourceLine.describe(facts.get(), clock.instant());
        if (!words.equals(shown)) {
            shown = words;
            ui.execute(() -> show.accept(words));
        }
    }

    @Override
    public void close() {
        BackgroundThreads.stop(thread, STOP_GRACE);
    }
}
