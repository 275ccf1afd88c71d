package io.callcard.history.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.callcard.call.CallDirection;
import io.callcard.history.HistoryCall;
import io.callcard.history.HistoryQuery;
import io.callcard.history.HistoryStats;
import io.callcard.history.HistoryStats.DayCounts;
import io.callcard.history.HistoryWrite.SaveCall;
import io.callcard.history.Outcome;
import io.callcard.testing.Eventually;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The figures, counted in SQL, in the zone asked for: across a daylight-saving change and a half-hour offset. */
class HistoryStatsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin"); // CEST to CET on 2026-10-25 at 01:00 UTC

    @TempDir
    Path folder;

    private SqliteCallHistory history;

    @BeforeEach
    void write() throws Exception {
        history = SqliteCallHistory.open(folder.resolve(SqliteCallHistory.FILE_NAME));
        List<SaveCall> calls = List.of(
                new SaveCall(answered("a", "2026-10-24T21:30:00Z", 60)),      // 23:30 CEST on the 24th
                new SaveCall(other("b", "2026-10-24T22:30:00Z", Outcome.MISSED)), // 00:30 CEST on the 25th
                new SaveCall(answered("c", "2026-10-25T09:15:00Z", 120)),     // 10:15 CET
                new SaveCall(other("d", "2026-10-25T23:30:00Z", Outcome.BUSY)),   // 00:30 CET on the 26th
                new SaveCall(withoutTalk("e", "2026-10-26T10:00:00Z")));      // 11:00 CET
        Eventually.result(history.write(new ArrayList<>(calls)), "the calls");
    }

    @AfterEach
    void close() {
        history.close();
    }

    @Test
    void days_and_hours_are_the_zones_across_a_daylight_saving_change() {
        HistoryStats stats = history.stats(HistoryQuery.ALL, BERLIN);

        assertEquals(List.of(
                new DayCounts(LocalDate.parse("2026-10-24"), Map.of(Outcome.ANSWERED, 1L)),
                new DayCounts(LocalDate.parse("2026-10-25"), Map.of(Outcome.MISSED, 1L, Outcome.ANSWERED, 1L)),
                new DayCounts(LocalDate.parse("2026-10-26"), Map.of(Outcome.BUSY, 1L, Outcome.ANSWERED, 1L))),
                stats.perDay());
        assertEquals(hours(Map.of(23, 1L, 0, 2L, 10, 1L, 11, 1L)), stats.perHour());
        assertEquals(5, stats.total());
        assertEquals(3, stats.answered());
        assertEquals(0.6, stats.answeredRate(), 1e-9);
        assertEquals(Duration.ofSeconds(90), stats.averageTalk(), "answered calls with a known talk time");
    }

    @Test
    void the_same_calls_count_differently_in_utc_and_in_a_half_hour_zone() {
        HistoryStats utc = history.stats(HistoryQuery.ALL, ZoneOffset.UTC);
        assertEquals(List.of(LocalDate.parse("2026-10-24"), LocalDate.parse("2026-10-25"),
                LocalDate.parse("2026-10-26")), utc.perDay().stream().map(DayCounts::day).toList());
        assertEquals(List.of(2L, 2L, 1L), utc.perDay().stream().map(DayCounts::total).toList());
        assertEquals(hours(Map.of(21, 1L, 22, 1L, 9, 1L, 23, 1L, 10, 1L)), utc.perHour());

        HistoryStats kolkata = history.stats(HistoryQuery.ALL, ZoneId.of("Asia/Kolkata")); // +05:30
        assertEquals(hours(Map.of(3, 1L, 4, 1L, 14, 1L, 5, 1L, 15, 1L)), kolkata.perHour());
    }

    @Test
    void the_figures_follow_the_query_and_an_empty_set_has_none() {
        HistoryStats missed = history.stats(HistoryQuery.ALL.withOutcomes(Set.of(Outcome.MISSED, Outcome.BUSY)),
                BERLIN);
        assertEquals(2, missed.total());
        assertEquals(0, missed.answered());
        assertNull(missed.averageTalk());

        HistoryStats none = history.stats(HistoryQuery.ALL.withText("nobody"), BERLIN);
        assertEquals(List.of(), none.perDay());
        assertEquals(Collections.nCopies(24, 0L), none.perHour());
        assertEquals(0, none.total());
        assertEquals(1, history.stats(HistoryQuery.ALL.withText("petr"), BERLIN).total());
    }

    private static List<Long> hours(Map<Integer, Long> counts) {
        List<Long> hours = new ArrayList<>(Collections.nCopies(24, 0L));
        counts.forEach(hours::set);
        return hours;
    }

    private static HistoryCall answered(String key, String at, int talk) {
        return TestCalls.answered(key, Instant.parse(at), "+7495000000" + key.length(), 1,
                key.equals("a") ? "Petrov" : "Other", talk);
    }

    private static HistoryCall withoutTalk(String key, String at) {
        HistoryCall c = TestCalls.answered(key, Instant.parse(at), "+74950000009", 2, "Sidorov", 1);
        return new HistoryCall(c.key(), c.callId(), c.direction(), c.number(), c.lineNumber(), c.lineName(),
                c.entity(), c.bindings(), c.activityId(), c.callListMode(), c.firstHeard(), c.connectedAt(),
                c.endedAt(), c.ringSeconds(), null, c.failedCode(), c.failedReason(), c.outcome(), c.cost(),
                c.costCurrency(), c.recordUrl(), c.sources());
    }

    private static HistoryCall other(String key, String at, Outcome outcome) {
        return TestCalls.unlinked(key, Instant.parse(at), "+74951111111", CallDirection.INCOMING, outcome);
    }
}
