package io.callcard.portal;

import com.fasterxml.jackson.databind.JsonNode;
import io.callcard.wire.JsonFields;
import io.callcard.wire.WireFormatException;
import java.math.BigDecimal;
import java.util.function.Supplier;

/**
 * The portal client's policy over the wire's field readers ({@link JsonFields}, which read every way a channel writes a
 * value): a value of the wrong shape reads as absent here, because a CRM name or a history row must not fail for
 * one odd field.
 */
final class LenientJson {

    private LenientJson() {
    }

    /** The trimmed text of a string or number; {@code ""} when absent, null, a boolean or a container. */
    static String text(JsonNode object, String key) {
        return orAbsent(() -> JsonFields.textOrEmpty(object, key), "");
    }

    /** Like {@link #text} but {@code null} where {@link #text} gives {@code ""}. */
    static String textOrNull(JsonNode object, String key) {
        String text = text(object, key);
        return text.isEmpty() ? null : text;
    }

    /** A whole number from an int or a numeric string; {@code null} otherwise (including "undefined"). */
    static Long number(JsonNode object, String key) {
        return orAbsent(() -> JsonFields.number(object, key), null);
    }

    /** A positive id, or {@code null} for every way of saying "none" (0 included). */
    static Long id(JsonNode object, String key) {
        return orAbsent(() -> JsonFields.id(object, key), null);
    }

    /** A decimal from a number or a numeric string ({@code "0.0000"}); {@code null} otherwise. */
    static BigDecimal decimal(JsonNode object, String key) {
        return orAbsent(() -> JsonFields.decimal(object, key), null);
    }

    private static <T> T orAbsent(Supplier<T> read, T absent) {
        try {
            return read.get();
        } catch (WireFormatException oddValue) {
            return absent;
        }
    }
}
