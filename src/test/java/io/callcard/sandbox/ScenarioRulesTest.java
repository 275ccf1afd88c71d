package io.callcard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules the model itself keeps, whoever builds it (a file or code). */
class ScenarioRulesTest {

    private static SimulatedCall.Builder missed(CallerPhone phone) {
        return SimulatedCall.builder(SimulatedCall.Direction.INCOMING).phone(phone).ringsFor(Duration.ofSeconds(2))
                .failsWith("304");
    }

    @Test
    void aRepeatedNumberMustPointBackwards() {
        SimulatedCall first = missed(CallerPhone.known(NumberPlan.BERLIN)).build();
        SimulatedCall again = missed(CallerPhone.sameAsCall(1)).build();
        assertEquals(2, new Scenario("ok", List.of(first, again), Duration.ZERO).calls().size());
        assertThrows(IllegalArgumentException.class,
                () -> new Scenario("self", List.of(first, missed(CallerPhone.sameAsCall(2)).build()), Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> CallerPhone.sameAsCall(0));
        assertThrows(IllegalArgumentException.class,
                () -> new CallerPhone(CallerPhone.Kind.HIDDEN, null, 1));
    }

    @Test
    void twoHundredIsNotAFailureAndGapsAreNotNegative() {
        assertThrows(IllegalArgumentException.class,
                () -> SimulatedCall.builder(SimulatedCall.Direction.OUTGOING).ringsFor(Duration.ofSeconds(2))
                        .failsWith("200").build());
        assertThrows(IllegalArgumentException.class,
                () -> missed(CallerPhone.hidden()).thenWaits(Duration.ofSeconds(-1)).build());
    }

    @Test
    void eachDirectionHasItsCallType() {
        assertEquals("1", SimulatedCall.Direction.OUTGOING.callType());
        assertEquals("2", SimulatedCall.Direction.INCOMING.callType());
        assertEquals("4", SimulatedCall.Direction.CALLBACK.callType());
    }
}
