package io.callcard.app.cli;

import io.callcard.app.AppPaths;
import io.callcard.app.history.SeededHistory;
import io.callcard.sandbox.SeededCalls;
import io.callcard.ui.Messages;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code callcard sandbox seed --calls N [--days D] [--seed S]}: writes N made-up but realistic calls (the sandbox's
 * numbers, names, outcomes, durations and bindings; {@link SeededCalls}) into the call history, spread over the last D
 * days, for demos and benchmarks. The same seed makes the same calls, and seeding again with it replaces them.
 */
@Command(name = "seed", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write made-up calls into the call history, for demos and benchmarks.")
public final class SandboxSeedCommand implements Callable<Integer> {

    static final int DONE = 0;
    static final int FAILED = 1;
    /** A sanity bound, not a limit of the store: ten million calls is decades of a busy agent. */
    static final long MAX_CALLS = 10_000_000;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    HomeAndLanguage where = new HomeAndLanguage();

    private long calls;

    @Option(names = "--calls", paramLabel = "N", required = true, description = "How many calls to write.")
    void calls(long value) {
        if (value < 1 || value > MAX_CALLS) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--calls': " + value + " (expected 1 to " + MAX_CALLS + ")");
        }
        calls = value;
    }

    private int days = 30;

    @Option(names = "--days", paramLabel = "D", description = "Spread them over the last D days (default 30).")
    void days(int value) {
        if (value < 1 || value > 36_600) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--days': " + value + " (expected 1 to 36600)");
        }
        days = value;
    }

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the made-up calls (default 1).")
    long seed = 1;

    /** The clock that ends the period; a test sets it. */
    Clock clock = Clock.systemDefaultZone();

    @Override
    public Integer call() {
        Messages words = where.words();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AppPaths paths = where.paths();
        long started = System.nanoTime();
        TenthsProgress progress = new TenthsProgress(err, words, "cli.seed.progress");
        return HistoryFile.write(paths, words, err, FAILED, history -> {
            long written = SeededHistory.seed(history, seed, new SeededCalls(seed, days, clock.instant(),
                    clock.getZone()), calls, stored -> progress.done(stored, calls));
            out.println(words.get("cli.seed.done", written, history.file(),
                    String.format(words.locale(), "%.1f", (System.nanoTime() - started) / 1e9)));
            return DONE;
        });
    }
}
