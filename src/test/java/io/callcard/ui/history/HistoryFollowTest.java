package io.callcard.ui.history;

import static io.callcard.ui.history.PaneCalls.NOW;
import static io.callcard.ui.history.PaneCalls.answered;
import static io.callcard.ui.history.PaneCalls.unlinked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallDirection;
import io.callcard.history.HistoryCall;
import io.callcard.history.HistoryQuery;
import io.callcard.history.Outcome;
import io.callcard.history.sqlite.SqliteCallHistory;
import io.callcard.ui.Messages;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The open full view follows the history, without the toolkit, over a real SQLite file: calls written while it is shown
 * appear (newest first: on top, announced as added there), a changed call is redrawn and its details follow, the count
 * and statistics follow; the search, the selection and the rows held stay; a burst of writes is a few readings.
 */
class HistoryFollowTest {

    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;
    private SqliteCallHistory store;
    private final List<HistoryQuery> asked = new ArrayList<>();
    private final Queue<Runnable> gaps = new ArrayDeque<>();
    private HistoryModels models;
    private HistoryViewModel vm;

    @BeforeEach
    void open() throws Exception {
        store = PaneCalls.store(dir.resolve("history.db"), List.of(
                answered("a1", NOW.minus(Duration.ofMinutes(30)), "+74951234567", 797, "Иван Петров", 125),
                unlinked("a2", NOW.minus(Duration.ofHours(2)), "+74957654321", CallDirection.OUTGOING, Outcome.BUSY),
                unlinked("a3", NOW.minus(Duration.ofHours(21)), "+79161112233", CallDirection.INCOMING,
                        Outcome.MISSED)));
        models = new HistoryModels(Messages.forLocale(Locale.ENGLISH), CLOCK, Runnable::run, Runnable::run,
                Runnable::run);
        models.paceFollowing(gaps::add);
        models.attach(new CountingHistory(store, asked));
        vm = models.full();
        vm.shownProperty().set(true);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<String> shownKeys() {
        return HistoryViewsUnderTest.keys(vm);
    }

    /** Ends the gaps owed so far (the application's scheduler would, a quarter second later). */
    private void endGaps() {
        while (!gaps.isEmpty()) {
            gaps.poll().run();
        }
    }

    @Test
    void callsWrittenWhileShownAppearOnTopAnnouncedAsAddedThere() throws Exception {
        List<String> told = HistoryViewsUnderTest.changesTold(vm.rows());
        PaneCalls.write(store, List.of(
                unlinked("n1", NOW.minus(Duration.ofMinutes(2)), "+74950001122", CallDirection.INCOMING,
                        Outcome.MISSED),
                answered("n2", NOW.minus(Duration.ofMinutes(1)), "+74950003344", 801, "Ольга Смирнова", 40)));
        models.callsChanged();
        assertEquals(List.of("n2", "n1", "a1", "a2", "a3"), shownKeys());
        assertEquals(5, vm.countProperty().get());
        assertEquals("5 calls", vm.summaryProperty().get());
        assertEquals(List.of("added 0 to 2"), told, "two rows added on top, nothing else: the others did not change");
        assertFalse(vm.busyProperty().get(), "following never masks the view");
    }

    @Test
    void aHiddenViewReadsNothingAndReadsAfreshWhenShownAgain() throws Exception {
        vm.shownProperty().set(false);
        int before = asked.size();
        PaneCalls.write(store, List.of(unlinked("n1", NOW.minus(Duration.ofMinutes(2)), "+74950001122",
                CallDirection.INCOMING, Outcome.MISSED)));
        models.callsChanged();
        assertEquals(before + 1, asked.size(), "only today's list read (its page); the closed view asked nothing");
        assertEquals(List.of("a1", "a2", "a3"), shownKeys());
        vm.reload(); // as the window does when shown
        assertEquals(List.of("n1", "a1", "a2", "a3"), shownKeys());
    }

    @Test
    void aChangedCallIsRedrawnAndItsDetailsFollowWithoutLosingTheSelection() throws Exception {
        HistoryCall ringing = unlinked("a0", NOW.minus(Duration.ofMinutes(1)), "+74950005566", CallDirection.INCOMING,
                Outcome.IN_PROGRESS);
        PaneCalls.write(store, List.of(ringing));
        models.callsChanged();
        endGaps();
        HistoryCall shown = vm.rows().get(0);
        assertEquals(Outcome.IN_PROGRESS, shown.outcome());
        vm.select(shown);
        assertEquals(1, vm.details().timeline().size());
        List<String> told = HistoryViewsUnderTest.changesTold(vm.rows());
        List<Integer> timelineSizes = new ArrayList<>();
        vm.details().timeline().addListener((ListChangeListener<CallDetailsModel.TimelineLine>) c ->
                timelineSizes.add(vm.details().timeline().size()));
        PaneCalls.write(store, List.of(answered("a0", ringing.firstHeard(), "+74950005566", 802, "Пётр Сидоров",
                33)));
        models.callsChanged();
        endGaps();
        HistoryCall ended = vm.rows().get(0);
        assertEquals("a0", ended.key());
        assertEquals(Outcome.ANSWERED, ended.outcome());
        assertEquals(List.of("replaced 0 to 1"), told, "only the changed row is redrawn");
        assertEquals(ended, vm.details().callProperty().get(), "the details show the newest facts of the same call");
        assertEquals("Пётр Сидоров", vm.details().titleProperty().get());
        assertFalse(timelineSizes.contains(0), "the timeline was never emptied while read again: " + timelineSizes);
        assertEquals(4, vm.countProperty().get());
    }

    @Test
    void theSearchAndFiltersStayAndOnlyMatchingCallsAppear() throws Exception {
        vm.searchTextProperty().set("+7 495");
        assertEquals(List.of("a1", "a2"), shownKeys());
        PaneCalls.write(store, List.of(
                unlinked("n1", NOW.minus(Duration.ofMinutes(2)), "+74950001122", CallDirection.INCOMING,
                        Outcome.MISSED),
                unlinked("n2", NOW.minus(Duration.ofMinutes(1)), "+4930555000", CallDirection.INCOMING,
                        Outcome.MISSED)));
        models.callsChanged();
        assertEquals("+7 495", vm.searchTextProperty().get());
        assertEquals(List.of("n1", "a1", "a2"), shownKeys(), "the Berlin number does not match the search");
        assertEquals(3, vm.countProperty().get());
    }

    @Test
    void aBurstOfAThousandCallsIsAFewReadingsNotAThousand() throws Exception {
        int before = asked.size();
        List<HistoryCall> seeded = PaneCalls.many(1_000, NOW.minus(Duration.ofMinutes(1)), 0);
        for (int batch = 0; batch < 100; batch++) {
            PaneCalls.write(store, seeded.subList(batch * 10, batch * 10 + 10));
            models.callsChanged(); // as the application hears each batch reach the disk
        }
        // one reading at once (a count and its first page), the rest owed until the gap ends; today's list reads apart
        int readingsAsked = countsAsked(before);
        assertEquals(1, readingsAsked, "one reading before the gap ended");
        endGaps();
        assertEquals(2, countsAsked(before), "the writes during the gap make one reading more, not 99");
        endGaps();
        assertEquals(2, countsAsked(before), "nothing owed: no reading more");
        assertEquals(1_003, vm.countProperty().get());
        assertEquals(1_003, vm.rows().size());
        assertTrue(vm.rows().heldRows() <= PagedCalls.PAGE_SIZE * 3, "paged, never all held: " + vm.rows().heldRows());
    }

    /** How many times the full view's query was counted since {@code from} (today's list never counts). */
    private int countsAsked(int from) {
        return (int) asked.subList(from, asked.size()).stream().filter(q -> q.equals(vm.queryProperty().get()))
                .count() / 2;
    }

    @Test
    void theStatisticsFollowWithoutTheBusyMask() throws Exception {
        vm.stats().shownProperty().set(true);
        assertEquals(3, vm.stats().statsProperty().get().total());
        List<Boolean> busy = new ArrayList<>();
        vm.stats().busyProperty().addListener((o, was, now) -> busy.add(now));
        PaneCalls.write(store, List.of(unlinked("n1", NOW.minus(Duration.ofMinutes(2)), "+74950001122",
                CallDirection.INCOMING, Outcome.MISSED)));
        models.callsChanged();
        assertEquals(4, vm.stats().statsProperty().get().total());
        assertFalse(busy.contains(true), "the figures stand until the new ones land");
    }

    @Test
    void writesDuringAQueryUnderWayAreReadOnceItIsShown() throws Exception {
        Queue<Runnable> reads = new ArrayDeque<>();
        HistoryModels queued = new HistoryModels(Messages.forLocale(Locale.ENGLISH), CLOCK, reads::add, Runnable::run,
                Runnable::run);
        queued.attach(store);
        HistoryViewModel slow = queued.full();
        slow.shownProperty().set(true);
        runAll(reads);
        slow.searchTextProperty().set("495"); // a query under way: its read waits on the queue
        assertEquals(1, reads.size());
        queued.callsChanged();
        assertEquals(2, reads.size(), "today's list reads; the full view waits for its query to be shown");
        reads.poll().run(); // the query: shown
        reads.poll().run(); // today's list
        PaneCalls.write(store, List.of(unlinked("n1", NOW.minus(Duration.ofMinutes(2)), "+74950001122",
                CallDirection.INCOMING, Outcome.MISSED)));
        assertEquals(1, reads.size(), "the writes heard while it was read are read again now");
        runAll(reads);
        List<String> keys = new ArrayList<>();
        slow.rows().forEach(c -> keys.add(c.key()));
        assertEquals(List.of("n1", "a1", "a2"), keys);
        assertEquals(3, slow.countProperty().get());
    }

    private static void runAll(Queue<Runnable> tasks) {
        while (!tasks.isEmpty()) {
            tasks.poll().run();
        }
    }
}
