package io.callcard.config;

import io.callcard.prefs.Preferences;
import io.callcard.prefs.Theme;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Keeps the agent's {@link Preferences} in {@code preferences.properties}: a plain properties file, read on the FX
 * thread before the window shows (its theme, language and mode are needed for the first frame, where loading a JSON
 * library would cost a visible delay). A value this version cannot use is skipped and named in {@link Loaded#skipped},
 * the others still apply: a hand-edited typo must not cost the agent every other preference.
 */
public final class PreferencesStore {

    public static final String FILE_NAME = "preferences.properties";

    /** What was read, and the keys whose values were refused (empty when all were used). */
    public record Loaded(Preferences preferences, List<String> skipped) {
        public Loaded {
            skipped = List.copyOf(skipped);
        }
    }

    private final Path file;

    public PreferencesStore(Path configDir) {
        this.file = configDir.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /** The stored preferences; the defaults when there is no file or it cannot be read at all. */
    public Loaded load() {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (NoSuchFileException none) {
            return new Loaded(Preferences.DEFAULTS, List.of());
        } catch (IOException | IllegalArgumentException unreadable) {
            return new Loaded(Preferences.DEFAULTS, List.of(FILE_NAME));
        }
        List<String> skipped = new ArrayList<>();
        Theme theme = null;
        String themeText = p.getProperty("theme");
        if (themeText != null) {
            try {
                theme = Theme.valueOf(themeText.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                skipped.add("theme");
            }
        }
        String language = text(p, "language");
        if (Preferences.languageProblem(language) != null) {
            skipped.add("language");
            language = null;
        }
        String region = text(p, "numberRegion");
        if (Preferences.regionProblem(region) != null) {
            skipped.add("numberRegion");
            region = null;
        }
        Preferences read = new Preferences(theme, flag(p, "alwaysOnTop", skipped), flag(p, "compact", skipped),
                flag(p, "notifyIncoming", skipped), flag(p, "notifyMissed", skipped), flag(p, "notifyFailed", skipped),
                language, region);
        return new Loaded(read, skipped);
    }

    /**
     * Writes a new file and moves it over the old one, so a crash mid-write never leaves half a file.
     *
     * @throws IllegalArgumentException when a value breaks its rule (nothing is written)
     */
    public void save(Preferences prefs) throws IOException {
        String problem = Preferences.languageProblem(prefs.language());
        problem = problem != null ? problem : Preferences.regionProblem(prefs.numberRegion());
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        Properties p = new Properties();
        put(p, "theme", prefs.theme() == null ? null : prefs.theme().name().toLowerCase(Locale.ROOT));
        put(p, "alwaysOnTop", prefs.alwaysOnTop());
        put(p, "compact", prefs.compact());
        put(p, "notifyIncoming", prefs.notifyIncoming());
        put(p, "notifyMissed", prefs.notifyMissed());
        put(p, "notifyFailed", prefs.notifyFailed());
        put(p, "language", prefs.language());
        put(p, "numberRegion", prefs.numberRegion());
        StringWriter text = new StringWriter();
        p.store(text, "CallCard Companion preferences (absent keys mean the default)");
        Files.createDirectories(file.getParent());
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void put(Properties p, String key, Object value) {
        if (value != null) {
            p.setProperty(key, value.toString());
        }
    }

    private static String text(Properties p, String key) {
        String value = p.getProperty(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Boolean flag(Properties p, String key, List<String> skipped) {
        String value = text(p, key);
        if (value == null) {
            return null;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.valueOf(value);
        }
        skipped.add(key);
        return null;
    }
}
