package io.callcard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallDirection;
import io.callcard.history.CallHistory;
import io.callcard.history.HistoryCall;
import io.callcard.history.HistoryQuery;
import io.callcard.history.HistoryWrite;
import io.callcard.history.Outcome;
import io.callcard.history.sqlite.SqliteCallHistory;
import io.callcard.testing.ForwardingCallHistory;
import io.callcard.threads.BackgroundThreads;
import io.callcard.ui.Messages;
import io.callcard.ui.UiExecutor;
import io.callcard.ui.history.HistoryModels;
import io.callcard.ui.history.HistoryViewModel;
import io.callcard.ui.history.HistoryWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The open full history following calls as they are written, over a large history file (1,000,000 calls unless
 * {@code -Dbench.historyCalls} says otherwise), headless on Monocle, paced as the application paces it (a quarter
 * second between readings): the time from a call written (on disk) to the open view showing it, scrolled to the middle
 * with a call selected, against the store work a reading does read directly (the count and two pages: the baseline,
 * alternating in the same run); and how many readings a burst of 1,000 calls in 100 batches makes (goal, issue 13's
 * part L: a few a second, not one per batch).
 */
class HistoryFollowBench {

    private static final int ROUNDS = 9;
    private static final Instant NEWEST = Instant.parse("2026-12-04T15:00:00Z");

