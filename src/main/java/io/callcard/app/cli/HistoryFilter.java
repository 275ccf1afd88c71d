package io.callcard.app.cli;

import io.callcard.history.HistoryQuery;
import java.time.LocalDate;
import java.time.ZoneId;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options {@code history export} and {@code history stats} share (a picocli mixin): the same period and search as
 * the history pane's, in days of this computer's time zone.
 */
final class HistoryFilter {

    @Option(names = "--from", paramLabel = "DATE", description = "First day (YYYY-MM-DD), inclusive.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day (YYYY-MM-DD), inclusive.")
    LocalDate to;

    @Option(names = "--query", paramLabel = "TEXT",
            description = "Only calls whose number or name holds TEXT: a number fragment in any format"
                    + " (4567, \"+7 495\", \"8 (495)\") or part of a name.")
    String text;

    /** Every call of the period matching the text, newest first; refuses a period that ends before it starts. */
    HistoryQuery query(ZoneId zone, CommandLine commandLine) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new CommandLine.ParameterException(commandLine,
                    "--to " + to + " is before --from " + from + ": the period would hold no day");
        }
        return HistoryQuery.ALL.withText(text)
                .withRange(from == null ? null : from.atStartOfDay(zone).toInstant(),
                        to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
    }
}
