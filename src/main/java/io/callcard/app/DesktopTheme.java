package io.callcard.app;

import io.callcard.threads.BackgroundThreads;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the desktop whether it is dark, per system, off the FX thread (JavaFX 21 has no {@code Platform.Preferences}):
 * GNOME and other GTK desktops through {@code gsettings} (the colour scheme, then the GTK theme's name), Windows
 * through the registry's {@code AppsUseLightTheme}, macOS through {@code defaults read -g AppleInterfaceStyle}. Each
 * program gets {@link #PATIENCE}; one that is missing, slow or says nothing leaves the answer unknown, and the window
 * light. {@link DesktopThemeAnswers} reads the answers.
 */
final class DesktopTheme {

    static final String THREAD = "desktop-theme";
    /** A settings daemon that is not running can keep gsettings waiting; the window does not wait that long. */
    static final Duration PATIENCE = Duration.ofMillis(1500);

    /** What a program said: its exit code and its output (standard output and errors together). */
    record Answer(int exitCode, String output) {
    }

    /** Runs a program and returns what it said, or empty when it could not be run or took too long. */
    interface Runner {
        Optional<Answer> run(List<String> command);
    }

    private DesktopTheme() {
    }

    /** Asks on a thread of its own and hands the answer (true dark, false light, null unknown) to {@code answer}. */
    static void askInBackground(Consumer<Boolean> answer) {
        String os = System.getProperty("os.name", "");
        BackgroundThreads.start(THREAD, () -> {
            Boolean dark = null;
            try {
                dark = ask(os, DesktopTheme::run).orElse(null);
            } finally {
                answer.accept(dark); // whatever happened, the asker hears back and may ask again
            }
        });
    }

    /** The desktop's answer on the system named {@code osName}, asked through {@code runner}. */
    static Optional<Boolean> ask(String osName, Runner runner) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return runner.run(List.of("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes"
                    + "\\Personalize", "/v", "AppsUseLightTheme"))
                    .flatMap(a -> DesktopThemeAnswers.windowsAppsUseLightTheme(a.output()));
        }
        if (os.startsWith("mac")) {
            return runner.run(List.of("defaults", "read", "-g", "AppleInterfaceStyle"))
                    .flatMap(a -> DesktopThemeAnswers.macInterfaceStyle(a.exitCode(), a.output()));
        }
        Optional<Boolean> scheme = runner.run(gsettings("color-scheme")).filter(a -> a.exitCode() == 0)
                .flatMap(a -> DesktopThemeAnswers.gnomeColorScheme(a.output()));
        if (scheme.isPresent()) {
            return scheme;
        }
        return runner.run(gsettings("gtk-theme")).filter(a -> a.exitCode() == 0)
                .flatMap(a -> DesktopThemeAnswers.gtkThemeName(a.output()));
    }

    private static List<String> gsettings(String key) {
        return List.of("gsettings", "get", "org.gnome.desktop.interface", key);
    }

    /** Runs {@code command} with {@link #PATIENCE}; its output is a line or two, so the pipe never fills. */
    private static Optional<Answer> run(List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException notThere) {
            return Optional.empty(); // no such program on this desktop
        }
        try (InputStream out = process.getInputStream()) {
            process.getOutputStream().close();
            if (!process.waitFor(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                log().info("{} did not answer within {} ms: the theme stays light", command.get(0),
                        PATIENCE.toMillis());
                return Optional.empty();
            }
            return Optional.of(new Answer(process.exitValue(), new String(out.readAllBytes(),
                    StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            process.destroyForcibly();
        }
    }

    private static Logger log() {
        return LoggerFactory.getLogger(DesktopTheme.class);
    }
}
