package io.callcard.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A named sequence of calls played one after another, {@code gapBetweenCalls} apart (from one card's close to the next
 * card's opening). When the portal repeats the scenario, the same gap separates the last call of a pass from the first
 * call of the next; a call's own {@link SimulatedCall#gapAfter()} replaces the scenario's gap after that call.
 * {@code cardBehaviour} says whether the card delivers its events as Bitrix24's own code does (the default) or as the
 * documentation describes them.
 */
public record Scenario(String name, List<SimulatedCall> calls, Duration gapBetweenCalls, CardBehaviour cardBehaviour) {

    /** A scenario whose card behaves as Bitrix24's own code does. */
    public Scenario(String name, List<SimulatedCall> calls, Duration gapBetweenCalls) {
        this(name, calls, gapBetweenCalls, CardBehaviour.BITRIX24);
    }

    public Scenario {
        Objects.requireNonNull(cardBehaviour, "cardBehaviour");
        Objects.requireNonNull(name, "name");
        calls = List.copyOf(calls);
        if (calls.isEmpty()) {
            throw new IllegalArgumentException("a scenario needs at least one call");
        }
        Objects.requireNonNull(gapBetweenCalls, "gapBetweenCalls");
        if (gapBetweenCalls.isNegative()) {
            throw new IllegalArgumentException("gapBetweenCalls must not be negative: " + gapBetweenCalls);
        }
        for (int number = 1; number <= calls.size(); number++) {
            OptionalInt sameCallId = calls.get(number - 1).sameCallIdAs();
            if (sameCallId.isPresent() && sameCallId.getAsInt() >= number) {
                throw new IllegalArgumentException("call " + number + " reuses the CALL_ID of call "
                        + sameCallId.getAsInt() + ", which is not an earlier call");
            }
            CallerPhone phone = calls.get(number - 1).phone();
            if (phone.kind() == CallerPhone.Kind.SAME_AS && phone.sameAsCall() >= number) {
                throw new IllegalArgumentException("call " + number + " repeats the number of call "
                        + phone.sameAsCall() + ", which is not an earlier call");
            }
        }
    }

    /** The same calls, their card behaving as {@code behaviour} says: to compare the documented behaviour with the real. */
    public Scenario withCardBehaviour(CardBehaviour behaviour) {
        return new Scenario(name, calls, gapBetweenCalls, behaviour);
    }

    /** The pause after call {@code index} (from 0): its own, or the scenario's. */
    public Duration gapAfter(int index) {
        return calls.get(index).gapAfter().orElse(gapBetweenCalls);
    }

    /** One pass with the server-side events too; see {@link ScenarioRenderer#renderPass}. */
    public RenderedPass renderPass(long seed) {
        return ScenarioRenderer.renderPass(this, seed);
    }

    /** One pass of this scenario as the widget would post it; see {@link ScenarioRenderer#render}. */
    public List<WidgetPost> render(long seed) {
        return ScenarioRenderer.render(this, seed);
    }
}
