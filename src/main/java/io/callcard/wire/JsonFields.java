package io.callcard.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.function.Function;

/**
 * Lenient readers for Bitrix24's fields, whose types differ by method and channel (protocol.md §2, §4): ints in
 * getStatus, strings in PLACEMENT_OPTIONS and in form posts, and "none" said as absent, null, {@code ""},
 * {@code "undefined"} or {@code "null"}. Every way a channel really writes a value is read; a value of a type no
 * channel sends (a list where text belongs, {@code "abc"} for an id) throws {@link WireFormatException}
 * ({@link WireFormatException.Problem#INVALID_FIELD}), and the caller decides whether that refuses the message or
 * reads as absent. A null {@code object} reads as one without the key.
 */
public final class JsonFields {

    private JsonFields() {
    }

    /**
     * The trimmed text of a string or number; {@code null} when absent or JSON null. A boolean is refused with the
     * containers: no channel writes a text field as one.
     */
    public static String text(JsonNode object, String key) {
        JsonNode value = value(object, key);
        if (value == null) {
            return null;
        }
        if (value.isTextual() || value.isNumber()) {
            return value.asText().trim();
        }
        throw WireFormatException.invalidField(key + " must be a string");
    }

    /** {@link #text}, or {@code ""} where that is {@code null}. */
    public static String textOrEmpty(JsonNode object, String key) {
        String text = text(object, key);
        return text == null ? "" : text;
    }

    /**
     * A whole number from an integer or a numeric string; {@code null} when absent or for one of the ways of saying
     * "none" ({@code ""}, {@code "undefined"}, {@code "null"}).
     */
    public static Long number(JsonNode object, String key) {
        return numeric(object, key, "an integer",
                value -> value.canConvertToExactIntegral() && value.canConvertToLong() ? value.longValue() : null,
                Long::parseLong);
    }

    /** A positive id; {@code null} for every way of saying "none", 0 included (the portal's "not linked"). */
    public static Long id(JsonNode object, String key) {
        Long n = number(object, key);
        return n != null && n > 0 ? n : null;
    }

    /** A decimal from a number or a numeric string ({@code "0.0000"}); {@code null} when absent or "none". */
    public static BigDecimal decimal(JsonNode object, String key) {
        return numeric(object, key, "a number", JsonNode::decimalValue, BigDecimal::new);
    }

    /**
     * A JSON boolean, or the way REST and the card write one: {@code true}/{@code Y}/{@code 1} and
     * {@code false}/{@code N}/{@code 0}/{@code ""} in any case; absent or null is {@code false}.
     */
    public static boolean flag(JsonNode object, String key) {
        JsonNode value = value(object, key);
        if (value == null) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual() || value.isIntegralNumber()) {
            switch (value.asText().trim().toLowerCase(Locale.ROOT)) {
                case "true", "y", "1":
                    return true;
                case "false", "n", "0", "":
                    return false;
                default:
                    break;
            }
        }
        throw WireFormatException.invalidField(key + " must be a boolean");
    }

    /** A number read from a JSON number or from numeric text, {@code null} for "none"; else the field is refused. */
    private static <T> T numeric(JsonNode object, String key, String what, Function<JsonNode, T> fromNumber,
                                 Function<String, T> fromText) {
        JsonNode value = value(object, key);
        if (value == null) {
            return null;
        }
        T number = null;
        if (value.isNumber()) {
            number = fromNumber.apply(value);
        } else if (value.isTextual()) {
            String text = value.asText().trim();
            if (isNone(text)) {
                return null;
            }
            try {
                number = fromText.apply(text);
            } catch (NumberFormatException notANumber) {
                // refused below
            }
        }
        if (number == null) {
            throw WireFormatException.invalidField(key + " must be " + what);
        }
        return number;
    }

    private static JsonNode value(JsonNode object, String key) {
        JsonNode value = object == null ? null : object.get(key);
        return value == null || value.isNull() ? null : value;
    }

    private static boolean isNone(String text) {
        return text.isEmpty() || text.equalsIgnoreCase("undefined") || text.equalsIgnoreCase("null");
    }
}
