package io.callcard.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Scenarios that ship with the app, as scenario files (format in {@link ScenarioFiles}) among the resources under
 * {@code io/callcard/sandbox/scenarios/}. {@link #demo()} is what the window shows when no portal is configured.
 */
public final class BuiltInScenarios {

    /** The built-in names, in the order a help text lists them. */
    private static final List<String> NAMES = List.of("demo", "full-day", "campaign");
    private static final String FOLDER = "scenarios/";

    private BuiltInScenarios() {
    }

    public static List<String> names() {
        return NAMES;
    }

    /**
     * The repeating demo, one call of each everyday kind: an answered incoming call from a known contact, a busy
     * outgoing call to a company, and a missed call from a withheld number.
     */
    public static Scenario demo() {
        return named("demo");
    }

    /** The built-in scenario {@code name}; one of {@link #names()}. */
    public static Scenario named(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("No built-in scenario is called \"" + name + "\"; the built-in ones are "
                    + String.join(", ", NAMES));
        }
        String file = "built-in " + name;
        try (InputStream in = BuiltInScenarios.class.getResourceAsStream(FOLDER + name + ".json")) {
            if (in == null) {
                throw new ScenarioFileException(file, 0, null, "is missing from the application's resources");
            }
            return ScenarioFiles.parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException unreadable) {
            throw new ScenarioFileException(file, 0, null, "cannot be read (" + unreadable.getMessage() + ")");
        }
    }
}
