package io.callcard.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads {@code settings.json} from the configuration folder. A missing file is not an error: it means defaults. */
public final class SettingsStore {

    public static final String FILE_NAME = "settings.json";

    private final Path file;
    private final ObjectMapper json = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public SettingsStore(Path configDir) {
        this.file = configDir.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    public Settings load() throws SettingsException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException absent) {
            return Settings.DEFAULTS;
        } catch (IOException e) {
            throw new SettingsException(SettingsException.Reason.UNREADABLE, file, e.getClass().getSimpleName(), e);
        }
        Settings settings;
        try {
            settings = json.readValue(bytes, Settings.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new SettingsException(SettingsException.Reason.MALFORMED, file, "not valid JSON" + where, e);
        } catch (IOException e) {
            throw new SettingsException(SettingsException.Reason.UNREADABLE, file, e.getClass().getSimpleName(), e);
        }
        if (settings == null) {
            return Settings.DEFAULTS;
        }
        validate(settings);
        return settings;
    }

    private void validate(Settings s) throws SettingsException {
        if (s.listenerPort() != null && (s.listenerPort() < 1 || s.listenerPort() > 65535)) {
            throw new SettingsException(SettingsException.Reason.INVALID_VALUE, file,
                    "listenerPort must be between 1 and 65535, was " + s.listenerPort(), null);
        }
    }
}
