package io.callcard.listener;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Lenient readers for the call card's fields, whose types differ by channel (PROTOCOL.md §2): ints in getStatus,
 * strings in PLACEMENT_OPTIONS. A value of a type no channel sends is rejected with {@code invalid_message}.
 */
final class JsonFields {

    private JsonFields() {
    }

    /** The text of a string or number, or {@code null} when absent or JSON null. */
    static String optionalText(JsonNode object, String key) {
        JsonNode value = object.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual() || value.isNumber()) {
            return value.asText();
        }
        throw invalid(key + " must be a string");
    }

    /**
     * An id that may be an integer, a numeric string, or one of the ways of saying "none": absent, null, {@code ""},
     * {@code "undefined"} (PLACEMENT_OPTIONS' CRM_ACTIVITY_ID), {@code "null"}.
     */
    static OptionalLong optionalId(JsonNode object, String key) {
        JsonNode value = object.get(key);
        if (value == null || value.isNull()) {
            return OptionalLong.empty();
        }
        if (value.isNumber() && value.canConvertToExactIntegral() && value.canConvertToLong()) {
            return OptionalLong.of(value.longValue());
        }
        if (value.isTextual()) {
            String text = value.asText().trim();
            switch (text.toLowerCase(Locale.ROOT)) {
                case "":
                case "undefined":
                case "null":
                    return OptionalLong.empty();
                default:
                    try {
                        return OptionalLong.of(Long.parseLong(text));
                    } catch (NumberFormatException notAnId) {
                        throw invalid(key + " must be an integer");
                    }
            }
        }
        throw invalid(key + " must be an integer");
    }

    /** A JSON boolean or the strings {@code "true"}/{@code "false"}; absent or null is {@code false}. */
    static boolean optionalFlag(JsonNode object, String key) {
        JsonNode value = object.get(key);
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual()) {
            String text = value.asText().trim().toLowerCase(Locale.ROOT);
            if (text.equals("true")) {
                return true;
            }
            if (text.equals("false") || text.isEmpty()) {
                return false;
            }
        }
        throw invalid(key + " must be a boolean");
    }

    static RequestRejected invalid(String message) {
        return RequestRejected.badRequest(RequestRejected.INVALID_MESSAGE, message);
    }
}
