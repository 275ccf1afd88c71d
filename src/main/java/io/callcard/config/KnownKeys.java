package io.callcard.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;

/**
 * Writes a settings record into the JSON tree read from the file, touching only the keys the record has: keys it
 * does not know (a newer version's) stay as they were, at every level.
 */
final class KnownKeys {

    private KnownKeys() {
    }

    static void replace(ObjectNode target, JsonNode fresh, Class<? extends Record> type) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = component.getName();
            JsonNode value = fresh.get(name);
            JsonNode existing = target.get(name);
            if (value == null || value.isNull()) {
                target.remove(name);
            } else if (component.getType().isRecord() && value.isObject() && existing instanceof ObjectNode) {
                replace((ObjectNode) existing, value, component.getType().asSubclass(Record.class));
            } else {
                target.set(name, value);
            }
        }
    }
}
