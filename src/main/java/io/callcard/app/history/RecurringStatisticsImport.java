package io.callcard.app.history;

import io.callcard.history.CallHistory;
import io.callcard.history.HistoryProblem;
import io.callcard.portal.PortalClient;
import io.callcard.portal.PortalException;
import io.callcard.portal.StatisticsProgress;
import io.callcard.threads.BackgroundThreads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The setting "fill in the call history from the portal's call records": every {@link #EVERY} on its own thread, a
 * {@link StatisticsImport} of the records since the last run (with {@link #OVERLAP}, as the portal writes a record only
 * once the call is over, sometimes a little later), or of the last {@link #FIRST_REACH} on the first run. Reconciling a
 * record twice changes nothing, so the overlap costs requests, never duplicates.
 *
 * <p>The records are read with whatever client signs the companion's look-ups (the sandbox's, the saved portal's, or
 * the widget's checked pair), so they share its rate limit with the card's own look-ups; while there is none, a run
 * does nothing. Each run's outcome goes to {@code report}, on this job's thread.
 */
public final class RecurringStatisticsImport implements AutoCloseable {

    /** Between two runs: the portal's budget is shared with the card's look-ups, so rarely. */
    public static final Duration EVERY = Duration.ofMinutes(15);
    /** Before the first run: the start-up's own requests (outcomes, names) go first. */
    public static final Duration FIRST_DELAY = Duration.ofMinutes(2);
    /** How far back the first run reads. */
    static final Duration FIRST_REACH = Duration.ofHours(24);
    /** How far before the last run's end the next one starts reading again. */
    static final Duration OVERLAP = Duration.ofHours(1);
    static final String THREAD = "history-import";

    /** What one run did. */
    public sealed interface Outcome {
        /** The records were read and reconciled. */
        record Imported(StatisticsImport.Summary summary) implements Outcome {
            /** Whether the history changed, so its panes read it again. */
            public boolean changedHistory() {
                return summary.added() + summary.corrected() > 0;
            }
        }

        /** No client can sign the request now (no portal saved, no widget's pair yet): nothing was asked. */
        record NoPortal() implements Outcome {
        }

        /** The portal refused or could not be reached; the next run tries again from the same point. */
        record PortalFailed(PortalException failure) implements Outcome {
        }

        /** The history refused the changes (disk full, ...); the next run tries again from the same point. */
        record HistoryFailed(HistoryProblem problem) implements Outcome {
        }
    }

    private final CallHistory history;
    private final Supplier<Optional<PortalClient>> clients;
    private final Clock clock;
    private final Consumer<Outcome> report;
    private final ScheduledExecutorService thread = BackgroundThreads.scheduler(THREAD);
    /** The end of the last run that read and stored everything; null before the first. Only this job's thread. */
    private Instant readUntil;

    public RecurringStatisticsImport(CallHistory history, Supplier<Optional<PortalClient>> clients, Clock clock,
                                     Consumer<Outcome> report) {
        this.history = Objects.requireNonNull(history, "history");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.report = Objects.requireNonNull(report, "report");
    }

    /** Runs after {@code firstDelay}, then {@code every} after each run ends. */
    public void start(Duration firstDelay, Duration every) {
        thread.scheduleWithFixedDelay(this::runAndReport, firstDelay.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** One run now, on the calling thread: what {@link #start} does each time (a test calls it directly). */
    public Outcome runOnce() {
        Optional<PortalClient> client = clients.get();
        if (client.isEmpty()) {
            return new Outcome.NoPortal();
        }
        Instant now = clock.instant();
        Instant from = readUntil == null ? now.minus(FIRST_REACH) : readUntil.minus(OVERLAP);
        try {
            StatisticsImport.Summary summary = new StatisticsImport(history, clock).run(client.get(),
                    OffsetDateTime.ofInstant(from, clock.getZone()), OffsetDateTime.ofInstant(now, clock.getZone()),
                    StatisticsProgress.NONE);
            readUntil = now;
            return new Outcome.Imported(summary);
        } catch (PortalException e) {
            return new Outcome.PortalFailed(e);
        } catch (HistoryProblem e) {
            return new Outcome.HistoryFailed(e);
        }
    }

    private void runAndReport() {
        try {
            report.accept(runOnce());
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: log it and keep the schedule
            log().warn("The portal's call records could not be imported: {}", e.toString());
        }
    }

    /** Stops the schedule; a run under way is interrupted. */
    @Override
    public void close() {
        BackgroundThreads.stop(thread, Duration.ofSeconds(2));
    }

    private static Logger log() {
        return LoggerFactory.getLogger(RecurringStatisticsImport.class);
    }
}
