package io.callcard.ui.history;

import io.callcard.history.CallHistory;
import io.callcard.history.HistoryQuery;
import io.callcard.history.HistoryStats;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The figures of the filtered calls (per day by outcome, by hour, answered rate, average talk), counted by the store
 * in the agent's zone. Read only while the statistics are shown ({@link #shownProperty()}): a query changed while they
 * are hidden is counted when they are next shown.
 */
public final class HistoryStatsModel {

    private final HistoryWords words;
    private final Executor background;
    private final Executor ui;
    private final Supplier<Optional<CallHistory>> store;
    private final BooleanProperty shown = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<HistoryStats> stats = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper answeredRate = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper averageTalk = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private HistoryQuery query;
    /** The query {@link #stats} counts, or null when they are out of date. */
    private HistoryQuery counted;
    private volatile long generation;

    HistoryStatsModel(HistoryWords words, Executor background, Executor ui, Supplier<Optional<CallHistory>> store) {
        this.words = Objects.requireNonNull(words, "words");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.store = Objects.requireNonNull(store, "store");
        shown.addListener((o, was, now) -> {
            if (now) {
                refresh();
            }
        });
    }

    /** The filtered set changed: counted now if shown, else when next shown. FX thread. */
    void follow(HistoryQuery changed) {
        query = changed;
        if (shown.get()) {
            refresh();
        }
    }

    /**
     * Calls were written into the filtered set: the figures are counted again now if shown (without the busy mask: the
     * old figures stay until the new land), else when next shown. FX thread.
     */
    void recount() {
        counted = null;
        if (shown.get()) {
            refresh(false);
        }
    }

    private void refresh() {
        refresh(true);
    }

    private void refresh(boolean masked) {
        Optional<CallHistory> history = store.get();
        if (query == null || history.isEmpty() || query.equals(counted)) {
            return;
        }
        HistoryQuery asked = query;
        long mine = ++generation;
        busy.set(masked);
        background.execute(() -> {
            if (mine != generation) {
                return; // a newer query is queued behind this one
            }
            try {
                HistoryStats figures = history.get().stats(asked, words.zone());
                ui.execute(() -> {
                    if (mine == generation) {
                        counted = asked;
                        show(figures);
                    }
                });
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    if (mine == generation) {
                        busy.set(false);
                        problem.set(words.messages().get("history.stats.failed", e.getMessage()));
                    }
                });
            }
        });
    }

    private void show(HistoryStats figures) {
        busy.set(false);
        problem.set("");
        stats.set(figures);
        answeredRate.set(words.messages().get("history.stats.answeredRate", figures.answeredRate(),
                figures.answered(), figures.total()));
        averageTalk.set(figures.averageTalk() == null ? words.messages().get("history.stats.noTalk")
                : words.messages().get("history.stats.averageTalk",
                HistoryWords.duration(figures.averageTalk().toSeconds())));
    }

    /** Whether the statistics are on screen; the view sets it. */
    public BooleanProperty shownProperty() {
        return shown;
    }

    public ReadOnlyObjectProperty<HistoryStats> statsProperty() {
        return stats.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty answeredRateProperty() {
        return answeredRate.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty averageTalkProperty() {
        return averageTalk.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    HistoryWords words() {
        return words;
    }
}
