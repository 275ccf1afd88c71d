package io.callcard.sandbox;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules that keep a description playable as a believable card. */
class SimulatedCallTest {

    private static SimulatedCall.Builder incoming() {
        return SimulatedCall.builder(SimulatedCall.Direction.INCOMING)
                .phone(CallerPhone.known(NumberPlan.RUSSIAN_MOBILE))
                .ringsFor(Duration.ofSeconds(3));
    }

    @Test
    void anUnansweredCallMustSayWhyItFailed() {
        assertThrows(IllegalArgumentException.class, () -> incoming().build());
        assertThrows(IllegalArgumentException.class, () -> incoming().failsWith(" ").build());
        assertDoesNotThrow(() -> incoming().failsWith("603").build());
    }

    @Test
    void anAnsweredCallEndsNormally() {
        assertThrows(IllegalArgumentException.class,
                () -> incoming().talksFor(Duration.ofSeconds(5)).failsWith("486").build());
        assertDoesNotThrow(() -> incoming().talksFor(Duration.ofSeconds(5)).build());
    }

    @Test
    void phasesShorterThanTheCardsOwnDelaysAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> incoming().ringsFor(Duration.ofMillis(300)).failsWith("304").build());
        assertThrows(IllegalArgumentException.class,
                () -> incoming().talksFor(Duration.ofMillis(500)).build());
    }

    @Test
    void onlyAKnownNumberHasAPlan() {
        assertThrows(IllegalArgumentException.class, () -> new CallerPhone(CallerPhone.Kind.KNOWN, null));
        assertThrows(IllegalArgumentException.class,
                () -> new CallerPhone(CallerPhone.Kind.HIDDEN, NumberPlan.BERLIN));
    }

    @Test
    void aScenarioNeedsACallAndANonNegativeGap() {
        SimulatedCall call = incoming().failsWith("304").build();
        assertThrows(IllegalArgumentException.class, () -> new Scenario("empty", List.of(), Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new Scenario("negative", List.of(call), Duration.ofSeconds(-1)));
    }
}
