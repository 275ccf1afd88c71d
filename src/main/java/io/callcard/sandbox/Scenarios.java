package io.callcard.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;

/** What a {@code --scenario} option names: a built-in scenario, else a scenario file. */
public final class Scenarios {

    private Scenarios() {
    }

    /**
     * The built-in scenario called {@code nameOrFile}, or the one in that file.
     *
     * @throws ScenarioFileException naming what was wrong (no such scenario or file, or the file's mistake)
     */
    public static Scenario byNameOrFile(String nameOrFile) {
        if (BuiltInScenarios.names().contains(nameOrFile)) {
            return BuiltInScenarios.named(nameOrFile);
        }
        Path file = Path.of(nameOrFile);
        if (!Files.exists(file)) {
            throw new ScenarioFileException(nameOrFile, 0, null, "is neither a built-in scenario ("
                    + String.join(", ", BuiltInScenarios.names()) + ") nor an existing file");
        }
        return ScenarioFiles.load(file);
    }
}
