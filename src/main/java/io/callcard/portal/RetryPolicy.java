package io.callcard.portal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How long to back off when the portal still answers {@code QUERY_LIMIT_EXCEEDED} or {@code OPERATION_TIME_LIMIT}:
 * exponential from {@code firstDelay}, capped at {@code maxDelay}, each wait drawn between half and all of that
 * (jitter, so clients that were refused together do not return together), at most {@code maxRetries} times.
 */
public record RetryPolicy(int maxRetries, Duration firstDelay, Duration maxDelay, DoubleSupplier random) {

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries < 0");
        }
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(random, "random");
    }

    /** Four retries from 1 s up to 30 s: about a minute at most, then the caller hears the error. */
    public static RetryPolicy standard() {
        return new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /** The wait before retry number {@code retry} (1-based); never shorter than what the portal asked for. */
    Duration delay(int retry, Duration portalAsked) {
        long cap = maxDelay.toMillis();
        long exponential = Math.min(cap, firstDelay.toMillis() << Math.min(retry - 1, 20));
        long jittered = (long) (exponential * (0.5 + 0.5 * random.getAsDouble()));
        return Duration.ofMillis(Math.max(jittered, Math.min(portalAsked.toMillis(), cap)));
    }
}
