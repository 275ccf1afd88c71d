package io.callcard.sandbox.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/** One authenticated method call: the method (lower case), its parameters as one tree, and who calls. */
record RestCall(String method, ObjectNode params, Credential credential) {

    /**
     * A parameter by name, matched case-insensitively as Bitrix24 does ({@code id} and {@code ID} both work for legacy
     * methods); null when absent.
     */
    JsonNode param(String name) {
        JsonNode exact = params.get(name);
        if (exact != null) {
            return exact;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = params.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return field.getValue();
            }
        }
        return null;
    }

    /** A parameter as text ("" when absent or not a scalar). */
    String text(String name) {
        JsonNode value = param(name);
        return value == null || value.isContainerNode() || value.isNull() ? "" : value.asText();
    }

    /** A positive integer parameter, or -1 when absent, not a number, or not positive. */
    int positiveInt(String name) {
        String raw = text(name).trim();
        if (!raw.matches("\\d{1,9}")) {
            return -1;
        }
        int value = Integer.parseInt(raw);
        return value > 0 ? value : -1;
    }
}
