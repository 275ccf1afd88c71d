package io.callcard.ui.settings;

import io.callcard.ui.Messages;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What the settings window's About section says: the version (the pom's, the same as {@code --version} and the
 * packages carry) and the folders that hold this agent's own files, which uninstalling the package leaves alone.
 */
public record AboutFacts(String version, Path settingsFolder, Path dataFolder, Path logFolder) {

    public AboutFacts {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(settingsFolder, "settingsFolder");
        Objects.requireNonNull(dataFolder, "dataFolder");
        Objects.requireNonNull(logFolder, "logFolder");
    }

    /** "CallCard Companion 0.1.0". */
    public String versionText(Messages messages) {
        return messages.get("settings.about.version", version);
    }

    /** Where settings, data (the call history, once it lands) and logs are, one per line. */
    public String foldersText(Messages messages) {
        return messages.get("settings.about.folders", settingsFolder, dataFolder, logFolder);
    }
}
