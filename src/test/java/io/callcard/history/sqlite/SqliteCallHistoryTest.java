package io.callcard.history.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallDirection;
import io.callcard.history.FactSource;
import io.callcard.history.HistoryCall;
import io.callcard.history.HistoryProblem;
import io.callcard.history.HistoryQuery;
import io.callcard.history.HistoryWrite;
import io.callcard.history.HistoryWrite.AppendTimeline;
import io.callcard.history.HistoryWrite.SaveCall;
import io.callcard.history.Outcome;
import io.callcard.history.TimelineEntry;
import io.callcard.testing.Eventually;
import io.callcard.threads.BackgroundThreads;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteCallHistoryTest {

    @TempDir
    Path folder;

    private SqliteCallHistory history;

    @BeforeEach
    void open() {
        history = SqliteCallHistory.open(folder.resolve("data").resolve(SqliteCallHistory.FILE_NAME));
    }

    @AfterEach
    void close() {
        history.close();
    }

    @Test
    void a_saved_call_reads_back_with_every_fact_and_its_timeline_in_order() throws Exception {
        HistoryCall call = TestCalls.answered("k1", TestCalls.NOON, "+74951234567", 5, "Ivan Petrov", 65);
        TimelineEntry rang = new TimelineEntry(TestCalls.NOON, FactSource.WIDGET, "StateChanged", "{\"state\":1}");
        TimelineEntry ended = new TimelineEntry(TestCalls.NOON.plusSeconds(70), FactSource.SERVER_EVENTS,
                "ServerCallEnded", "{}");
        write(new SaveCall(call), new AppendTimeline("k1", ended), new AppendTimeline("k1", rang));

        assertEquals(call, history.find("k1").orElseThrow());
        assertEquals(List.of(rang, ended), history.timeline("k1"));
        assertTrue(history.find("nope").isEmpty());
        assertEquals(List.of(), history.timeline("nope"));
        assertFalse(history.readOnly());
    }

    @Test
    void saving_a_key_again_replaces_its_facts_and_keeps_its_timeline() throws Exception {
        HistoryCall ringing = TestCalls.unlinked("k1", TestCalls.NOON, "+74951234567", CallDirection.INCOMING,
                Outcome.IN_PROGRESS);
        TimelineEntry rang = new TimelineEntry(TestCalls.NOON, FactSource.WIDGET, "StateChanged", "{}");
        write(new SaveCall(ringing), new AppendTimeline("k1", rang));
        // the portal's record corrects the first-heard time too: the row moves, its timeline follows
        HistoryCall answered = TestCalls.answered("k1", TestCalls.NOON.minusSeconds(3), "+74957654321", 5, "Ivan",
                40);
        write(new SaveCall(answered));

        assertEquals(answered, history.find("k1").orElseThrow());
        assertEquals(List.of(rang), history.timeline("k1"));
        assertEquals(1, history.count(HistoryQuery.ALL));
        // the search index follows: the new number and name find it, the old number no longer does
        assertEquals(List.of("k1"), keys(history.page(HistoryQuery.ALL.withText("ivan"), 0, 10)));
        assertEquals(List.of("k1"), keys(history.page(HistoryQuery.ALL.withText("765 43"), 0, 10)));
        assertEquals(List.of(), keys(history.page(HistoryQuery.ALL.withText("4567"), 0, 10)));
    }

    @Test
    void saving_a_call_twice_in_one_batch_indexes_what_it_says_last() throws Exception {
        HistoryCall first = TestCalls.answered("k1", TestCalls.NOON, "+74951234567", 5, "Ivan", 40);
        HistoryCall moved = TestCalls.answered("k1", TestCalls.NOON.plusSeconds(1), "+74951234567", 5, "Olga", 40);
        HistoryCall other = TestCalls.answered("k2", TestCalls.NOON, "+74951112233", 6, "Pavel", 40);
        write(new SaveCall(first), new SaveCall(other), new SaveCall(moved));
        write(new SaveCall(TestCalls.answered("k2", TestCalls.NOON, "+74951112233", 6, "Pavel Orlov", 40)));

        assertEquals(List.of(), keys(history.page(HistoryQuery.ALL.withText("ivan"), 0, 10)));
        assertEquals(List.of("k1"), keys(history.page(HistoryQuery.ALL.withText("olga"), 0, 10)));
        assertEquals(List.of("k2"), keys(history.page(HistoryQuery.ALL.withText("orlov"), 0, 10)));
        assertEquals(List.of("k1", "k2"), keys(history.page(HistoryQuery.ALL.withText("495"), 0, 10)));
        assertEquals(2, history.count(HistoryQuery.ALL.withText("495")));
        // FTS5's own check: it fails (SQLITE_CORRUPT_VTAB) when the index and the calls disagree
        try (Connection checker = DriverManager.getConnection("jdbc:sqlite:" + history.file());
             Statement statement = checker.createStatement()) {
            statement.execute("INSERT INTO calls_search (calls_search) VALUES ('integrity-check')");
        }
    }

    @Test
    void pages_come_newest_first_by_default_and_stable_across_pages() throws Exception {
        List<HistoryWrite> writes = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            // two calls in each second, written out of order
            Instant at = TestCalls.NOON.plusSeconds((i * 7L) % 25 / 2);
            writes.add(new SaveCall(TestCalls.unlinked("k" + i, at, "+7495000000" + (i % 10),
                    CallDirection.OUTGOING, Outcome.CANCELLED)));
        }
        write(writes.toArray(HistoryWrite[]::new));

        List<HistoryCall> all = new ArrayList<>();
        for (int offset = 0; offset < 25; offset += 10) {
            all.addAll(history.page(HistoryQuery.ALL, offset, 10));
        }
        assertEquals(25, all.size());
        assertEquals(25, all.stream().map(HistoryCall::key).distinct().count());
        for (int i = 1; i < all.size(); i++) {
            assertFalse(all.get(i).firstHeard().isAfter(all.get(i - 1).firstHeard()), "newest first at " + i);
        }
        assertEquals(25, history.count(HistoryQuery.ALL));
    }

    @Test
    void a_timeline_for_an_unknown_call_fails_alone_and_changes_nothing() throws Exception {
        CompletableFuture<Void> bad = history.write(List.of(
                new SaveCall(TestCalls.unlinked("k1", TestCalls.NOON, "101", CallDirection.INCOMING, Outcome.MISSED)),
                new AppendTimeline("ghost", new TimelineEntry(TestCalls.NOON, FactSource.SANDBOX, "X", "{}"))));
        CompletableFuture<Void> good = history.write(List.of(new SaveCall(
                TestCalls.unlinked("k2", TestCalls.NOON, "102", CallDirection.INCOMING, Outcome.MISSED))));

        ExecutionException failure = assertThrows(ExecutionException.class, () -> Eventually.result(bad, "bad"));
        assertInstanceOf(IllegalArgumentException.class, failure.getCause());
        Eventually.result(good, "the good write");
        assertTrue(history.find("k1").isEmpty(), "the failed write's call is not stored");
        assertTrue(history.find("k2").isPresent());
    }

    @Test
    void writes_from_many_threads_are_all_committed_when_their_futures_complete() throws Exception {
        List<CompletableFuture<Void>> done = new ArrayList<>();
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            writers.add(BackgroundThreads.start("test-writer-" + t, () -> {
                for (int i = 0; i < 50; i++) {
                    String key = "t" + thread + "-" + i;
                    Instant at = TestCalls.NOON.plusMillis(i);
                    CompletableFuture<Void> future = history.write(List.of(
                            new SaveCall(TestCalls.unlinked(key, at, "+7495" + i, CallDirection.INCOMING,
                                    Outcome.IN_PROGRESS)),
                            new AppendTimeline(key, new TimelineEntry(at, FactSource.SANDBOX, "Heard", "{}"))));
                    synchronized (done) {
                        done.add(future);
                    }
                }
            }));
        }
        for (Thread writer : writers) {
            writer.join();
        }
        for (CompletableFuture<Void> future : done) {
            Eventually.result(future, "every write");
        }
        // committed: a connection of its own (another program) sees every call
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + history.file());
             ResultSet row = other.createStatement().executeQuery(
                     "SELECT count(*), count(DISTINCT id), (SELECT count(*) FROM timeline) FROM calls")) {
            row.next();
            assertEquals(List.of(200L, 200L, 200L), List.of(row.getLong(1), row.getLong(2), row.getLong(3)));
        }
        assertEquals(1, history.timeline("t3-49").size());
    }

    @Test
    void writes_after_close_fail_with_a_problem() throws Exception {
        history.close();
        ExecutionException failure = assertThrows(ExecutionException.class, () -> Eventually.result(
                history.write(List.of()), "a write after close"));
        assertInstanceOf(HistoryProblem.class, failure.getCause());
    }

    private void write(HistoryWrite... writes) throws Exception {
        Eventually.result(history.write(List.of(writes)), "the write");
    }

    static List<String> keys(List<HistoryCall> calls) {
        return calls.stream().map(HistoryCall::key).toList();
    }
}
