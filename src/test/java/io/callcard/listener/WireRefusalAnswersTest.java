package io.callcard.listener;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callcard.wire.WireFormatException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the listener answers when a wire decoder refuses what a request carried. */
class WireRefusalAnswersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "MALFORMED_FORM, invalid_form",
        "INVALID_FIELD, invalid_message",
        "UNKNOWN_CALL_STATE, invalid_state",
    })
    void everyRefusalIsA400NamingItsKind(WireFormatException.Problem problem, String code) {
        RequestRejected answer = RequestRejected.of(new WireFormatException(problem, "what was wrong"));

        assertEquals(400, answer.status());
        assertEquals(code, answer.code());
        assertEquals("what was wrong", answer.getMessage());
    }
}
