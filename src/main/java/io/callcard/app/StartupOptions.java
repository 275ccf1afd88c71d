package io.callcard.app;

import io.callcard.sandbox.Scenario;
import java.util.Locale;

/**
 * What the command line decided, handed from {@link Launcher} to the JavaFX application.
 *
 * @param port          the listener port, or {@code null} for the one in the settings
 * @param sandbox       run against the built-in sandbox portal even if a portal is configured
 * @param locale        the language of the window
 * @param sandboxSpeed  how much faster than real time the sandbox plays its calls
 * @param startupProbe  print start-up milestones on standard output and quit (the start-up benchmark)
 * @param scenario      the sandbox's calls, or {@code null} for the built-in demo
 * @param trainingRun   print milestones, follow the first call on the card to its end, then quit (the packaging's
 *                      class-data-sharing training run and the packaged-app tests: see {@link TrainingRun})
 */
public record StartupOptions(AppPaths paths, Integer port, boolean sandbox, Locale locale, double sandboxSpeed,
                             boolean startupProbe, Scenario scenario, boolean trainingRun) {

    /** An ordinary run (no training run). */
    public StartupOptions(AppPaths paths, Integer port, boolean sandbox, Locale locale, double sandboxSpeed,
                          boolean startupProbe, Scenario scenario) {
        this(paths, port, sandbox, locale, sandboxSpeed, startupProbe, scenario, false);
    }
}
