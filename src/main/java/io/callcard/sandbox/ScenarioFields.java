package io.callcard.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed reads of a scenario file's fields, each fault becoming a {@link ScenarioFileException} that names the file,
 * the call ({@code callNumber}, 0 outside the calls) and the field. {@code prefix} places nested fields, e.g.
 * {@code crm.bindings[2].}.
 */
final class ScenarioFields {

    private final String file;
    private final int callNumber;

    ScenarioFields(String file, int callNumber) {
        this.file = file;
        this.callNumber = callNumber;
    }

    ScenarioFileException fault(String field, String problem) {
        return new ScenarioFileException(file, callNumber, field, problem);
    }

    void refuseUnknown(JsonNode object, Set<String> known, String prefix) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw fault(prefix + name, "unknown field; the known ones are " + String.join(", ",
                        new TreeSet<>(known)));
            }
        }
    }

    String requiredText(JsonNode object, String name) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            throw fault(name, "is required");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw fault(name, "must be a non-empty string");
        }
        return value.asText();
    }

    String optionalText(JsonNode object, String name, String fallback) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isTextual()) {
            throw fault(name, "must be a string");
        }
        return value.asText();
    }

    boolean flag(JsonNode object, String name) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw fault(name, "must be true or false");
        }
        return value.asBoolean();
    }

    /** A duration given in seconds (fractions allowed, kept to the millisecond), at least {@code minimum}. */
    Duration seconds(JsonNode object, String name, Duration fallback, Duration minimum) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            if (fallback == null) {
                throw fault(name, "is required (seconds)");
            }
            return fallback;
        }
        if (!value.isNumber()) {
            throw fault(name, "must be a number of seconds, not " + value);
        }
        double seconds = value.asDouble();
        if (seconds < 0) {
            throw fault(name, "must not be negative (was " + value + ")");
        }
        if (seconds > Duration.ofDays(1).toSeconds()) {
            throw fault(name, "must be at most a day (was " + value + ")");
        }
        Duration duration = Duration.ofMillis(Math.round(seconds * 1000));
        if (duration.compareTo(minimum) < 0) {
            throw fault(name, "must be at least " + minimum.toMillis() / 1000.0 + " s (was " + value + ")");
        }
        return duration;
    }

    /** A positive int, as CRM ids are. */
    int positiveId(JsonNode object, String name, String field) {
        JsonNode value = object.get(name);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() <= 0) {
            throw fault(field, "must be a whole number > 0" + (value == null ? "" : " (was " + value + ")"));
        }
        return value.asInt();
    }
}
