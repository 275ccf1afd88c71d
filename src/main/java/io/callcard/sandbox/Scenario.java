package io.callcard.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A named sequence of calls played one after another, {@code gapBetweenCalls} apart (from one card's close to the next
 * card's opening). When the portal repeats the scenario, the same gap separates the last call of a pass from the first
 * call of the next.
 */
public record Scenario(String name, List<SimulatedCall> calls, Duration gapBetweenCalls) {

    public Scenario {
        Objects.requireNonNull(name, "name");
        calls = List.copyOf(calls);
        if (calls.isEmpty()) {
            throw new IllegalArgumentException("a scenario needs at least one call");
        }
        Objects.requireNonNull(gapBetweenCalls, "gapBetweenCalls");
        if (gapBetweenCalls.isNegative()) {
            throw new IllegalArgumentException("gapBetweenCalls must not be negative: " + gapBetweenCalls);
        }
    }

    /** One pass of this scenario as the widget would post it; see {@link ScenarioRenderer#render}. */
    public List<WidgetPost> render(long seed) {
        return ScenarioRenderer.render(this, seed);
    }
}
