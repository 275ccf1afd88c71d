package io.callcard.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callcard.call.CallDirection;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutcomesTest {

    @ParameterizedTest(name = "{0}, connected={1}, ended={2}, code={3} -> {4}")
    @CsvSource(nullValues = "none", value = {
            // not ended: in progress, whatever else is known
            "INCOMING,          false, false, none,  IN_PROGRESS",
            "OUTGOING,          true,  false, 200,   IN_PROGRESS",
            // talked is answered, whatever code came afterwards
            "INCOMING,          true,  true,  none,  ANSWERED",
            "OUTGOING,          true,  true,  603-S, ANSWERED",
            "INCOMING_TRANSFER, true,  true,  486,   ANSWERED",
            "INCOMING,          false, true,  200,   ANSWERED",
            // ended without talk and without a code: missed coming in, cancelled going out
            "INCOMING,          false, true,  none,  MISSED",
            "INCOMING_TRANSFER, false, true,  none,  MISSED",
            "UNKNOWN,           false, true,  none,  MISSED",
            "OUTGOING,          false, true,  none,  CANCELLED",
            "CALLBACK,          false, true,  none,  CANCELLED",
            // the code decides
            "INCOMING,          false, true,  304,   MISSED",
            "OUTGOING,          false, true,  304,   MISSED",
            "OUTGOING,          false, true,  486,   BUSY",
            "INCOMING,          false, true,  486,   BUSY",
            "INCOMING,          false, true,  603,   DECLINED",
            "OUTGOING,          false, true,  603,   DECLINED",
            "OUTGOING,          false, true,  403,   DECLINED",
            "OUTGOING,          false, true,  423,   DECLINED",
            "OUTGOING,          false, true,  603-S, CANCELLED",
            "OUTGOING,          false, true,  603-s, CANCELLED",
            "CALLBACK,          false, true,  603-S, CANCELLED",
            "INCOMING,          false, true,  603-S, MISSED",
            "OUTGOING,          false, true,  404,   FAILED",
            "OUTGOING,          false, true,  480,   FAILED",
            "OUTGOING,          false, true,  484,   FAILED",
            "OUTGOING,          false, true,  503,   FAILED",
            "OUTGOING,          false, true,  402,   FAILED",
            "OUTGOING,          false, true,  OTHER, FAILED",
            // a code nobody documented is a failure, never an error
            "INCOMING,          false, true,  499,   FAILED",
            "OUTGOING,          false, true,  ' 486 ', BUSY",
    })
    void the_outcome_follows_the_table(CallDirection direction, boolean connected, boolean ended, String code,
                                       Outcome expected) {
        assertEquals(expected, Outcomes.of(direction, connected, ended, code));
    }
}
