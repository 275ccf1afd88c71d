package io.callcard.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code callcard portal ...}: talking to the configured Bitrix24 portal from the command line. */
@Command(name = "portal", mixinStandardHelpOptions = true,
        subcommands = {PortalConnectCommand.class, PortalTestCommand.class, PortalAppTokenCommand.class,
            PortalDisconnectCommand.class},
        description = "Talk to the Bitrix24 portal.")
public final class PortalCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand: try 'callcard portal connect' or 'callcard portal test'");
    }
}