    @Test
    void followingTheHistoryWhileCallsAreWritten() throws Exception {
        int calls = Integer.getInteger("bench.historyCalls", 1_000_000);
        Path dir = Files.createTempDirectory("callcard-history-follow-bench");
        try (SqliteCallHistory store = SqliteCallHistory.open(dir.resolve("history.db"))) {
            HistoryPaneBench.seed(store, calls);
            CountedReads counted = new CountedReads(store);
            Stage owner = FxToolkit.registerPrimaryStage();
            ExecutorService reads = BackgroundThreads.singleThread("history-reads-bench");
            ScheduledExecutorService gaps = BackgroundThreads.scheduler("history-follow-bench");
            UiExecutor ui = new UiExecutor();
            HistoryModels[] models = new HistoryModels[1];
            HistoryWindow[] window = new HistoryWindow[1];
            try {
                WaitForAsyncUtils.asyncFx(() -> {
                    models[0] = new HistoryModels(Messages.forLocale(Locale.ENGLISH), Clock.systemUTC(), reads, reads,
                            ui);
                    models[0].paceFollowing(gapEnds -> gaps.schedule(() -> ui.execute(gapEnds), 250,
                            TimeUnit.MILLISECONDS));
                    models[0].attach(counted);
                    window[0] = new HistoryWindow(owner, models[0].full(), Messages.forLocale(Locale.ENGLISH),
                            o -> Optional.empty());
                    window[0].show();
                }).get(10, TimeUnit.SECONDS);
                HistoryViewModel vm = models[0].full();
                waitUntil(() -> fx(() -> !vm.countingProperty().get() && !vm.busyProperty().get()
                        && vm.countProperty().get() == calls));
                @SuppressWarnings("unchecked")
                TableView<HistoryCall> table = (TableView<HistoryCall>) window[0].stage().getScene().getRoot()
                        .lookup("#history-table");
                int middle = calls / 2;
                WaitForAsyncUtils.asyncFx(() -> table.scrollTo(middle)).get(10, TimeUnit.SECONDS);
                waitUntil(() -> fx(() -> table.getItems().get(middle) != null)); // read, as the agent would see it
                WaitForAsyncUtils.asyncFx(() -> table.getSelectionModel().select(middle)).get(10, TimeUnit.SECONDS);
                waitUntil(() -> fx(() -> table.getSelectionModel().getSelectedItem() != null));
                String selected = fx(() -> table.getSelectionModel().getSelectedItem().key());

                List<Double> direct = new ArrayList<>();
                List<Double> followed = new ArrayList<>();
                long expected = calls;
                for (int round = 0; round < ROUNDS; round++) {
                    long start = System.nanoTime();
                    store.count(HistoryQuery.ALL);
                    store.page(HistoryQuery.ALL, 0, 100);
                    store.page(HistoryQuery.ALL, (long) middle / 100 * 100, 100);
                    direct.add((System.nanoTime() - start) / 1e6);

                    store.write(List.of(new HistoryWrite.SaveCall(call("f" + round, round)))).get(1, TimeUnit.MINUTES);
                    expected++;
                    long target = expected;
                    start = System.nanoTime();
                    WaitForAsyncUtils.asyncFx(models[0]::callsChanged).get(10, TimeUnit.SECONDS);
                    waitUntil(() -> fx(() -> vm.countProperty().get() == target && table.getItems().size() == target));
                    WaitForAsyncUtils.waitForFxEvents(); // the frame with the new call counted drawn
                    followed.add((System.nanoTime() - start) / 1e6);
                    assertEquals(selected, fx(() -> String.valueOf(table.getSelectionModel().getSelectedItem() == null
                            ? null : table.getSelectionModel().getSelectedItem().key())),
                            "the selected call stays selected (round " + round + ")");
                    Thread.sleep(300); // past the gap: each round is one reading, not paced into the next
                }

                int readingsBefore = counted.counts.get();
                long burstStart = System.nanoTime();
                for (int batch = 0; batch < 100; batch++) {
                    List<HistoryWrite> writes = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        writes.add(new HistoryWrite.SaveCall(call("burst" + batch + "-" + i, 100 + batch * 10 + i)));
                    }
                    store.write(writes).get(1, TimeUnit.MINUTES);
                    WaitForAsyncUtils.asyncFx(models[0]::callsChanged).get(10, TimeUnit.SECONDS);
                }
                long all = expected + 1_000;
                waitUntil(() -> fx(() -> vm.countProperty().get() == all && table.getItems().size() == all));
                double burstSeconds = (System.nanoTime() - burstStart) / 1e9; // until the last reading showed all
                int readings = counted.counts.get() - readingsBefore;
                assertEquals(selected, fx(() -> String.valueOf(table.getSelectionModel().getSelectedItem() == null
                        ? null : table.getSelectionModel().getSelectedItem().key())), "still selected after the burst");
                assertTrue(readings < 100, "not a reading per batch: " + readings);

                double directMedian = BenchJvms.medianOf(direct);
                double followedMedian = BenchJvms.medianOf(followed);
                double perSecond = readings / Math.max(burstSeconds, 0.25);
                BenchReport.publish("history-follow.md", String.format(Locale.ROOT, String.join("%n",
                        "# Following the history with the full view open (%,d calls, %d rounds, headless Monocle)",
                        "",
                        "The view scrolled to the middle (row %,d) with that call selected; readings paced 250 ms"
                                + " apart, as the application paces them.",
                        "",
                        "| measure | median | p90 |",
                        "|---|---|---|",
                        "| the store work of a reading, read directly: count and two pages (baseline) | %.0f ms |"
                                + " %.0f ms |",
                        "| a call on disk to the open view showing it counted, drawn | %.0f ms | %.0f ms |",
                        "",
                        "A call written is shown %.0f ms later (median), %.1f x the reading's store work.",
                        "A burst of 1,000 calls in 100 batches (each batch told as the recorder tells it), written and"
                                + " shown in %.1f s: %d readings, %.1f a second (goal: at most one a gap, 4 a second,"
                                + " never one per batch: %s).",
                        "The selected call stayed selected throughout.",
                        "Load while measuring: %s.",
                        ""),
                        calls, ROUNDS, middle, directMedian, BenchReport.percentile(direct, 90), followedMedian,
                        BenchReport.percentile(followed, 90), followedMedian, followedMedian / directMedian,
                        burstSeconds, readings, perSecond, perSecond <= 4.2 && readings < 100 ? "met" : "NOT met",
                        HistoryPaneBench.loadAverage()));
            } finally {
                if (window[0] != null) {
                    WaitForAsyncUtils.asyncFx(() -> window[0].stage().close()).get(10, TimeUnit.SECONDS);
                }
                BackgroundThreads.stop(reads, Duration.ofSeconds(5));
                BackgroundThreads.stop(gaps, Duration.ofSeconds(5));
                FxToolkit.cleanupStages();
            }
        }
    }

    /** A missed call newer than every seeded one ({@code n} seconds after the newest). */
    private static HistoryCall call(String key, int n) {
        Instant at = NEWEST.plusSeconds(n + 1L);
        return new HistoryCall(key, "call-" + key, CallDirection.INCOMING, "+7495" + (1_000_000 + n), "", "", null,
                List.of(), null, false, at, null, at.plusSeconds(20), 20, null, null, null, Outcome.MISSED, null,
                null, null, Map.of());
    }

    private static <T> T fx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private static void waitUntil(Check condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached in 2 minutes");
            }
            Thread.sleep(1);
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    /** The store, counting how often a query is counted: once a reading of the full view (today's list never does). */
    private static final class CountedReads extends ForwardingCallHistory {
        private final AtomicInteger counts = new AtomicInteger();

        CountedReads(CallHistory store) {
            super(store);
        }

        @Override
        public long count(HistoryQuery query) {
            counts.incrementAndGet();
            return super.count(query);
        }
    }
}
