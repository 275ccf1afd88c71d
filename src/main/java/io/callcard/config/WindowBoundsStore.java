package io.callcard.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Keeps the main window's bounds in {@code window.properties}. A plain properties file, not JSON: it is read on the
 * FX thread before the window shows, where loading a JSON library would cost the agent a visible delay. Losing it
 * costs nothing but the position, so a bad file is ignored, never reported.
 */
public final class WindowBoundsStore {

    public static final String FILE_NAME = "window.properties";
    /** The compact line's own size and place (issue 12: the compact window remembers its own). */
    public static final String COMPACT_FILE_NAME = "window-compact.properties";

    private final Path file;

    public WindowBoundsStore(Path configDir) {
        this(configDir, FILE_NAME);
    }

    /** Bounds kept in {@code fileName} in {@code configDir} ({@link #FILE_NAME}, {@link #COMPACT_FILE_NAME}). */
    public WindowBoundsStore(Path configDir, String fileName) {
        this.file = configDir.resolve(fileName);
    }

    public Optional<WindowBounds> load() {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            WindowBounds b = new WindowBounds(number(p, "x"), number(p, "y"), number(p, "width"),
                    number(p, "height"));
            return b.isPlausible() ? Optional.of(b) : Optional.empty();
        } catch (IOException | IllegalArgumentException unusable) {
            return Optional.empty();
        }
    }

    /** Writes a new file and moves it over the old one, so a crash mid-write never leaves half a file. */
    public void save(WindowBounds bounds) throws IOException {
        Properties p = new Properties();
        p.setProperty("x", Double.toString(bounds.x()));
        p.setProperty("y", Double.toString(bounds.y()));
        p.setProperty("width", Double.toString(bounds.width()));
        p.setProperty("height", Double.toString(bounds.height()));
        StringWriter text = new StringWriter();
        p.store(text, "CallCard Companion window position");
        Files.createDirectories(file.getParent());
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static double number(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("no " + key);
        }
        return Double.parseDouble(value.trim());
    }
}
