package io.callcard.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Reads and writes {@code settings.json} in the configuration folder. A missing file is not an error: it means
 * defaults. Saving replaces only the keys {@link Settings} knows and keeps the rest, so a newer version's keys
 * survive a round trip through an older one.
 *
 * <p>Jackson's own exceptions are never chained into a {@link SettingsException}: their messages quote the text
 * they choked on, and a user may have pasted a secret anywhere in the file.
 */
public final class SettingsStore {

    /** One writer at a time in this process, whichever store instance it uses. */
    private static final Object WRITERS = new Object();

    public static final String FILE_NAME = "settings.json";

    private final Path file;
    /** Binds our own file, not the wire's JSON: keys a newer version added are kept, not refused. */
    private final ObjectMapper json = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public SettingsStore(Path configDir) {
        this.file = configDir.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    public Settings load() throws SettingsException {
        byte[] bytes = readFile();
        if (bytes == null) {
            return Settings.DEFAULTS;
        }
        Settings settings;
        try {
            settings = json.readValue(bytes, Settings.class);
        } catch (InvalidFormatException e) {
            throw unknownChoice(e);
        } catch (JsonProcessingException e) {
            throw new SettingsException(SettingsException.Reason.MALFORMED, file, "not valid JSON" + line(e), null);
        } catch (IOException e) {
            throw new SettingsException(SettingsException.Reason.UNREADABLE, file, e.getClass().getSimpleName(), e);
        }
        if (settings == null) {
            return Settings.DEFAULTS;
        }
        SettingsRules.check(settings, file);
        return settings;
    }

    /**
     * Reads the file, applies {@code change} and saves the result, as one step for every store of this process:
     * the settings window and the member-id pin write different keys, and neither may undo the other's write.
     *
     * @return the settings saved
     */
    public Settings update(UnaryOperator<Settings> change) throws SettingsException {
        synchronized (WRITERS) {
            Settings changed = change.apply(load());
            save(changed);
            return changed;
        }
    }

    /**
     * Checks the settings, then writes them over the file through a temporary file moved into place. Refuses to
     * overwrite a file that is not valid JSON: the user may be mending it by hand.
     */
    public void save(Settings settings) throws SettingsException {
        synchronized (WRITERS) {
            write(settings);
        }
    }

    private void write(Settings settings) throws SettingsException {
        SettingsRules.check(settings, file);
        ObjectNode root = existingTree();
        KnownKeys.replace(root, json.valueToTree(settings), Settings.class);
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        } catch (IOException e) {
            throw new SettingsException(SettingsException.Reason.UNWRITABLE, file, e.getClass().getSimpleName(), e);
        }
    }

    private byte[] readFile() throws SettingsException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException absent) {
            return null;
        } catch (IOException e) {
            throw new SettingsException(SettingsException.Reason.UNREADABLE, file, e.getClass().getSimpleName(), e);
        }
    }

    private ObjectNode existingTree() throws SettingsException {
        byte[] bytes = readFile();
        if (bytes == null || bytes.length == 0) {
            return json.createObjectNode();
        }
        JsonNode tree;
        try {
            tree = json.readTree(bytes);
        } catch (IOException e) {
            String where = e instanceof JsonProcessingException ? line((JsonProcessingException) e) : "";
            throw new SettingsException(SettingsException.Reason.MALFORMED, file, "not valid JSON" + where, null);
        }
        if (tree == null || tree.isMissingNode()) {
            return json.createObjectNode();
        }
        if (!tree.isObject()) {
            throw new SettingsException(SettingsException.Reason.MALFORMED, file, "not a JSON object", null);
        }
        return (ObjectNode) tree;
    }

    /** A value outside a fixed set (an enum): which key, and what it may be, without quoting what it was. */
    private SettingsException unknownChoice(InvalidFormatException e) {
        Class<?> type = e.getTargetType();
        if (type == null || !type.isEnum()) {
            return new SettingsException(SettingsException.Reason.MALFORMED, file, "not valid JSON" + line(e), null);
        }
        List<String> allowed = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            allowed.add(json.valueToTree(constant).toString());
        }
        String key = e.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                .collect(Collectors.joining("."));
        return new SettingsException(SettingsException.Reason.INVALID_VALUE, file,
                key + " must be one of " + String.join(", ", allowed), null);
    }

    private static String line(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
    }
}
