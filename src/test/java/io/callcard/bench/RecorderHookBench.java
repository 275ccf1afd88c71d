package io.callcard.bench;

import io.callcard.call.CallCardStatus;
import io.callcard.call.CallDirection;
import io.callcard.call.CallEvent;
import io.callcard.call.CallTracker;
import io.callcard.call.CallerNumber;
import io.callcard.call.EventChannel;
import io.callcard.history.HistoryQuery;
import io.callcard.history.recorder.CallRecorder;
import io.callcard.history.recorder.EventSources;
import io.callcard.history.sqlite.SqliteCallHistory;
import io.callcard.wire.CardCallState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * What the history's hook costs the card's path: each event submitted to the tracker and waited for (reduced, every
 * subscriber told), with the recorder hooked to a real SQLite file, against the same tracker without it, in the same
 * run, in alternating blocks so that a busy machine weighs on both alike. Also how fast the recorder keeps up: the
 * block's events from the first submit to all of them on disk. Goal (issue 13): the card's median not measurably
 * slower (ratio near 1); reported, not asserted. {@code -Dbench.recorder.events=N} sets the events per block.
 */
class RecorderHookBench {

    private static final int EVENTS = Integer.getInteger("bench.recorder.events", 20_000);
    private static final int BLOCKS = 6;
    private static final Instant T0 = Instant.parse("2026-12-04T09:00:00Z");

    @Test
    void theCardsPathWithAndWithoutTheRecorder() throws Exception {
        Path folder = Files.createTempDirectory("recorder-bench");
        List<Double> hooked = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        List<Double> recordedPerSecond = new ArrayList<>();
        List<CallEvent> events = events(EVENTS);
        try (SqliteCallHistory history = SqliteCallHistory.open(folder.resolve(SqliteCallHistory.FILE_NAME))) {
            for (int block = 0; block < BLOCKS; block++) {
                try (CallTracker tracker = new CallTracker()) {
                    tracker.subscribe(update -> { }); // the card's relay stands here
                    bare.addAll(run(tracker, events, block));
                }
                try (CallTracker tracker = new CallTracker();
                     CallRecorder recorder = CallRecorder.start(tracker, history, a -> EventSources.of(a, false),
                             problem -> { throw new IllegalStateException(problem); })) {
                    tracker.subscribe(update -> { });
                    long start = System.nanoTime();
                    hooked.addAll(run(tracker, events, block));
                    recorder.drained().get();
                    recordedPerSecond.add(events.size() / ((System.nanoTime() - start) / 1e9));
                }
            }
            long calls = history.count(HistoryQuery.ALL);
            report(bare, hooked, recordedPerSecond, calls);
        }
    }

    /** Submits each event and waits for it; the microseconds each took. Block {@code b} shifts the ids and times. */
    private static List<Double> run(CallTracker tracker, List<CallEvent> events, int b) {
        List<Double> micros = new ArrayList<>(events.size());
        for (CallEvent event : events) {
            CallEvent shifted = shift(event, b);
            long start = System.nanoTime();
            tracker.submit(shifted, EventChannel.WIDGET_BRIDGE).join();
            micros.add((System.nanoTime() - start) / 1e3);
        }
        return micros;
    }

    /** Calls of four events each: opened ringing, connected, a poll, idle with a code; every tenth a busy one. */
    private static List<CallEvent> events(int count) {
        List<CallEvent> events = new ArrayList<>(count);
        for (int call = 0; events.size() < count; call++) {
            String id = "bench-" + call;
            Instant at = T0.plusSeconds(call * 60L);
            events.add(new CallEvent.WidgetOpened(at, status(id, call, CardCallState.CONNECTING)));
            events.add(new CallEvent.StateChanged(at.plusSeconds(5), null, CardCallState.CONNECTED, null));
            events.add(new CallEvent.StatusPolled(at.plusSeconds(6), status(id, call, CardCallState.CONNECTED)));
            events.add(new CallEvent.StateChanged(at.plusSeconds(40), null, CardCallState.IDLE,
                    call % 10 == 0 ? "486" : "200"));
        }
        return events.subList(0, count);
    }

    private static CallCardStatus status(String id, int call, CardCallState state) {
        return new CallCardStatus(id, CallerNumber.of(String.format(Locale.ROOT, "+7495%07d", call)), "reg1", "Sales",
                null, List.of(), null, CallDirection.INCOMING, state, false);
    }

    private static CallEvent shift(CallEvent event, int block) {
        long seconds = block * 10_000_000L;
        if (event instanceof CallEvent.WidgetOpened e) {
            CallCardStatus s = e.status();
            return new CallEvent.WidgetOpened(e.at().plusSeconds(seconds), new CallCardStatus(s.callId() + "-" + block,
                    s.phone(), s.lineNumber(), s.lineName(), s.entity(), s.bindings(), s.activityId(), s.direction(),
                    s.state(), s.callListMode()));
        }
        if (event instanceof CallEvent.StatusPolled e) {
            CallCardStatus s = e.status();
            return new CallEvent.StatusPolled(e.at().plusSeconds(seconds), new CallCardStatus(s.callId() + "-" + block,
                    s.phone(), s.lineNumber(), s.lineName(), s.entity(), s.bindings(), s.activityId(), s.direction(),
                    s.state(), s.callListMode()));
        }
        CallEvent.StateChanged e = (CallEvent.StateChanged) event;
        return new CallEvent.StateChanged(e.at().plusSeconds(seconds), null, e.state(), e.failedCode());
    }

    private static void report(List<Double> bare, List<Double> hooked, List<Double> recorded, long calls)
            throws Exception {
        double bareMedian = BenchReport.percentile(bare, 50);
        double hookedMedian = BenchReport.percentile(hooked, 50);
        String report = String.format(Locale.ROOT, String.join("\n",
                "# The card's path with the history's recorder hooked (%d blocks of %d events, alternating)",
                "",
                "| what | median | p90 | p99 |",
                "|---|---|---|---|",
                "| baseline: submit → applied, subscribers told, no hook | %.1f µs | %.1f µs | %.1f µs |",
                "| the same with the recorder hooked (SQLite file, WAL) | %.1f µs | %.1f µs | %.1f µs |",
                "",
                "Ratio of medians (hooked / baseline): %.2f. The recorder kept up at a median of %.0f events/s from"
                        + " the first submit to the last event on disk; %d calls recorded.",
                ""),
                BLOCKS, EVENTS, bareMedian, BenchReport.percentile(bare, 90), BenchReport.percentile(bare, 99),
                hookedMedian, BenchReport.percentile(hooked, 90), BenchReport.percentile(hooked, 99),
                hookedMedian / bareMedian, BenchReport.percentile(recorded, 50), calls);
        BenchReport.publish("recorder-hook.md", report);
    }
}
