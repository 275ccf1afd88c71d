package io.callcard.app;

import java.util.concurrent.CompletableFuture;

/**
 * The entry point. Deliberately not a JavaFX {@code Application}: with JavaFX on the class path (the runnable jar,
 * jpackage) the JDK refuses to start an {@code Application} main class directly.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        // the usual log folder unless --home says otherwise (the application and subcommands point it there)
        LoggingSetup.pointAt(AppPaths.forThisSystem().logDir());
        if (ParsedCommandLine.runsWithoutWindow(args)) {
            // subcommands print as they go (sandbox serve runs until stopped): straight to the console
            System.exit(CommandLineOptions.withSubcommands().execute(args));
        }
        // picocli's first use costs a few hundred milliseconds of class loading: it reads the command line while
        // the JavaFX toolkit starts, and the application waits for it only when it builds the window
        CompletableFuture<ParsedCommandLine> parsed = CompletableFuture.supplyAsync(() -> ParsedCommandLine.parse(args));
        try {
            CallCardApp.launch(parsed);
            // the window closed and stop() stopped everything in order: leave now, even if a library left a thread
            // that is not a daemon behind (the keyring's D-Bus connection can), which would keep the process alive
            System.exit(0);
        } catch (RuntimeException toolkitFailed) {
            // without a display the toolkit fails first; a refused argument is still the better thing to report
            ParsedCommandLine cli = parsed.join();
            if (!cli.starts()) {
                cli.report();
                System.exit(cli.exitCode());
            }
            throw toolkitFailed;
        }
    }
}
