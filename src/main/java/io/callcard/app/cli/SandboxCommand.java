package io.callcard.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code callcard sandbox ...}: the built-in simulated portal on its own. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        subcommands = {SandboxServeCommand.class, SandboxSeedCommand.class},
        description = "Run the built-in sandbox portal, or seed the call history with made-up calls.")
public final class SandboxCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand: try 'callcard sandbox serve'");
    }
}
