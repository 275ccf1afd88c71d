package io.callcard.app.cli;

import io.callcard.app.PortalConnector;
import io.callcard.ui.Messages;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code callcard portal disconnect}: forgets the saved portal and its secrets; the sandbox plays again. */
@Command(name = "disconnect", mixinStandardHelpOptions = true,
        description = "Forget the saved portal and its secrets.")
public final class PortalDisconnectCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--home", paramLabel = "DIR", description = "Settings and secrets under DIR.")
    Path home;

    @Option(names = "--lang", paramLabel = "LANG", description = "Language of the messages: en or ru.")
    String lang;

    @Override
    public Integer call() throws IOException {
        Messages words = Messages.forLocale(lang != null ? Locale.forLanguageTag(lang) : Locale.getDefault());
        PortalConnector.Outcome outcome = PortalConnectCommand.connector(home).disconnect();
        PrintWriter stream = outcome.connected() ? spec.commandLine().getOut() : spec.commandLine().getErr();
        stream.println(outcome.words(words));
        stream.flush();
        return outcome.connected() ? PortalConnectCommand.CONNECTED : PortalConnectCommand.REFUSED;
    }
}
