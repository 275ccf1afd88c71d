package io.callcard.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CallerNumberTest {

    @ParameterizedTest(name = "[{0}] is unknown")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "unknown", "UNKNOWN", " Unknown ", "undefined", "null"})
    void noNumberIsUnknown(String raw) {
        CallerNumber n = CallerNumber.of(raw);
        assertSame(CallerNumber.UNKNOWN, n);
        assertFalse(n.isKnown());
        assertEquals("unknown", n.toString());
    }

    @ParameterizedTest(name = "[{0}] is hidden")
    @ValueSource(strings = {"hidden", "HIDDEN", " Hidden "})
    void hiddenIsHidden(String raw) {
        CallerNumber n = CallerNumber.of(raw);
        assertSame(CallerNumber.HIDDEN, n);
        assertFalse(n.isKnown());
        assertEquals("hidden", n.toString());
    }

    @Test
    void aRealNumberIsTrimmedAndKeptAsWritten() {
        CallerNumber n = CallerNumber.of("  +7 495 123-45-67 \t");
        assertEquals(CallerNumber.Kind.KNOWN, n.kind());
        assertEquals("+7 495 123-45-67", n.value());
        assertTrue(n.isKnown());
        assertEquals("+7 495 123-45-67", n.toString());
    }

    @Test
    void unknownDoesNotEraseAKnownNumberButHiddenAndRealOnesReplaceIt() {
        CallerNumber known = CallerNumber.of("+74951234567");
        assertSame(known, CallerNumber.UNKNOWN.orElse(known));
        assertSame(CallerNumber.HIDDEN, CallerNumber.HIDDEN.orElse(known));
        CallerNumber other = CallerNumber.of("+78120000000");
        assertSame(other, other.orElse(known));
    }
}
