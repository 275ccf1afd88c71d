package io.callcard.portal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Lenient readers for portal fields, whose types differ by method and channel (PROTOCOL.md §2, §4): ids and numbers
 * come as ints or strings, "none" comes as absent, null, {@code ""}, {@code "0"} or {@code "undefined"}. A value
 * of the wrong shape reads as absent: a name or a history row must not fail for one odd field.
 */
final class LenientJson {

    private LenientJson() {
    }

    /** The text of a string, number or boolean; {@code ""} when absent, null or a container. */
    static String text(JsonNode object, String key) {
        JsonNode value = object == null ? null : object.get(key);
        if (value == null || !value.isValueNode() || value.isNull()) {
            return "";
        }
        return value.asText().trim();
    }

    /** Like {@link #text} but {@code null} where {@link #text} gives {@code ""}. */
    static String textOrNull(JsonNode object, String key) {
        String text = text(object, key);
        return text.isEmpty() ? null : text;
    }

    /** A whole number from an int or a numeric string; {@code null} otherwise (including "undefined"). */
    static Long number(JsonNode object, String key) {
        JsonNode value = object == null ? null : object.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.canConvertToExactIntegral() && value.canConvertToLong() ? value.longValue() : null;
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.asText().trim());
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }

    /** A positive id, or {@code null} for every way of saying "none" (0 included). */
    static Long id(JsonNode object, String key) {
        Long n = number(object, key);
        return n != null && n > 0 ? n : null;
    }

    /** A decimal from a number or a numeric string ({@code "0.0000"}); {@code null} otherwise. */
    static BigDecimal decimal(JsonNode object, String key) {
        JsonNode value = object == null ? null : object.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isTextual()) {
            try {
                return new BigDecimal(value.asText().trim());
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }

    /** A JSON boolean or the strings {@code true}/{@code Y}/{@code 1}; anything else is false. */
    static boolean flag(JsonNode object, String key) {
        JsonNode value = object == null ? null : object.get(key);
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        String text = value.asText().trim().toLowerCase(Locale.ROOT);
        return text.equals("true") || text.equals("y") || text.equals("1");
    }
}
