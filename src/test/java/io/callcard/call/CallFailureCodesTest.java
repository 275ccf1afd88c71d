package io.callcard.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CallFailureCodesTest {

    /** The table in protocol.md section 3, every code in it. */
    static List<String> documentedCodes() {
        return List.of("200", "304", "603", "603-S", "403", "404", "486", "484", "503", "480", "402", "423", "OTHER");
    }

    @ParameterizedTest(name = "{0} has its own key")
    @MethodSource("documentedCodes")
    void everyDocumentedCodeHasAKey(String code) {
        String key = CallFailureCodes.messageKey(code);
        assertTrue(key.startsWith("failure."), key);
        assertNotEquals(CallFailureCodes.UNKNOWN_KEY, key);
        assertTrue(CallFailureCodes.isKnown(code));
    }

    @Test
    void documentedCodesHaveDistinctKeys() {
        Set<String> keys = new HashSet<>();
        documentedCodes().forEach(c -> keys.add(CallFailureCodes.messageKey(c)));
        assertEquals(documentedCodes().size(), keys.size());
    }

    @Test
    void lowerCaseAndPaddedSpellingsMapLikeTheDocumentedOnes() {
        assertEquals(CallFailureCodes.messageKey("603-S"), CallFailureCodes.messageKey("603-s"));
        assertEquals(CallFailureCodes.messageKey("603-S"), CallFailureCodes.messageKey(" 603-S "));
        assertEquals(CallFailureCodes.messageKey("OTHER"), CallFailureCodes.messageKey("other"));
        assertNotEquals(CallFailureCodes.messageKey("603"), CallFailureCodes.messageKey("603-s"));
    }

    @ParameterizedTest(name = "[{0}] -> unknown key")
    @NullAndEmptySource
    @ValueSource(strings = {"499", "603-X", "busy", " "})
    void undocumentedCodesGetTheUnknownKey(String code) {
        assertTrue(CallFailureCodes.UNKNOWN_KEY.startsWith("failure."));
        assertEquals(CallFailureCodes.UNKNOWN_KEY, CallFailureCodes.messageKey(code));
        assertFalse(CallFailureCodes.isKnown(code));
    }

    @ParameterizedTest(name = "[{0}] is no failure")
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "200", " 200 "})
    void noCodeOrSuccessIsNoFailure(String code) {
        assertFalse(CallFailureCodes.isFailure(code));
    }

    @ParameterizedTest(name = "[{0}] is a failure")
    @ValueSource(strings = {"486", "304", "603-S", "603-s", "OTHER", "499"})
    void anyOtherCodeIsAFailure(String code) {
        assertTrue(CallFailureCodes.isFailure(code));
    }
}
