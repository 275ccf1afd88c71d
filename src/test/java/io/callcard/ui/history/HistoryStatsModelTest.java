package io.callcard.ui.history;

import static io.callcard.ui.history.PaneCalls.NOW;
import static io.callcard.ui.history.PaneCalls.answered;
import static io.callcard.ui.history.PaneCalls.unlinked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.callcard.call.CallDirection;
import io.callcard.history.HistoryQuery;
import io.callcard.history.HistoryStats;
import io.callcard.history.Outcome;
import io.callcard.history.sqlite.SqliteCallHistory;
import io.callcard.ui.Messages;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The statistics of the filtered calls: counted by the store only while shown, for the query the filters make. */
class HistoryStatsModelTest {

    @TempDir
    Path dir;
    private SqliteCallHistory store;
    private final List<HistoryQuery> asked = new ArrayList<>();
    private HistoryViewModel vm;

    @BeforeEach
    void open() throws Exception {
        store = PaneCalls.store(dir.resolve("history.db"), List.of(
                answered("s1", NOW.minus(Duration.ofHours(1)), "+74951234567", 797, "Иван Петров", 100),
                answered("s2", NOW.minus(Duration.ofHours(3)), "+74951234568", 798, "Anna Schmidt", 50),
                unlinked("s3", NOW.minus(Duration.ofHours(4)), "+74957654321", CallDirection.INCOMING,
                        Outcome.MISSED),
                unlinked("s4", NOW.minus(Duration.ofDays(1)), "+74957654322", CallDirection.OUTGOING,
                        Outcome.BUSY)));
        HistoryModels models = new HistoryModels(Messages.forLocale(Locale.ENGLISH),
                Clock.fixed(NOW, ZoneOffset.UTC), Runnable::run, Runnable::run, Runnable::run);
        models.attach(new CountingHistory(store, asked));
        vm = models.full();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void countedOnlyWhenShownAndForTheFilteredSet() {
        assertNull(vm.stats().statsProperty().get());
        long statsAsked = asked.size();
        vm.directionProperty().set(DirectionFilter.INCOMING);
        assertNull(vm.stats().statsProperty().get(), "hidden statistics are not counted");

        vm.stats().shownProperty().set(true);

        HistoryStats stats = vm.stats().statsProperty().get();
        assertEquals(3, stats.total());
        assertEquals(2, stats.answered());
        assertEquals("Answered: 67% (2 of 3)", vm.stats().answeredRateProperty().get());
        assertEquals("Average talk: 1:15", vm.stats().averageTalkProperty().get());
        assertEquals(List.of(LocalDate.of(2026, 12, 4)), stats.perDay().stream().map(HistoryStats.DayCounts::day)
                .toList());
        assertEquals(1L, stats.perDay().get(0).byOutcome().get(Outcome.MISSED));
        assertEquals(1L, stats.perHour().get(14), "s1 at 14:00 UTC");

        vm.directionProperty().set(DirectionFilter.ALL);
        assertEquals(4, vm.stats().statsProperty().get().total(), "shown statistics follow the filters");
        assertEquals(2, vm.stats().statsProperty().get().perDay().size());
        assertEquals(statsAsked + 2 + 2, asked.size(), "two first pages of calls (too few to count), two of statistics");
    }
}
