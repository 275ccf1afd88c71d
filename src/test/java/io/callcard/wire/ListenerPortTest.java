package io.callcard.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListenerPortTest {

    @Test
    void theRangeEndsAreIncludedAndZeroOnlyMeansAnyWhereAllowed() {
        assertTrue(ListenerPort.isPort(1));
        assertTrue(ListenerPort.isPort(65_535));
        assertFalse(ListenerPort.isPort(0));
        assertFalse(ListenerPort.isPort(65_536));
        assertTrue(ListenerPort.isPortOrAny(0));
        assertFalse(ListenerPort.isPortOrAny(-1));
        assertFalse(ListenerPort.isPortOrAny(65_536));
    }

    @Test
    void requiringAPortSaysWhatIsWrong() {
        assertEquals(0, ListenerPort.requirePortOrAny(0));
        assertEquals(48_024, ListenerPort.requirePortOrAny(48_024));
        assertEquals("70000 is not a port (0 to 65535)",
                assertThrows(IllegalArgumentException.class, () -> ListenerPort.requirePortOrAny(70_000)).getMessage());
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(value = {
        "48024, 48024",
        "' 8080 ', 8080",
        "65535, 65535",
        "0001, 1",
    })
    void typedPorts(String typed, int port) {
        assertEquals(OptionalInt.of(port), ListenerPort.parse(typed));
        assertEquals(Optional.empty(), ListenerPort.problem(typed));
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(value = {
        "'', EMPTY",
        "'   ', EMPTY",
        "NULL, EMPTY",
        "80a, NOT_A_NUMBER",
        "-1, NOT_A_NUMBER",
        "8 0, NOT_A_NUMBER",
        "0, OUT_OF_RANGE",
        "65536, OUT_OF_RANGE",
        "99999999999999999999999, OUT_OF_RANGE",
    }, nullValues = "NULL")
    void whatIsWrongWithATypedPort(String typed, ListenerPort.Problem problem) {
        assertEquals(Optional.of(problem), ListenerPort.problem(typed));
        assertEquals(OptionalInt.empty(), ListenerPort.parse(typed));
    }
}
