package io.callcard.app.cli;

import io.callcard.history.HistoryQuery;
import io.callcard.history.HistoryStats;
import io.callcard.history.Outcome;
import io.callcard.ui.Messages;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code callcard history stats}: the figures the history pane's statistics tab shows, for the same period and search:
 * calls, answered rate, average talk time, calls per day by outcome and calls by hour of the day (in this computer's
 * time zone). One query, {@link io.callcard.history.CallHistory#stats}, answers both.
 */
@Command(name = "stats", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show the call history's figures: per day by outcome, by hour, answered rate, average talk.")
public final class HistoryStatsCommand implements Callable<Integer> {

    static final int DONE = 0;
    static final int FAILED = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    HomeAndLanguage where = new HomeAndLanguage();

    @CommandLine.Mixin
    HistoryFilter filter = new HistoryFilter();

    /** The zone days and hours are counted in; a test sets it. */
    ZoneId zone = ZoneId.systemDefault();

    @Override
    public Integer call() {
        HistoryQuery query = filter.query(zone, spec.commandLine());
        Messages words = where.words();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return HistoryFile.read(where.paths(), words, err, FAILED, history -> {
            print(history.stats(query, zone), words, out);
            return DONE;
        });
    }

    static void print(HistoryStats stats, Messages words, PrintWriter out) {
        out.println(words.get("cli.history.stats.total", stats.total()));
        out.println(words.get("cli.history.stats.answered", stats.answered(),
                String.format(words.locale(), "%.1f", stats.answeredRate() * 100)));
        out.println(stats.averageTalk() == null ? words.get("cli.history.stats.noTalk")
                : words.get("cli.history.stats.averageTalk", minutesSeconds(stats.averageTalk())));
        if (stats.total() == 0) {
            return;
        }
        out.println();
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-10s %7s",
                words.get("cli.history.stats.day"), words.get("cli.history.stats.calls")));
        for (Outcome outcome : Outcome.values()) {
            header.append(' ').append(String.format(Locale.ROOT, "%11s",
                    words.get("cli.history.outcome." + outcome.name())));
        }
        out.println(header);
        for (HistoryStats.DayCounts day : stats.perDay()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-10s %7d", day.day(), day.total()));
            for (Outcome outcome : Outcome.values()) {
                line.append(' ').append(String.format(Locale.ROOT, "%11d", day.byOutcome().getOrDefault(outcome, 0L)));
            }
            out.println(line);
        }
        out.println();
        out.println(words.get("cli.history.stats.byHour"));
        long busiest = stats.perHour().stream().mapToLong(Long::longValue).max().orElse(0);
        for (int hour = 0; hour < 24; hour++) {
            long calls = stats.perHour().get(hour);
            int bar = busiest == 0 ? 0 : (int) Math.round(40.0 * calls / busiest);
            out.println(String.format(Locale.ROOT, "%02d:00 %7d %s", hour, calls, "#".repeat(bar)));
        }
    }

    private static String minutesSeconds(Duration duration) {
        long seconds = Math.round(duration.toMillis() / 1000.0);
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
