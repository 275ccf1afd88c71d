package io.callcard.app.cli;

import io.callcard.app.AppPaths;
import io.callcard.app.PortalConnector;
import io.callcard.config.PortalSettings;
import io.callcard.ui.Messages;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code callcard portal connect}: saves the portal's inbound webhook after the portal accepted it. The URL is read
 * like a password (its code is one): typed without echo, or one line of standard input.
 */
@Command(name = "connect", mixinStandardHelpOptions = true,
        description = "Connect a Bitrix24 portal by its inbound webhook (read from the terminal, not the command line).")
public final class PortalConnectCommand implements Callable<Integer> {

    static final int CONNECTED = 0;
    static final int REFUSED = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    HomeAndLanguage where = new HomeAndLanguage();

    @Option(names = "--enterprise", description = "The portal's plan allows 5 requests/s (burst 250) instead of 2/50.")
    boolean enterprise;

    private final SecretPrompt prompt;

    public PortalConnectCommand() {
        this(new SecretPrompt());
    }

    /** With {@code prompt} reading from elsewhere than the terminal (tests). */
    PortalConnectCommand(SecretPrompt prompt) {
        this.prompt = prompt;
    }

    @Override
    public Integer call() throws IOException {
        Messages words = where.words();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String pasted = prompt.read(words.get("cli.connect.prompt"));
        PortalConnector.Outcome outcome = connector(where).connectWebhook(pasted == null ? "" : pasted,
                enterprise ? PortalSettings.RateLimit.ENTERPRISE : PortalSettings.RateLimit.STANDARD);
        (outcome.connected() ? out : err).println(outcome.words(words));
        out.flush();
        err.flush();
        return outcome.connected() ? CONNECTED : REFUSED;
    }

    /** The connector for the settings and secrets where {@code where} says. */
    static PortalConnector connector(HomeAndLanguage where) throws IOException {
        AppPaths paths = where.paths();
        paths.createDirectories();
        return PortalConnector.forConfigDir(paths.configDir());
    }
}
