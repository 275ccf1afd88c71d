package io.callcard.history.recorder;

import io.callcard.call.AppliedEvent;
import io.callcard.call.CallTracker;
import io.callcard.history.CallHistory;
import io.callcard.history.FactSource;
import io.callcard.history.HistoryProblem;
import io.callcard.history.HistoryWrite;
import io.callcard.threads.BackgroundThreads;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
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
    /** Whether the last write failed (its problem was reported); guarded by this. */
    private HistoryProblem.Kind failing;

    private CallRecorder(CallTracker tracker, CallHistory history, Function<AppliedEvent, FactSource> sources,
                         Consumer<HistoryProblem> problems) {
        this.history = Objects.requireNonNull(history, "history");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.problems = Objects.requireNonNull(problems, "problems");
        this.hearing = tracker.hearEveryEvent(this::heard);
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
        if (writes.isEmpty()) {
            return;
        }
        CompletableFuture<Void> written;
        try {
            written = history.write(writes);
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
            thread.execute(() -> lastWrite.handle((done, failure) -> drained.complete(null)));
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
