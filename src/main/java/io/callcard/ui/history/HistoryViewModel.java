package io.callcard.ui.history;

import io.callcard.history.CallHistory;
import io.callcard.history.HistoryCall;
import io.callcard.history.HistoryQuery;
import io.callcard.history.HistoryQuery.SortColumn;
import io.callcard.history.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * The full history view: the search box, the filters and the sorted column make one {@link HistoryQuery}; each change
 * asks the store (on the background executor) for the first page, shows it in {@link #rows()} (paged, never all held),
 * then counts the matches and settles the rows' size to the count, and keeps the statistics and the export on the same set. While a query runs
 * the view is busy; only the newest query's answer is shown. A bad range (start after end) is refused with words and
 * the shown calls stay as they were. While the view is shown it follows the history: calls written since are read
 * again ({@link #follow}, paced), new ones appear, changed ones are redrawn, the count and statistics follow, and the
 * search, the filters, the selected call and the rows under the agent's eye stay as they were.
 */
public final class HistoryViewModel {

    private final HistoryWords words;
    private final HistoryWayOutModel wayOut;
    private final Clock clock;
    private final Executor background;
    private final Executor ui;
    private final Supplier<Optional<CallHistory>> store;
    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObjectProperty<DateRange> dateRange = new SimpleObjectProperty<>(DateRange.ALL);
    private final ObjectProperty<LocalDate> customFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> customTo = new SimpleObjectProperty<>();
    private final ObjectProperty<DirectionFilter> direction = new SimpleObjectProperty<>(DirectionFilter.ALL);
    private final ObservableSet<Outcome> outcomes = FXCollections.observableSet(EnumSet.noneOf(Outcome.class));
    private final ObjectProperty<LinkedFilter> linked = new SimpleObjectProperty<>(LinkedFilter.ALL);
    private final ReadOnlyObjectWrapper<HistoryQuery> query = new ReadOnlyObjectWrapper<>(HistoryQuery.ALL);
    private final ReadOnlyLongWrapper count = new ReadOnlyLongWrapper(0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper counting = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final PagedCalls rows;
    private final CallDetailsModel details;
    private final HistoryStatsModel stats;
    private final HistoryExportModel export;
    private final BooleanProperty shown = new SimpleBooleanProperty(false);
    private final FollowPacer pacer = new FollowPacer(this::readAgain);
    /** Calls were written while a query was being read: read again once it is shown. */
    private boolean owedAfterLoad;
    private volatile long generation;

    HistoryViewModel(HistoryWords words, HistoryWayOutModel wayOut, Clock clock, Executor background,
                     Executor exports, Executor ui, Supplier<Optional<CallHistory>> store) {
        this.words = Objects.requireNonNull(words, "words");
        this.wayOut = Objects.requireNonNull(wayOut, "wayOut");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.store = Objects.requireNonNull(store, "store");
        rows = new PagedCalls(background, ui, this::failed);
        details = new CallDetailsModel(words, background, ui, store);
        stats = new HistoryStatsModel(words, background, ui, store);
        export = new HistoryExportModel(words.messages(), words.zone(), exports, ui, store);
        summary.set(words.messages().get("history.opening"));
        InvalidationListener changed = o -> requery();
        searchText.addListener(changed);
        dateRange.addListener(changed);
        customFrom.addListener(changed);
        customTo.addListener(changed);
        direction.addListener(changed);
        outcomes.addListener(changed);
        linked.addListener(changed);
    }

    /**
     * Calls were written (recorded, imported, changed): while the view is shown, the query is read again, at most one
     * reading at a time and one per gap (see {@link #paceWith}); a hidden view reads afresh when shown. FX thread.
     */
    public void follow() {
        if (shown.get()) {
            pacer.ask();
        }
    }

    /** The readings that follow the history start at most once per gap; a gap ends when {@code gapEnds} runs it. */
    void paceWith(Consumer<Runnable> gapEnds) {
        pacer.gapsBy(gapEnds);
    }

    /** Whether the view is on screen (its window showing): only then does it follow the history. */
    public BooleanProperty shownProperty() {
        return shown;
    }

    private void readAgain(Runnable done) {
        Optional<CallHistory> history = store.get();
        if (history.isEmpty() || !shown.get()) {
            done.run();
            return;
        }
        if (busy.get() || counting.get()) {
            owedAfterLoad = true; // the query under way may have read before the write: read again once it is shown
            done.run();
            return;
        }
        HistoryQuery asked = query.get();
        long mine = generation;
        long before = rows.size();
        Set<Integer> held = rows.followedPages();
        background.execute(() -> {
            try {
                long matched = history.get().count(asked);
                Map<Integer, List<HistoryCall>> fresh = new TreeMap<>();
                for (int page : PagedCalls.pagesToFollow(held, matched - before)) {
                    if ((long) page * PagedCalls.PAGE_SIZE < matched) {
                        fresh.put(page, history.get().page(asked, (long) page * PagedCalls.PAGE_SIZE,
                                PagedCalls.PAGE_SIZE));
                    }
                }
                ui.execute(() -> {
                    if (mine == generation) {
                        showAgain(matched, fresh);
                    }
                    done.run();
                });
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    if (mine == generation) {
                        failed(e);
                    }
                    done.run();
                });
            }
        });
    }

    /** The query read again: the rows follow, the selected call's details show its newest facts. */
    private void showAgain(long matched, Map<Integer, List<HistoryCall>> fresh) {
        rows.follow(matched, fresh);
        counted(matched, 0);
        stats.recount();
        HistoryCall selected = details.callProperty().get();
        if (selected != null) {
            HistoryCall fresher = rows.heldCall(selected);
            if (fresher != null && !fresher.equals(selected)) {
                details.follow(fresher);
            }
        }
    }

    private void readOwed() {
        if (owedAfterLoad) {
            owedAfterLoad = false;
            follow();
        }
    }

    /** Sorts by {@code column}: the table's sort becomes the query's. FX thread. */
    public void sortBy(SortColumn column, boolean descending) {
        HistoryQuery now = query.get();
        if (now.sort() != column || now.descending() != descending) {
            showQuery(now.sortedBy(column, descending));
        }
    }

    /** Asks the store again for the same query (the view was opened, the store just opened). FX thread. */
    public void reload() {
        load(query.get());
    }

    private void requery() {
        HistoryQuery now = query.get();
        DateRange range = dateRange.get();
        Instant from = range.start(clock, words.zone(), customFrom.get());
        Instant to = range.end(clock, words.zone(), customTo.get());
        if (from != null && to != null && !from.isBefore(to)) {
            problem.set(words.messages().get("history.filter.badRange"));
            return; // nothing changed: the calls shown stay those of the last good query
        }
        showQuery(new HistoryQuery(searchText.get(), from, to, direction.get().directions(), chosen(outcomes),
                linked.get().linked(), now.sort(), now.descending()));
    }

    private static Set<Outcome> chosen(ObservableSet<Outcome> picked) {
        return picked.isEmpty() ? java.util.Set.of() : EnumSet.copyOf(picked);
    }

    private void showQuery(HistoryQuery next) {
        problem.set("");
        if (!next.equals(query.get())) {
            query.set(next);
            load(next);
        }
    }

    private void load(HistoryQuery asked) {
        stats.follow(asked);
        export.follow(asked);
        Optional<CallHistory> history = store.get();
        if (history.isEmpty()) {
            return;
        }
        long mine = ++generation;
        busy.set(true);
        details.show(null);
        background.execute(() -> {
            if (mine != generation) {
                return; // a newer query is queued behind this one: typing never piles up reads
            }
            try {
                // the first page before the count: at a million calls counting them costs more than the page, and
                // the agent reads the page; the table's size is the page's until the count lands, then settles
                List<HistoryCall> first = history.get().page(asked, 0, PagedCalls.PAGE_SIZE);
                boolean whole = first.size() < PagedCalls.PAGE_SIZE; // a page not full is every match: that's the count
                ui.execute(() -> {
                    if (mine == generation) {
                        busy.set(false);
                        rows.show(history.get()::page, asked, first.size(), first);
                        counted(whole ? first.size() : -1, first.size());
                        if (whole) {
                            readOwed();
                        }
                    }
                });
                if (whole || mine != generation) {
                    return;
                }
                long matched = history.get().count(asked);
                ui.execute(() -> {
                    if (mine == generation) {
                        rows.settle(matched);
                        counted(matched, first.size());
                        readOwed();
                    }
                });
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    if (mine == generation) {
                        busy.set(false);
                        rows.empty();
                        count.set(0);
                        counting.set(false);
                        failed(e);
                        readOwed();
                    }
                });
            }
        });
    }

    /** The count landed ({@code matched}), or is still being counted ({@code -1}, at least {@code shown}). */
    private void counted(long matched, int shown) {
        count.set(matched < 0 ? shown : matched);
        summary.set(matched < 0 ? words.messages().get("history.summary.counting", shown)
                : words.messages().get("history.summary", matched));
        counting.set(matched < 0); // last: who waits for the count to land finds it set
    }

    private void failed(RuntimeException e) {
        problem.set(words.messages().get("history.readFailed", e.getMessage()));
    }

    /** Selecting a row shows its details. FX thread. */
    public void select(HistoryCall call) {
        details.show(call);
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObjectProperty<DateRange> dateRangeProperty() {
        return dateRange;
    }

    /** The first day of a {@link DateRange#CUSTOM} range, or null for no bound. */
    public ObjectProperty<LocalDate> customFromProperty() {
        return customFrom;
    }

    /** The last day (included) of a {@link DateRange#CUSTOM} range, or null for no bound. */
    public ObjectProperty<LocalDate> customToProperty() {
        return customTo;
    }

    public ObjectProperty<DirectionFilter> directionProperty() {
        return direction;
    }

    /** The outcomes shown; none chosen shows them all. */
    public ObservableSet<Outcome> outcomes() {
        return outcomes;
    }

    public ObjectProperty<LinkedFilter> linkedProperty() {
        return linked;
    }

    public ReadOnlyObjectProperty<HistoryQuery> queryProperty() {
        return query.getReadOnlyProperty();
    }

    /** The matching calls, in the query's order; rows not yet read are null. */
    public PagedCalls rows() {
        return rows;
    }

    public ReadOnlyLongProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** "1,234 calls", or that the history is still opening. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /**
     * Whether the first page is shown and the matches are still being counted: {@link #countProperty()} and the
     * table's size are the page's until then.
     */
    public ReadOnlyBooleanProperty countingProperty() {
        return counting.getReadOnlyProperty();
    }

    /** Why the last query or filter was refused or failed, or "". */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public CallDetailsModel details() {
        return details;
    }

    public HistoryStatsModel stats() {
        return stats;
    }

    public HistoryExportModel export() {
        return export;
    }

    public HistoryWords words() {
        return words;
    }

    /** The ways out when the history could not be opened (shared with today's calls). */
    public HistoryWayOutModel wayOut() {
        return wayOut;
    }

    /** The history could not be opened: the view says why. FX thread. */
    void unavailable(String why) {
        generation++;
        busy.set(false);
        counting.set(false);
        count.set(0);
        summary.set(why);
        rows.empty();
    }
}
