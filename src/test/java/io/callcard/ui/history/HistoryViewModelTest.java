package io.callcard.ui.history;

import static io.callcard.ui.history.PaneCalls.NOW;
import static io.callcard.ui.history.PaneCalls.answered;
import static io.callcard.ui.history.PaneCalls.unlinked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallDirection;
import io.callcard.history.HistoryCall;
import io.callcard.history.HistoryQuery;
import io.callcard.history.HistoryQuery.SortColumn;
import io.callcard.history.Outcome;
import io.callcard.history.sqlite.SqliteCallHistory;
import io.callcard.ui.Messages;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The full history's view-model over a real SQLite file, without the toolkit: the search box, the filters and the
 * table's sort make the query; the rows are paged and never all held; a stale answer is dropped; a bad range or a
 * failing store says why and changes nothing.
 */
class HistoryViewModelTest {

    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;
    private SqliteCallHistory store;
    private HistoryModels models;
    private HistoryViewModel vm;

    @BeforeEach
    void open() throws Exception {
        store = PaneCalls.store(dir.resolve("history.db"), List.of(
                answered("a1", NOW.minus(Duration.ofMinutes(30)), "+74951234567", 797, "Иван Петров", 125),
                unlinked("a2", NOW.minus(Duration.ofHours(2)), "+74957654321", CallDirection.OUTGOING, Outcome.BUSY),
                unlinked("a3", NOW.minus(Duration.ofHours(21)), "+79161112233", CallDirection.INCOMING,
                        Outcome.MISSED),
                unlinked("a4", NOW.minus(Duration.ofDays(3)), "+4930123456", CallDirection.INCOMING_TRANSFER,
                        Outcome.MISSED),
                answered("a5", NOW.minus(Duration.ofDays(10)), "+4930987654", 12, "Anna Schmidt", 60)));
        models = new HistoryModels(Messages.forLocale(Locale.ENGLISH), CLOCK, Runnable::run, Runnable::run, Runnable::run);
        vm = models.full();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<String> shownKeys() {
        return HistoryViewsUnderTest.keys(vm);
    }

    @Test
    void beforeTheStoreOpensNothingIsAskedAndTheViewSaysItIsOpening() {
        vm.searchTextProperty().set("4567");
        assertEquals(0, vm.rows().size());
        assertEquals("The history is opening…", vm.summaryProperty().get());
        models.attach(store);
        assertEquals(List.of("a1"), shownKeys(), "the query typed before the store opened is the one asked");
    }

    @Test
    void everyCallNewestFirstWithItsCount() {
        models.attach(store);
        assertEquals(List.of("a1", "a2", "a3", "a4", "a5"), shownKeys());
        assertEquals(5, vm.countProperty().get());
        assertEquals("5 calls", vm.summaryProperty().get());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void numberFragmentsInAnyFormatAndNamesInAnyCase() {
        models.attach(store);
        vm.searchTextProperty().set("4567");
        assertEquals(List.of("a1"), shownKeys());
        vm.searchTextProperty().set("+7 495");
        assertEquals(List.of("a1", "a2"), shownKeys());
        vm.searchTextProperty().set("8 (495)");
        assertEquals(List.of("a1", "a2"), shownKeys(), "the national format's digits are searched too");
        vm.searchTextProperty().set("иван");
        assertEquals(List.of("a1"), shownKeys());
        vm.searchTextProperty().set("SCHMIDT");
        assertEquals(List.of("a5"), shownKeys());
        vm.searchTextProperty().set("");
        assertEquals(5, vm.rows().size());
    }

    @Test
    void directionOutcomeAndCrmLinkFilters() {
        models.attach(store);
        vm.directionProperty().set(DirectionFilter.INCOMING);
        assertEquals(List.of("a1", "a3", "a4", "a5"), shownKeys(), "a transferred call came in");
        vm.directionProperty().set(DirectionFilter.OUTGOING);
        assertEquals(List.of("a2"), shownKeys());
        vm.directionProperty().set(DirectionFilter.ALL);
        vm.outcomes().add(Outcome.MISSED);
        assertEquals(List.of("a3", "a4"), shownKeys());
        vm.outcomes().add(Outcome.BUSY);
        assertEquals(List.of("a2", "a3", "a4"), shownKeys());
        vm.outcomes().clear();
        vm.linkedProperty().set(LinkedFilter.LINKED);
        assertEquals(List.of("a1", "a5"), shownKeys());
        vm.linkedProperty().set(LinkedFilter.UNLINKED);
        assertEquals(List.of("a2", "a3", "a4"), shownKeys());
        assertEquals(Boolean.FALSE, vm.queryProperty().get().linked());
    }

    @Test
    void datePresetsAreWholeDaysInTheAgentsZone() {
        models.attach(store);
        vm.dateRangeProperty().set(DateRange.TODAY);
        assertEquals(List.of("a1", "a2"), shownKeys());
        vm.dateRangeProperty().set(DateRange.YESTERDAY);
        assertEquals(List.of("a3"), shownKeys());
        vm.dateRangeProperty().set(DateRange.LAST_7_DAYS);
        assertEquals(List.of("a1", "a2", "a3", "a4"), shownKeys());
        vm.dateRangeProperty().set(DateRange.CUSTOM);
        vm.customFromProperty().set(LocalDate.of(2026, 11, 24));
        vm.customToProperty().set(LocalDate.of(2026, 12, 1));
        assertEquals(List.of("a4", "a5"), shownKeys(), "both chosen days included");
    }

    @Test
    void aRangeEndingBeforeItStartsIsRefusedAndTheCallsShownStay() {
        models.attach(store);
        vm.dateRangeProperty().set(DateRange.CUSTOM);
        vm.customFromProperty().set(LocalDate.of(2026, 12, 3));
        HistoryQuery good = vm.queryProperty().get();
        assertEquals(List.of("a1", "a2", "a3"), shownKeys());

        vm.customToProperty().set(LocalDate.of(2026, 12, 1));

        assertEquals("The range's first day is after its last day: pick a first day on or before the last.",
                vm.problemProperty().get());
        assertSame(good, vm.queryProperty().get());
        assertEquals(List.of("a1", "a2", "a3"), shownKeys());
        vm.customToProperty().set(LocalDate.of(2026, 12, 3));
        assertEquals("", vm.problemProperty().get());
        assertEquals(List.of("a3"), shownKeys());
    }

    @Test
    void theTablesSortIsTheQuerys() {
        models.attach(store);
        vm.sortBy(SortColumn.NUMBER, false);
        assertEquals("a4", shownKeys().get(0), "+4930123456 is the smallest number");
        assertEquals(SortColumn.NUMBER, vm.queryProperty().get().sort());
        vm.sortBy(SortColumn.TALK_TIME, true);
        assertEquals(List.of("a1", "a5"), shownKeys().subList(0, 2));
        vm.sortBy(SortColumn.TIME, false);
        assertEquals(List.of("a5", "a4", "a3", "a2", "a1"), shownKeys());
    }

    @Test
    void rowsAreReadPageByPageAndOnlyAFewPagesAreHeld() throws Exception {
        int total = PagedCalls.PAGE_SIZE * (PagedCalls.PAGES_KEPT + 3) + 17;
        PaneCalls.write(store, PaneCalls.many(total, NOW.minus(Duration.ofDays(20)), 3));
        models.attach(store);
        PagedCalls rows = vm.rows();
        assertEquals(total + 5, rows.size());
        assertEquals(PagedCalls.PAGE_SIZE, rows.heldRows(), "only the first page is read with the count");
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            HistoryCall call = rows.get(i);
            assertNotNull(call, "row " + i);
            assertTrue(rows.heldRows() <= PagedCalls.PAGE_SIZE * PagedCalls.PAGES_KEPT, "held " + rows.heldRows());
            seen.add(call.key());
        }
        assertEquals(total + 5, seen.size(), "every call once, in pages");
        assertEquals("a5", rows.get(4).key(), "the five calls are the newest; the seeded ones are older");
    }

    @Test
    void theFirstPageShowsBeforeTheCountAndTheSizeSettlesWhenItLands() throws Exception {
        int total = PagedCalls.PAGE_SIZE * 3 + 7;
        PaneCalls.write(store, PaneCalls.many(total, NOW.minus(Duration.ofDays(20)), 3));
        Queue<Runnable> reads = new ArrayDeque<>();
        Queue<Runnable> fx = new ArrayDeque<>();
        List<HistoryQuery> asked = new ArrayList<>();
        HistoryModels queued = new HistoryModels(Messages.forLocale(Locale.ENGLISH), CLOCK, reads::add,
                Runnable::run, fx::add);
        HistoryViewModel opening = queued.full();
        List<String> changes = new ArrayList<>();
        opening.rows().addListener((javafx.collections.ListChangeListener<HistoryCall>) change -> {
            while (change.next()) {
                changes.add(change.wasAdded() ? "+" + change.getFrom() + " to " + change.getTo() : "other");
            }
        });
        queued.attach(new CountingHistory(store, asked));
        assertTrue(opening.busyProperty().get());

        reads.poll().run(); // today's list reads its day
        reads.poll().run(); // the full view's read: the first page, then the count, each answer queued for the FX thread
        fx.poll().run(); // today's calls arrive
        fx.poll().run(); // the first page arrives
        assertFalse(opening.busyProperty().get(), "the page is shown: no mask while counting");
        assertTrue(opening.countingProperty().get());
        assertEquals(PagedCalls.PAGE_SIZE, opening.rows().size(), "the size is the page's until the count lands");
        assertNotNull(opening.rows().get(0));
        assertEquals("At least 100 calls, counting…", opening.summaryProperty().get());

        fx.poll().run(); // the count arrives
        assertFalse(opening.countingProperty().get());
        assertEquals(total + 5, opening.rows().size(), "settled to every match: the scroll bar is right");
        assertEquals(total + 5, opening.countProperty().get());
        assertEquals("312 calls", opening.summaryProperty().get());
        assertEquals(List.of("+0 to 100", "+100 to 312"), changes, "the rows past the page were added, not reset");
        assertEquals(2, asked.stream().filter(q -> q.from() == null).count(), "one first page and one count");
        assertTrue(fx.isEmpty() && reads.isEmpty());
    }

    @Test
    void aFirstPageNotFullIsEveryMatchAndNothingIsCounted() {
        List<HistoryQuery> asked = new ArrayList<>();
        models.attach(new CountingHistory(store, asked));
        assertEquals(5, vm.rows().size());
        assertEquals(5, vm.countProperty().get());
        assertFalse(vm.countingProperty().get());
        assertEquals("5 calls", vm.summaryProperty().get());
        assertEquals(1, asked.stream().filter(q -> q.from() == null).count(),
                "the first page only (today's list reads its own): it held every match");
    }

    @Test
    void onlyTheNewestQueryIsAskedAndShown() {
        Queue<Runnable> queued = new ArrayDeque<>();
        Executor later = queued::add;
        List<HistoryQuery> asked = new ArrayList<>();
        HistoryModels slow = new HistoryModels(Messages.forLocale(Locale.ENGLISH), CLOCK, later, Runnable::run, Runnable::run);
        HistoryViewModel typing = slow.full();
        slow.attach(new CountingHistory(store, asked));
        typing.searchTextProperty().set("4");
        typing.searchTextProperty().set("45");
        typing.searchTextProperty().set("4567");
        assertTrue(typing.busyProperty().get(), "busy while the queries wait");
        while (!queued.isEmpty()) {
            queued.poll().run();
        }
        // today's list reads its own day (a range); the full view's queries have none
        assertEquals(List.of("4567"), asked.stream().filter(q -> q.from() == null).map(HistoryQuery::text)
                        .distinct().toList(),
                "the queries overtaken while queued were never asked");
        assertEquals(1, typing.rows().size());
        assertFalse(typing.busyProperty().get());
    }

    @Test
    void aStoreThatFailsSaysWhyAndShowsNoCalls() {
        models.attach(store);
        assertEquals(5, vm.rows().size());
        store.close();
        vm.searchTextProperty().set("495");
        assertTrue(vm.problemProperty().get().startsWith("The history could not be read: "),
                vm.problemProperty().get());
        assertEquals(0, vm.rows().size());
        assertFalse(vm.busyProperty().get());
    }
}
