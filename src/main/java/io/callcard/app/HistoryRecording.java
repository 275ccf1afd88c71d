package io.callcard.app;

import io.callcard.call.CallTracker;
import io.callcard.history.CallHistory;
import io.callcard.history.HistoryProblem;
import io.callcard.history.recorder.CallRecorder;
import io.callcard.history.recorder.EventSources;
import io.callcard.history.sqlite.SqliteCallHistory;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The call history as the application runs it: {@code history.db} in the data folder, opened after the first frame
 * (on the start-up thread), and the recorder writing every event the tracker applies into it. A file that cannot be
 * opened (newer, corrupt, locked) is reported once and the companion runs on without a history: the card never
 * depends on the disk, and nothing retries in a loop.
 */
final class HistoryRecording implements AutoCloseable {

    private final SqliteCallHistory history;
    private final CallRecorder recorder;

    private HistoryRecording(SqliteCallHistory history, CallRecorder recorder) {
        this.history = history;
        this.recorder = recorder;
    }

    /**
     * Opens the history in {@code dataDir} and starts recording {@code tracker}'s events; {@code sandboxPlays} says
     * whether the calls heard now are the built-in sandbox's; {@code problems} hears why the file could not be opened
     * or a write was refused. Empty when the file could not be opened.
     */
    static Optional<HistoryRecording> open(Path dataDir, CallTracker tracker, BooleanSupplier sandboxPlays,
                                           Consumer<HistoryProblem> problems) {
        Objects.requireNonNull(problems, "problems");
        SqliteCallHistory history;
        try {
            history = SqliteCallHistory.open(dataDir.resolve(SqliteCallHistory.FILE_NAME));
        } catch (HistoryProblem problem) {
            problems.accept(problem);
            return Optional.empty();
        }
        CallRecorder recorder = CallRecorder.start(tracker, history,
                applied -> EventSources.of(applied, sandboxPlays.getAsBoolean()), problems);
        return Optional.of(new HistoryRecording(history, recorder));
    }

    /** The store, for the history pane and its statistics. */
    CallHistory history() {
        return history;
    }

    CallRecorder recorder() {
        return recorder;
    }

    /** The status line's words for {@code problem}: each kind with its way out. */
    static String messageKey(HistoryProblem problem) {
        switch (problem.kind()) {
            case NEWER_VERSION:
                return "status.history.newerVersion";
            case CORRUPT:
                return "status.history.corrupt";
            case LOCKED:
                return "status.history.locked";
            case DISK_FULL:
                return "status.history.diskFull";
            default:
                return "status.history.io";
        }
    }

    /** Folds and stores what the recorder was given, then closes the file. */
    @Override
    public void close() {
        recorder.close();
        history.close();
    }
}
