package io.callcard.history.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.history.FactSource;
import io.callcard.history.HistoryCall;
import io.callcard.history.HistoryProblem;
import io.callcard.history.HistoryQuery;
import io.callcard.history.Outcome;
import io.callcard.history.TimelineEntry;
import io.callcard.history.sqlite.SqliteCallHistory;
import io.callcard.history.sqlite.StoreOptions;
import io.callcard.listener.ListenerConfig;
import io.callcard.testing.Eventually;
import io.callcard.testing.ListenerFixture;
import io.callcard.testing.ServerEventPosts;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recorder between the real listener (events over loopback HTTP) and a real SQLite file. */
class CallRecorderTest {

    @TempDir
    Path folder;
    private ListenerFixture listener;
    private SqliteCallHistory history;
    private CallRecorder recorder;
    private ServerEventPosts portal;
    private final List<HistoryProblem> problems = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        listener = ListenerFixture.start(ListenerConfig.loopback(0).withApplicationToken(ServerEventPosts.TOKEN));
        history = SqliteCallHistory.open(folder.resolve(SqliteCallHistory.FILE_NAME));
        recorder = CallRecorder.start(listener.tracker(), history, applied -> EventSources.of(applied, false),
                problems::add);
        portal = new ServerEventPosts(listener.uri(ServerEventPosts.PATH));
    }

    @AfterEach
    void stop() {
        recorder.close();
        history.close();
        listener.close();
    }

    @Test
    void everyAcceptedEventIsOnDiskWithItsCallAndSurvivesReopening() throws Exception {
        assertEquals(200, portal.init("MINE", "+74951234567"));
        assertEquals(200, portal.start("MINE"));
        assertEquals(200, portal.init("OTHER", "+79161112233")); // another line's call while mine runs
        assertEquals(200, portal.end("OTHER", "+79161112233", 0, "304"));
        assertEquals(200, portal.end("MINE", "+74951234567", 42, "200"));
        Eventually.waitFor(() -> history.count(HistoryQuery.ALL) == 2
                && history.page(HistoryQuery.ALL, 0, 2).stream().allMatch(c -> c.endedAt() != null),
                "both calls recorded as ended");
        recorder.drained().get();
        recorder.close();
        history.close();

        history = SqliteCallHistory.open(folder.resolve(SqliteCallHistory.FILE_NAME));
        List<HistoryCall> calls = history.page(HistoryQuery.ALL, 0, 10);
        HistoryCall other = calls.get(0); // newest first
        HistoryCall mine = calls.get(1);
        assertEquals("OTHER", other.callId());
        assertEquals(Outcome.MISSED, other.outcome());
        assertEquals("MINE", mine.callId());
        assertEquals(Outcome.ANSWERED, mine.outcome());
        assertEquals(42, mine.talkSeconds());
        assertEquals(FactSource.SERVER_EVENTS, mine.sources().get("talkSeconds"));
        assertEquals(List.of("ServerCallStarted", "ServerCallAnswered", "ServerCallEnded"),
                history.timeline(mine.key()).stream().map(TimelineEntry::kind).toList());
        assertTrue(history.timeline(mine.key()).stream().allMatch(e -> e.source() == FactSource.SERVER_EVENTS));
        assertEquals(List.of("MINE"), history.page(HistoryQuery.ALL.withText("4567"), 0, 10).stream()
                .map(HistoryCall::callId).toList(), "found by a fragment of its number");
        assertTrue(problems.isEmpty());
    }

    @Test
    void aStoreThatRefusesWritesIsReportedOnceAndTheCardCarriesOn() throws Exception {
        Path file = folder.resolve("read-only.db");
        SqliteCallHistory.open(file).close();
        recorder.close();
        try (SqliteCallHistory readOnly = SqliteCallHistory.openReadOnly(file, StoreOptions.DEFAULT);
             CallRecorder refused = CallRecorder.start(listener.tracker(), readOnly,
                     applied -> EventSources.of(applied, false), problems::add)) {
            assertEquals(200, portal.init("R1", "+74951234567"));
            assertEquals(200, portal.end("R1", "+74951234567", 0, "486"));
            Eventually.waitFor(() -> "R1".equals(listener.tracker().current().callId())
                    && listener.tracker().current().endedAt() != null, "the card followed the call");
            refused.drained().get();

            assertEquals(1, problems.size(), "one report, not one per event: " + problems);
            assertEquals(HistoryProblem.Kind.IO, problems.get(0).kind());
            assertEquals(0, readOnly.count(HistoryQuery.ALL));
        }
    }

    @Test
    void aCallHeardAcrossARestartGoesOnInItsRecord() throws Exception {
        assertEquals(200, portal.init("ACROSS", "+74951234567"));
        assertEquals(200, portal.start("ACROSS"));
        Eventually.waitFor(() -> history.count(HistoryQuery.ALL) == 1
                && history.page(HistoryQuery.ALL, 0, 1).get(0).connectedAt() != null, "the call recorded as talking");
        recorder.drained().get();
        // the companion stops while the call runs, and starts again: a new tracker, recorder and store
        recorder.close();
        history.close();
        listener.close();
        listener = ListenerFixture.start(ListenerConfig.loopback(0).withApplicationToken(ServerEventPosts.TOKEN));
        history = SqliteCallHistory.open(folder.resolve(SqliteCallHistory.FILE_NAME));
        recorder = CallRecorder.start(listener.tracker(), history, applied -> EventSources.of(applied, false),
                problems::add);
        portal = new ServerEventPosts(listener.uri(ServerEventPosts.PATH));

        assertEquals(200, portal.end("ACROSS", "+74951234567", 42, "200"));
        Eventually.waitFor(() -> history.page(HistoryQuery.ALL, 0, 5).stream().anyMatch(c -> c.endedAt() != null),
                "the end recorded");
        recorder.drained().get();

        List<HistoryCall> calls = history.page(HistoryQuery.ALL, 0, 5);
        assertEquals(1, calls.size(), "one record, not a second one for the same call: " + calls);
        HistoryCall call = calls.get(0);
        assertEquals(Outcome.ANSWERED, call.outcome());
        assertEquals(42, call.talkSeconds());
        assertTrue(call.connectedAt() != null, "what the first lifetime heard is kept");
        assertEquals(List.of("ServerCallStarted", "ServerCallAnswered", "ServerCallEnded"),
                history.timeline(call.key()).stream().map(TimelineEntry::kind).toList());
        assertTrue(problems.isEmpty());
    }
}
