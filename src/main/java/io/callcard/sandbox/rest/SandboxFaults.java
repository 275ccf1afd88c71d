package io.callcard.sandbox.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault switches for tests and demos, settable at any time while the server runs; all thread-safe. The REST paths
 * and the token endpoint obey them before anything else, so a fault looks the same whatever the request was.
 */
public final class SandboxFaults {

    private final Clock clock;
    private volatile Duration latency = Duration.ZERO;
    private final AtomicInteger dropsLeft = new AtomicInteger();
    private final AtomicInteger serverErrorsLeft = new AtomicInteger();
    private volatile boolean rateLimitStorm;
    private volatile boolean garbageBodies;
    private volatile Instant tokensExpiredAt = Instant.MIN;
    private volatile boolean overload;
    /** Method (lower case, no {@code .json}) → how many more of its calls answer OPERATION_TIME_LIMIT. */
    private final Map<String, AtomicInteger> timeLimited = new ConcurrentHashMap<>();

    SandboxFaults(Clock clock) {
        this.clock = clock;
    }

    /** Every answer waits this long first (zero for none). */
    public void latency(Duration latency) {
        this.latency = Objects.requireNonNull(latency, "latency");
    }

    /** The next {@code count} requests get their connection closed without any answer. */
    public void dropNextConnections(int count) {
        dropsLeft.set(count);
    }

    /** The next {@code count} requests get HTTP 500 {@code INTERNAL_SERVER_ERROR}. */
    public void serverErrorBurst(int count) {
        serverErrorsLeft.set(count);
    }

    /** While on, every REST request gets 503 {@code QUERY_LIMIT_EXCEEDED}, whatever its bucket says. */
    public void rateLimitStorm(boolean on) {
        rateLimitStorm = on;
    }

    /** While on, every answer is HTTP 200 with an HTML page instead of JSON, as a misbehaving proxy sends. */
    public void garbageBodies(boolean on) {
        garbageBodies = on;
    }

    /**
     * While on, every REST request gets 503 {@code OVERLOAD_LIMIT} ("REST API is blocked due to overload"): the whole
     * portal refuses, whatever the credential or its bucket.
     */
    public void overload(boolean on) {
        overload = on;
    }

    /**
     * The next {@code requests} calls of {@code method} get 429 {@code OPERATION_TIME_LIMIT}, as when that method used
     * up its execution-time budget for the 10-minute window (protocol.md §4); other methods still answer.
     */
    public void operationTimeLimit(String method, int requests) {
        timeLimited.put(RestDispatcher.normalise(method), new AtomicInteger(requests));
    }

    /** Every access token issued until now is expired from now on; tokens refreshed later work. */
    public void expireAllTokensNow() {
        tokensExpiredAt = clock.instant();
    }

    /** Turns everything off. */
    public void clear() {
        latency = Duration.ZERO;
        dropsLeft.set(0);
        serverErrorsLeft.set(0);
        rateLimitStorm = false;
        garbageBodies = false;
        overload = false;
        timeLimited.clear();
    }

    Duration latency() {
        return latency;
    }

    boolean takeDrop() {
        return dropsLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
    }

    boolean takeServerError() {
        return serverErrorsLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
    }

    boolean rateLimitStorm() {
        return rateLimitStorm;
    }

    boolean overload() {
        return overload;
    }

    /** True when this call of {@code method} is one the operation time limit refuses. */
    boolean takeOperationTimeLimit(String method) {
        AtomicInteger left = timeLimited.get(RestDispatcher.normalise(method));
        return left != null && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    boolean garbageBodies() {
        return garbageBodies;
    }

    /** Tokens issued at or before this instant count as expired. */
    Instant tokensExpiredAt() {
        return tokensExpiredAt;
    }
}
