package io.callcard.sandbox.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** The sandbox's one Jackson mapper, and tree helpers shared by the methods. */
final class Json {

    /**
     * Not {@link io.callcard.wire.StrictJson}: the sandbox plays the portal, and PHP's {@code json_decode} lets a
     * repeated key's last value win instead of refusing the request.
     */
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** A map of strings (nulls kept as JSON null), in the map's order. */
    static ObjectNode strings(Map<String, String> fields) {
        ObjectNode node = object();
        fields.forEach((key, value) -> {
            if (value == null) {
                node.putNull(key);
            } else {
                node.put(key, value);
            }
        });
        return node;
    }
}
