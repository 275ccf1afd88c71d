package io.callcard.app.cli;

import io.callcard.app.AppPaths;
import io.callcard.config.SecretKeys;
import io.callcard.config.SecretStore;
import io.callcard.config.SecretStoreException;
import io.callcard.config.SecretStores;
import io.callcard.ui.Messages;
import io.callcard.wire.ApplicationToken;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code callcard portal app-token}: stores the portal's {@code application_token}, which {@code /bitrix/events}
 * checks every post against. The token is read from the terminal without echo (or one line of standard input when
 * piped), never from the command line: arguments end up in shell history and process lists.
 */
@Command(name = "app-token", mixinStandardHelpOptions = true,
        description = "Save the portal's application token (read from the terminal, not from the command line).")
public final class PortalAppTokenCommand implements Callable<Integer> {

    static final int SAVED = 0;
    static final int REFUSED = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    HomeAndLanguage where = new HomeAndLanguage();

    @Option(names = "--clear", description = "Forget the saved token: /bitrix/events then refuses every post.")
    boolean clear;

    private final SecretPrompt prompt;

    public PortalAppTokenCommand() {
        this(new SecretPrompt());
    }

    /** With {@code prompt} reading from elsewhere than the terminal (tests). */
    PortalAppTokenCommand(SecretPrompt prompt) {
        this.prompt = prompt;
    }

    @Override
    public Integer call() throws IOException {
        Messages words = where.words();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AppPaths paths = where.paths();
        paths.createDirectories();
        SecretStore secrets = SecretStores.open(paths.configDir());
        try {
            if (clear) {
                secrets.delete(SecretKeys.APPLICATION_TOKEN);
                out.println(words.get("cli.appToken.cleared", secrets.describe()));
                return SAVED;
            }
            String token = prompt.read(words.get("cli.appToken.prompt"));
            if (!ApplicationToken.isWellFormed(token)) {
                // the text is not repeated: whatever was pasted may be some other secret
                err.println(words.get("cli.appToken.invalid"));
                return REFUSED;
            }
            secrets.write(SecretKeys.APPLICATION_TOKEN, token);
            out.println(words.get("cli.appToken.saved", secrets.describe()));
            return SAVED;
        } catch (SecretStoreException e) {
            err.println(words.get("cli.appToken.storeFailed", secrets.describe()));
            return REFUSED;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
