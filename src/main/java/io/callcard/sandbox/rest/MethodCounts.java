package io.callcard.sandbox.rest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many times each method was asked for, alone or inside a batch, once the request passed authentication and the
 * rate limit: what a test or a benchmark reads to know how hard a client worked the portal.
 */
final class MethodCounts {

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    void count(String normalisedMethod) {
        counts.computeIfAbsent(normalisedMethod, name -> new AtomicLong()).incrementAndGet();
    }

    long of(String method) {
        AtomicLong count = counts.get(RestDispatcher.normalise(method));
        return count == null ? 0 : count.get();
    }
}
