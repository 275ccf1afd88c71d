package io.callcard.app.cli;

import io.callcard.app.AppPaths;
import io.callcard.history.HistoryProblem;
import io.callcard.history.sqlite.SqliteCallHistory;
import io.callcard.history.sqlite.StoreOptions;
import io.callcard.ui.Messages;
import java.nio.file.Files;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The history file the history commands open: the one in the data folder ({@code --home} moves it), as the window
 * opens it. Reading commands open it read-only, so they run beside a running companion and never change the file.
 */
final class HistoryFile {

    /** For reading beside a running companion: no integrity check at every open (the window makes it), one reader. */
    private static final StoreOptions READING = new StoreOptions(Duration.ofSeconds(5), false, 0, 1);

    private HistoryFile() {
    }

    static Path of(AppPaths paths) {
        return paths.dataDir().resolve(SqliteCallHistory.FILE_NAME);
    }

    /** Opens the history to read it; null (with the reason said on {@code err}) when there is none or it cannot be. */
    static SqliteCallHistory forReading(AppPaths paths, Messages words, PrintWriter err) {
        Path file = of(paths);
        if (!Files.isRegularFile(file)) {
            err.println(words.get("cli.history.noFile", file));
            return null;
        }
        try {
            return SqliteCallHistory.openReadOnly(file, READING);
        } catch (HistoryProblem problem) {
            err.println(problem(words, problem, file));
            return null;
        }
    }

    /** Opens (or creates) the history to write it; null (with the reason said on {@code err}) when it cannot be. */
    static SqliteCallHistory forWriting(AppPaths paths, Messages words, PrintWriter err) {
        Path file = of(paths);
        try {
            return SqliteCallHistory.open(file);
        } catch (HistoryProblem problem) {
            err.println(problem(words, problem, file));
            return null;
        }
    }

    /** What a command does with the opened history: its exit code. */
    @FunctionalInterface
    interface Use {
        int with(SqliteCallHistory history);
    }

    /**
     * Opens the history to read it, lets {@code use} work with it and closes it; {@code failed} when it cannot be
     * opened or refuses a read (the reason said on {@code err}).
     */
    static int read(AppPaths paths, Messages words, PrintWriter err, int failed, Use use) {
        return using(forReading(paths, words, err), words, err, failed, use);
    }

    /** As {@link #read}, opened (or created) to write. */
    static int write(AppPaths paths, Messages words, PrintWriter err, int failed, Use use) {
        return using(forWriting(paths, words, err), words, err, failed, use);
    }

    private static int using(SqliteCallHistory history, Messages words, PrintWriter err, int failed, Use use) {
        if (history == null) {
            return failed;
        }
        try (history) {
            return use.with(history);
        } catch (HistoryProblem problem) {
            err.println(problem(words, problem, history.file()));
            return failed;
        }
    }

    /** The problem in words, with its way out. */
    static String problem(Messages words, HistoryProblem problem, Path file) {
        return words.get("cli.history.problem." + problem.kind().name(), file);
    }
}
