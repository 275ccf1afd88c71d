package io.callcard.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CallDirectionTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource({
            "incoming, INCOMING",
            "outgoing, OUTGOING",
            "callback, CALLBACK",
            "incomingTransfer, INCOMING_TRANSFER",
            "INCOMINGTRANSFER, INCOMING_TRANSFER",
            "' Outgoing ', OUTGOING"})
    void parsesTheCardsSpelling(String raw, CallDirection expected) {
        assertEquals(expected, CallDirection.parse(raw));
    }

    @ParameterizedTest(name = "[{0}] -> UNKNOWN")
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "incoming_transfer", "2", "inbound"})
    void anythingElseIsUnknown(String raw) {
        assertEquals(CallDirection.UNKNOWN, CallDirection.parse(raw));
    }
}
