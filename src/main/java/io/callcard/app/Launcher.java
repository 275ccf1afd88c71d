package io.callcard.app;

import picocli.CommandLine;

/**
 * The entry point. Deliberately not a JavaFX {@code Application}: with JavaFX on the class path (the runnable jar,
 * jpackage) the JDK refuses to start an {@code Application} main class directly.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new CommandLineOptions());
        int exitCode = cli.execute(args);
        StartupOptions options = cli.getExecutionResult();
        if (exitCode != 0 || options == null) {
            // --help, --version, or a refused argument (picocli printed why)
            System.exit(exitCode);
        }
        // Logback reads its configuration while the JavaFX toolkit starts: the window does not wait for it.
        LoggingSetup.startInBackground(options.paths().logDir());
        CallCardApp.launch(options);
    }
}
