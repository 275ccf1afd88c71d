package io.callcard.history.recorder;

import io.callcard.call.AppliedEvent;
import io.callcard.call.CallTracker;
import io.callcard.history.CallHistory;
import io.callcard.history.FactSource;
import io.callcard.history.HistoryProblem;
import io.callcard.history.HistoryCall;
import io.callcard.history.HistoryQuery;
import io.callcard.history.HistoryWrite;
import io.callcard.history.Outcome;
import io.callcard.history.TimelineEntry;
import io.callcard.threads.BackgroundThreads;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * From every event the tracker applies to the history: hears each one on the tracker's thread and only queues it
 * (the card's path pays one hand-over), folds it on its own thread into its call's record and timeline
 * ({@link CallRecords}), and hands the writes to the store's writer, which commits what is queued in one transaction.
 * What piles up while the machine is busy goes as one batch, each call's record saved once in it (its newest state)
 * before its timeline entries: the store's writer then commits fewer, larger transactions.
 *
 * <p>The durability promise (README, "Call history"): the listener answers a post before the event is applied, and
 * the event is on disk within {@link #DURABILITY_WINDOW} after that answer. The path is the tracker's queue, this
 * thread's fold and one commit of the store's writer: milliseconds; the window leaves room for a busy machine. A
 * write the store refuses (disk full, a file gone read-only) is reported to {@code problems} once until a write
 * succeeds again, and the recorder carries on: the card never waits for the disk.
 */
public final class CallRecorder implements AutoCloseable {

    public static final String THREAD_NAME = "call-recorder";
    /** At most this long from the listener's 2xx to the event on disk. */
    public static final Duration DURABILITY_WINDOW = Duration.ofMillis(200);
    /** At most this many calls under way when the companion stopped are taken up again. */
    static final int RESUMED_CALLS = 20;
    private static final HistoryQuery IN_PROGRESS = HistoryQuery.ALL.withOutcomes(Set.of(Outcome.IN_PROGRESS));
    /** What is queued at close gets this long to be folded and handed to the store. */
    private static final Duration CLOSE_GRACE = Duration.ofMillis(500);

    private static final Logger log = LoggerFactory.getLogger(CallRecorder.class);

    private final ExecutorService thread = BackgroundThreads.singleThread(THREAD_NAME);
    private final CallRecords records = new CallRecords();
    private final CallHistory history;
    private final Function<AppliedEvent, FactSource> sources;
    private final Consumer<HistoryProblem> problems;
    private final AutoCloseable hearing;
    /** The newest write handed to the store; on the recorder's thread only. */
    private CompletableFuture<Void> lastWrite = CompletableFuture.completedFuture(null);
    /** Writes folded but not yet handed to the store; on the recorder's thread only. */
    private final List<HistoryWrite> pending = new ArrayList<>();
    /** Where in {@link #pending} each call's record is saved; on the recorder's thread only. */
    private final Map<String, Integer> savedAt = new HashMap<>();
    /** Whether a hand-over to the store is queued behind the events folded; on the recorder's thread only. */
    private boolean handOverQueued;
    /** Whether the last write failed (its problem was reported); guarded by this. */
    private HistoryProblem.Kind failing;

    private CallRecorder(CallTracker tracker, CallHistory history, Function<AppliedEvent, FactSource> sources,
                         Consumer<HistoryProblem> problems) {
        this.history = Objects.requireNonNull(history, "history");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.problems = Objects.requireNonNull(problems, "problems");
        // queued first: the calls a restart interrupted are open again before any event is folded
        thread.execute(this::resumeInterrupted);
        this.hearing = tracker.hearEveryEvent(this::heard);
    }

    /**
     * The calls the store holds as not ended (the newest {@link #RESUMED_CALLS}), each last heard of at its newest
     * timeline entry: a call heard across a restart of the companion goes on in its record instead of starting a
     * second one (the fold's 30-minute rule decides, as for any call).
     */
    private void resumeInterrupted() {
        try {
            for (HistoryCall call : history.page(IN_PROGRESS, 0, RESUMED_CALLS)) {
                List<TimelineEntry> timeline = history.timeline(call.key());
                Instant lastHeard = timeline.isEmpty() ? call.firstHeard() : timeline.get(timeline.size() - 1).at();
                records.resume(call, lastHeard);
            }
        } catch (HistoryProblem unreadable) {
            log.warn("Calls under way before the restart are not resumed: {}", unreadable.getMessage());
        }
    }

    /**
     * Records every event {@code tracker} applies from now on into {@code history}; {@code sources} says where each
     * event's facts came from ({@link EventSources}); {@code problems} hears of writes the store refused.
     */
    public static CallRecorder start(CallTracker tracker, CallHistory history,
                                     Function<AppliedEvent, FactSource> sources, Consumer<HistoryProblem> problems) {
        return new CallRecorder(tracker, history, sources, problems);
    }

    /** On the tracker's thread: only the hand-over. */
    private void heard(AppliedEvent applied) {
        try {
            thread.execute(() -> record(applied));
        } catch (RejectedExecutionException closed) {
            log.debug("An event applied after the recorder closed is not recorded");
        }
    }

    private void record(AppliedEvent applied) {
        List<HistoryWrite> writes;
        try {
            writes = records.fold(applied, sources.apply(applied), TimelinePayloads.of(applied.event()));
        } catch (RuntimeException bug) {
            log.error("A {} could not be recorded", applied.event().getClass().getSimpleName(), bug);
            return;
        }
        for (HistoryWrite write : writes) {
            if (write instanceof HistoryWrite.SaveCall save) {
                Integer at = savedAt.putIfAbsent(save.call().key(), pending.size());
                if (at != null) {
                    pending.set(at, save); // the newer state of a record this batch already saves
                    continue;
                }
            }
            pending.add(write);
        }
        if (!pending.isEmpty() && !handOverQueued) {
            handOverQueued = true;
            try {
                thread.execute(this::handOver); // behind the events queued now: they join this batch
            } catch (RejectedExecutionException closing) {
                handOver(); // the recorder is closing: what is queued still goes to the store
            }
        }
    }

    private void handOver() {
        handOverQueued = false;
        List<HistoryWrite> batch = List.copyOf(pending);
        pending.clear();
        savedAt.clear();
        CompletableFuture<Void> written;
        try {
            written = history.write(batch);
        } catch (RuntimeException refused) {
            written = CompletableFuture.failedFuture(refused);
        }
        lastWrite = written.whenComplete((done, failure) -> outcome(failure));
    }

    private void outcome(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        HistoryProblem report = null;
        synchronized (this) {
            if (cause == null) {
                failing = null;
                return;
            }
            HistoryProblem problem = cause instanceof HistoryProblem p ? p
                    : new HistoryProblem(HistoryProblem.Kind.IO, String.valueOf(cause.getMessage()), cause);
            if (failing != problem.kind()) {
                failing = problem.kind();
                report = problem;
            }
        }
        if (report != null) {
            log.warn("The call history did not store a call: {} ({})", report.getMessage(), report.kind());
            problems.accept(report);
        }
    }

    /**
     * Completes once every event applied before this call is folded and its writes are on disk (or were refused):
     * for close and for tests that read the history after the events they sent.
     */
    public CompletableFuture<Void> drained() {
        CompletableFuture<Void> drained = new CompletableFuture<>();
        try {
            // queued behind the events and their hand-over
            thread.execute(() -> {
                try {
                    thread.execute(() -> lastWrite.handle((done, failure) -> drained.complete(null)));
                } catch (RejectedExecutionException closing) {
                    lastWrite.handle((done, failure) -> drained.complete(null));
                }
            });
        } catch (RejectedExecutionException closed) {
            drained.complete(null);
        }
        return drained;
    }

    /** Stops hearing, folds what is queued and hands it to the store; the store itself is closed by its owner. */
    @Override
    public void close() {
        try {
            hearing.close();
        } catch (Exception impossible) {
            log.warn("Could not stop hearing the tracker", impossible);
        }
        BackgroundThreads.stop(thread, CLOSE_GRACE);
    }
}
