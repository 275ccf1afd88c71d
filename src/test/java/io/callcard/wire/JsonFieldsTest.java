package io.callcard.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.callcard.testing.BitrixExamples;
import java.io.IOException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonFieldsTest {

    private static JsonNode value(String json) {
        try {
            return BitrixExamples.MAPPER.readTree("{\"k\":" + json + "}");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static WireFormatException.Problem refusal(Runnable read) {
        return assertThrows(WireFormatException.class, read::run).problem();
    }

    @Test
    void textOfStringsAndNumbersTrimmedAndAbsentAsNull() {
        assertEquals("a b", JsonFields.text(value("\" a b \""), "k"));
        assertEquals("42", JsonFields.text(value("42"), "k"));
        assertEquals(WireFormatException.Problem.INVALID_FIELD, refusal(() -> JsonFields.text(value("true"), "k")));
        assertNull(JsonFields.text(value("null"), "k"));
        assertNull(JsonFields.text(value("1"), "other"));
        assertNull(JsonFields.text(null, "k"));
        assertEquals("", JsonFields.textOrEmpty(value("null"), "k"));
        assertEquals(WireFormatException.Problem.INVALID_FIELD, refusal(() -> JsonFields.text(value("[1]"), "k")));
        assertEquals(WireFormatException.Problem.INVALID_FIELD, refusal(() -> JsonFields.text(value("{}"), "k")));
    }

    @Test
    void numbersFromIntsAndNumericStrings() {
        assertEquals(7L, JsonFields.number(value("7"), "k"));
        assertEquals(-7L, JsonFields.number(value("\" -7 \""), "k"));
        assertEquals(0L, JsonFields.number(value("\"0\""), "k"));
        assertEquals(WireFormatException.Problem.INVALID_FIELD, refusal(() -> JsonFields.number(value("1.5"), "k")));
        assertEquals(WireFormatException.Problem.INVALID_FIELD, refusal(() -> JsonFields.number(value("\"x\""), "k")));
        assertEquals(WireFormatException.Problem.INVALID_FIELD, refusal(() -> JsonFields.number(value("true"), "k")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "\"\"", "\"undefined\"", "\"null\"", "\"UNDEFINED\""})
    void waysOfSayingNone(String none) {
        assertNull(JsonFields.number(value(none), "k"));
        assertNull(JsonFields.id(value(none), "k"));
        assertNull(JsonFields.decimal(value(none), "k"));
    }

    @Test
    void idsArePositiveAndZeroIsNone() {
        assertEquals(5L, JsonFields.id(value("\"5\""), "k"));
        assertNull(JsonFields.id(value("0"), "k"));
        assertNull(JsonFields.id(value("-3"), "k"));
    }

    @Test
    void decimalsFromNumbersAndNumericStrings() {
        assertEquals(new BigDecimal("0.0000"), JsonFields.decimal(value("\"0.0000\""), "k"));
        assertEquals(0, new BigDecimal("1.25").compareTo(JsonFields.decimal(value("1.25"), "k")));
        assertEquals(WireFormatException.Problem.INVALID_FIELD,
                refusal(() -> JsonFields.decimal(value("\"cheap\""), "k")));
    }

    @Test
    void flagsAsTheCardAndRestWriteThem() {
        assertTrue(JsonFields.flag(value("\"Y\""), "k"));
        assertTrue(JsonFields.flag(value("1"), "k"));
        assertFalse(JsonFields.flag(value("\"n\""), "k"));
        assertFalse(JsonFields.flag(value("null"), "k"));
        assertEquals(WireFormatException.Problem.INVALID_FIELD, refusal(() -> JsonFields.flag(value("2"), "k")));
        assertEquals(WireFormatException.Problem.INVALID_FIELD, refusal(() -> JsonFields.flag(value("[]"), "k")));
    }
}
