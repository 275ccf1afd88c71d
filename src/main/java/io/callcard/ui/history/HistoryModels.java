package io.callcard.ui.history;

import io.callcard.history.CallHistory;
import io.callcard.ui.Messages;
import io.callcard.ui.callcard.CrmPages;
import io.callcard.ui.callcard.NumberClipboard;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.value.ObservableValue;

/**
 * The history's view-models, sharing one store: made with the window (before the store opens, after the first
 * frame), given the store when it opens ({@link #attach}) or told why it could not ({@link #unavailable}).
 */
public final class HistoryModels {

    private final HistoryWords words;
    private final TodayCallsModel today;
    private final HistoryViewModel full;
    private final HistoryWayOutModel wayOut;
    private volatile CallHistory store;
    /** Held here: the preferences hold it only weakly, so the panes never outlive their use by it. */
    private final InvalidationListener regionWatch;

    /**
     * @param clock      today and the date presets, in the clock's zone
     * @param background where the store is read (one thread keeps the reads in order)
     * @param exports    where exports run: long, so never in the way of the table's reads
     * @param ui         the FX thread
     */
    public HistoryModels(Messages messages, Clock clock, Executor background, Executor exports, Executor ui) {
        words = new HistoryWords(messages, clock.getZone());
        wayOut = new HistoryWayOutModel(messages, ui);
        today = new TodayCallsModel(words, wayOut, clock, background, ui, this::store);
        full = new HistoryViewModel(words, wayOut, clock, background, exports, ui, this::store);
        regionWatch = o -> {
            if (o instanceof ObservableValue<?> value) {
                value.getValue(); // read, so that the next change invalidates it again (and tells us)
            }
            if (words.regionMayHaveChanged()) {
                today.details().reword();
                full.details().reword();
            }
        };
    }

    /** Where the details' commands go: the system clipboard, the portal's pages. */
    public void use(NumberClipboard clipboard, CrmPages pages) {
        today.details().use(clipboard, pages);
        full.details().use(clipboard, pages);
    }

    /**
     * Numbers are read in {@code region}'s answer from now on, as the card reads them (ISO 3166), and read again
     * wherever they are shown (today's list, the table, the details) as soon as {@code changes} says the answer may
     * have changed (the preferences). FX thread.
     */
    public void readNumbersIn(Supplier<String> region, Observable changes) {
        words.readNumbersIn(region);
        changes.addListener(new WeakInvalidationListener(regionWatch));
        regionWatch.invalidated(changes);
    }

    /**
     * The full view's readings as calls land start at most once per gap, a gap ending when {@code gapEnds} runs its
     * task on the FX thread (the application's: a quarter of a second later). Without it, only one reading at a time.
     */
    public void paceFollowing(Consumer<Runnable> gapEnds) {
        full.paceWith(gapEnds);
    }

    /** Who moves a damaged file aside or opens one read-only when the agent asks (the application). */
    public void use(HistoryRescue rescue) {
        wayOut.use(rescue);
    }

    /** The store opened: the panes read it from now on. FX thread. */
    public void attach(CallHistory opened) {
        store = Objects.requireNonNull(opened, "opened");
        wayOut.withdraw();
        today.refresh();
        full.reload();
    }

    /** The store could not be opened: the panes say {@code why} and offer {@code ways} out. FX thread. */
    public void unavailable(String why, Set<WayOut> ways) {
        store = null;
        wayOut.offer(ways);
        today.unavailable(why);
        full.unavailable(why);
    }

    /** Calls were written: today's list reads again, and the full view if it is shown (paced). FX thread. */
    public void callsChanged() {
        today.refresh();
        full.follow();
    }

    public TodayCallsModel today() {
        return today;
    }

    public HistoryViewModel full() {
        return full;
    }

    /** The ways out of a file that could not be opened: shown in both panes. */
    public HistoryWayOutModel wayOut() {
        return wayOut;
    }

    private Optional<CallHistory> store() {
        return Optional.ofNullable(store);
    }
}
