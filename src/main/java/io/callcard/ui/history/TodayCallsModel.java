package io.callcard.ui.history;

import io.callcard.history.CallHistory;
import io.callcard.history.HistoryCall;
import io.callcard.history.HistoryQuery;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Today's calls under the card, newest first: read again from the store whenever a call was recorded
 * ({@link #refresh()}), keeping the selected call selected. Selecting one shows its details.
 */
public final class TodayCallsModel {

    /** The most lines the list holds: a day rarely has more, and the full history shows every call. */
    static final int MOST_SHOWN = 200;

    private final HistoryWords words;
    private final HistoryWayOutModel wayOut;
    private final Clock clock;
    private final Executor background;
    private final Executor ui;
    private final Supplier<Optional<CallHistory>> store;
    private final ObservableList<HistoryCall> calls = FXCollections.observableArrayList();
    private final ObservableList<HistoryCall> readOnlyCalls = FXCollections.unmodifiableObservableList(calls);
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper("");
    private final CallDetailsModel details;
    private volatile long generation;

    TodayCallsModel(HistoryWords words, HistoryWayOutModel wayOut, Clock clock, Executor background, Executor ui,
                    Supplier<Optional<CallHistory>> store) {
        this.words = Objects.requireNonNull(words, "words");
        this.wayOut = Objects.requireNonNull(wayOut, "wayOut");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.store = Objects.requireNonNull(store, "store");
        details = new CallDetailsModel(words, background, ui, store);
        emptyText.set(words.messages().get("history.opening"));
    }

    /** Reads today's calls again (a call was recorded, the day turned, the store opened). FX thread. */
    public void refresh() {
        Optional<CallHistory> history = store.get();
        if (history.isEmpty()) {
            return;
        }
        HistoryQuery today = HistoryQuery.ALL.withRange(DateRange.TODAY.start(clock, words.zone(), null),
                DateRange.TODAY.end(clock, words.zone(), null));
        long mine = ++generation;
        background.execute(() -> {
            if (mine != generation) {
                return; // a newer refresh is queued behind this one
            }
            try {
                List<HistoryCall> read = history.get().page(today, 0, MOST_SHOWN);
                ui.execute(() -> {
                    if (mine == generation) {
                        show(read);
                    }
                });
            } catch (RuntimeException e) {
                ui.execute(() -> emptyText.set(words.messages().get("history.readFailed", e.getMessage())));
            }
        });
    }

    private void show(List<HistoryCall> read) {
        calls.setAll(read);
        emptyText.set(words.messages().get("history.today.none"));
        HistoryCall selected = details.callProperty().get();
        if (selected != null) {
            // the selected call may have changed (it ended, its name arrived): show its newest facts
            read.stream().filter(c -> c.key().equals(selected.key())).findFirst()
                    .filter(fresher -> !fresher.equals(selected)).ifPresent(details::show);
        }
    }

    /** Selecting a line shows its details; null hides them. FX thread. */
    public void select(HistoryCall call) {
        details.show(call);
    }

    /** Today's calls, newest first. */
    public ObservableList<HistoryCall> calls() {
        return readOnlyCalls;
    }

    /** What the empty list says: no calls yet today, the history still opening, or why it could not be read. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    public CallDetailsModel details() {
        return details;
    }

    public HistoryWords words() {
        return words;
    }

    /** The ways out when the history could not be opened (shared with the full view). */
    public HistoryWayOutModel wayOut() {
        return wayOut;
    }

    void unavailable(String why) {
        calls.clear();
        emptyText.set(why);
    }
}
