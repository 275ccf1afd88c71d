package io.callcard.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code callcard history ...}: the call history from the command line, beside or without the window. */
@Command(name = "history", mixinStandardHelpOptions = true,
        subcommands = {HistoryExportCommand.class, HistoryStatsCommand.class, HistoryImportCommand.class},
        description = "Export the call history, show its figures, or import the portal's call records into it.")
public final class HistoryCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand: try 'callcard history export', 'stats' or 'import --from-portal'");
    }
}
