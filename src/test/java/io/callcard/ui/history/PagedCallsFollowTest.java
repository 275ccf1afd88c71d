package io.callcard.ui.history;

import static io.callcard.ui.history.PaneCalls.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.callcard.history.HistoryCall;
import io.callcard.history.HistoryQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The table's rows followed while calls land, without the toolkit or a store: the rows held move with their calls,
 * the move is announced as rows added above, and finding a call among them never reads a page.
 */
class PagedCallsFollowTest {

    private final List<HistoryCall> all = new ArrayList<>(PaneCalls.many(1_000, NOW.minus(Duration.ofMinutes(5)), 1));
    private final List<Long> reads = new ArrayList<>();
    private final PagedCalls rows = new PagedCalls(Runnable::run, Runnable::run, e -> {
        throw e;
    });

    private List<HistoryCall> page(HistoryQuery query, long offset, int limit) {
        reads.add(offset);
        return List.copyOf(all.subList((int) Math.min(offset, all.size()), (int) Math.min(offset + limit, all.size())));
    }

    private void showAll() {
        rows.show(this::page, HistoryQuery.ALL, all.size(), page(HistoryQuery.ALL, 0, PagedCalls.PAGE_SIZE));
        reads.clear();
    }

    @Test
    void findingACallReadsNoPageAndFindsItChanged() {
        showAll();
        assertNotNull(rows.get(550)); // page 5 read
        reads.clear();
        assertEquals(-1, rows.indexOf(all.get(900)), "not held: not there, and not read to find out");
        assertEquals(List.of(), reads);
        HistoryCall changed = PaneCalls.answered(all.get(550).key(), NOW, "+74950000000", 1, "Другое имя", 5);
        assertEquals(550, rows.indexOf(changed), "the same call (its key), whatever it says now");
    }

    @Test
    void callsLandingAboveMoveTheHeldRowsAndAreAnnouncedAsAddedThere() {
        showAll();
        HistoryCall underTheEye = rows.get(550);
        List<String> told = HistoryViewsUnderTest.changesTold(rows);
        for (int i = 0; i < 3; i++) {
            all.add(0, PaneCalls.answered("new" + i, NOW.minusSeconds(i), "+7495111000" + i, 5, "Новый " + i, 9));
        }
        Map<Integer, List<HistoryCall>> fresh = new TreeMap<>();
        for (int page : PagedCalls.pagesToFollow(rows.followedPages(), 3)) {
            fresh.put(page, page((long) page * PagedCalls.PAGE_SIZE, PagedCalls.PAGE_SIZE));
        }
        reads.clear();
        rows.follow(all.size(), fresh);
        assertEquals(List.of("added 0 to 3"), told);
        assertEquals(1_003, rows.size());
        assertEquals(underTheEye, rows.get(553), "the call under the eye moved down by the calls above it");
        assertEquals("new2", rows.get(0).key(), "the newest on top");
        assertEquals(List.of(), reads, "the rows under the eye were read with the count, not fetched after");
    }

    @Test
    void aReadingReadsThePagesInViewAndTheSelectedOnesNotEveryPageHeld() {
        showAll();
        rows.get(150);
        rows.get(550);
        rows.get(950);
        assertEquals(Set.of(0, 1, 5, 9), rows.followedPages(), "no table: every page held");
        rows.shownBy(() -> new int[] {590, 612, 150});
        assertEquals(Set.of(1, 5, 6), rows.followedPages(), "rows 590-612 in view, row 150 selected");
        rows.shownBy(() -> null);
        assertEquals(Set.of(0, 1, 5, 9), rows.followedPages(), "a table not laid out yet says nothing");
    }

    private List<HistoryCall> page(long offset, int limit) {
        return page(HistoryQuery.ALL, offset, limit);
    }
}
