package io.callcard.listener;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How much the listener takes before it pushes back: concurrent exchanges (beyond them, 503 {@code busy}), how long a
 * request body may take to arrive (beyond it the connection is cut), and per-route rate overrides (requests per
 * second; routes not named keep their {@link RoutePolicy} default). The defaults fit one agent's browser with room
 * to spare; the overrides exist for the sandbox and the benchmarks, which push far harder than any call card.
 *
 * @param maxConcurrentExchanges exchanges inside route handlers at once, at least 1
 * @param bodyTimeout            from the start of an exchange that carries a body until its answer has begun
 * @param rateOverrides          route name ({@link RoutePolicy#route()}) to requests per second, each &gt; 0
 */
public record GuardLimits(int maxConcurrentExchanges, Duration bodyTimeout, Map<String, Double> rateOverrides) {

    public static final GuardLimits DEFAULTS = new GuardLimits(32, Duration.ofSeconds(5), Map.of());

    public GuardLimits {
        if (maxConcurrentExchanges < 1) {
            throw new IllegalArgumentException("maxConcurrentExchanges must be at least 1: " + maxConcurrentExchanges);
        }
        Objects.requireNonNull(bodyTimeout, "bodyTimeout");
        if (bodyTimeout.isNegative() || bodyTimeout.isZero()) {
            throw new IllegalArgumentException("bodyTimeout must be positive: " + bodyTimeout);
        }
        rateOverrides.forEach((route, perSecond) -> {
            if (!(perSecond > 0)) {
                throw new IllegalArgumentException("rate for " + route + " must be positive: " + perSecond);
            }
        });
        rateOverrides = Map.copyOf(rateOverrides);
    }

    public GuardLimits withMaxConcurrentExchanges(int max) {
        return new GuardLimits(max, bodyTimeout, rateOverrides);
    }

    public GuardLimits withBodyTimeout(Duration timeout) {
        return new GuardLimits(maxConcurrentExchanges, timeout, rateOverrides);
    }

    public GuardLimits withRate(String route, double perSecond) {
        Map<String, Double> rates = new TreeMap<>(rateOverrides);
        rates.put(Objects.requireNonNull(route, "route"), perSecond);
        return new GuardLimits(maxConcurrentExchanges, bodyTimeout, rates);
    }

    /** The rate for {@code policy}'s route: the override if one is set, else the policy's default. */
    double ratePerSecond(RoutePolicy policy) {
        return rateOverrides.getOrDefault(policy.route(), policy.ratePerSecond());
    }
}
