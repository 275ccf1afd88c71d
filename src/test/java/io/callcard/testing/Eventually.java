package io.callcard.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waiting for something another thread does (a post arriving, the tracker applying it). The limit only stops a test
 * that would otherwise hang; it is generous on purpose and says nothing about speed.
 */
public final class Eventually {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    private Eventually() {
    }

    /** Returns once {@code condition} holds; fails naming {@code what} if it does not come true within the limit. */
    public static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + LIMIT.toSeconds() + " s: " + what);
            }
            Thread.sleep(10);
        }
    }

    public static void waitFor(BooleanSupplier condition) throws InterruptedException {
        waitFor(condition, "the condition");
    }
}
