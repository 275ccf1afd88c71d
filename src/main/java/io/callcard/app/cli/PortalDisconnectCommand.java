package io.callcard.app.cli;

import io.callcard.app.PortalConnector;
import io.callcard.ui.Messages;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code callcard portal disconnect}: forgets the saved portal and its secrets; the sandbox plays again. */
@Command(name = "disconnect", mixinStandardHelpOptions = true,
        description = "Forget the saved portal and its secrets.")
public final class PortalDisconnectCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    HomeAndLanguage where = new HomeAndLanguage();

    @Override
    public Integer call() throws IOException {
        Messages words = where.words();
        PortalConnector.Outcome outcome = PortalConnectCommand.connector(where).disconnect();
        PrintWriter stream = outcome.connected() ? spec.commandLine().getOut() : spec.commandLine().getErr();
        stream.println(outcome.words(words));
        stream.flush();
        return outcome.connected() ? PortalConnectCommand.CONNECTED : PortalConnectCommand.REFUSED;
    }
}
