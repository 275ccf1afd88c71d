package io.callcard.app.cli;

import io.callcard.app.AppPaths;
import io.callcard.app.LoggingSetup;
import io.callcard.ui.Messages;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The options every {@code portal} subcommand shares (a picocli mixin): where settings, secrets and logs live, and
 * the language of what the command prints.
 */
final class HomeAndLanguage {

    @Option(names = "--home", paramLabel = "DIR",
            description = "Keep settings, secrets and logs under DIR instead of the system's usual folders.")
    Path home;

    @Option(names = "--lang", paramLabel = "LANG", description = "Language of the messages: en or ru.")
    String lang;

    /** The folders, with the log pointed at theirs. */
    AppPaths paths() {
        AppPaths paths = home != null ? AppPaths.underHome(home) : AppPaths.forThisSystem();
        LoggingSetup.pointAt(paths.logDir());
        return paths;
    }

    Messages words() {
        return Messages.forLocale(lang != null ? Locale.forLanguageTag(lang) : Locale.getDefault());
    }
}
