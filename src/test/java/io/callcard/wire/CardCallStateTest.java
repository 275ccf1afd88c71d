package io.callcard.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CardCallStateTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource({
            "idle, IDLE",
            "connecting, CONNECTING",
            "connected, CONNECTED",
            "IDLE, IDLE",
            "' Connected ', CONNECTED",
            "Connecting, CONNECTING"})
    void parsesLeniently(String raw, CardCallState expected) {
        assertEquals(Optional.of(expected), CardCallState.parse(raw));
    }

    @ParameterizedTest(name = "[{0}] is no state")
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "ringing", "connect", "0"})
    void anythingElseIsEmpty(String raw) {
        assertEquals(Optional.empty(), CardCallState.parse(raw));
    }

    @Test
    void wireNamesRoundTrip() {
        for (CardCallState s : CardCallState.values()) {
            assertEquals(Optional.of(s), CardCallState.parse(s.wireName()));
        }
        assertEquals("connected", CardCallState.CONNECTED.wireName());
    }
}
