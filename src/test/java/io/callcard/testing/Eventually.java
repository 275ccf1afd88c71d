package io.callcard.testing;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Waiting for something another thread does (a post arriving, the tracker applying it, a future completing, a latch the
 * code under test counts down). The limit only stops a test that would otherwise hang; it is generous on purpose and
 * says nothing about speed. The one place tests wait: no test sleeps and then asserts.
 */
public final class Eventually {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    private Eventually() {
    }

    /** What is waited for; may do I/O (ask a server), and a failure there fails the wait. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    /** Returns once {@code condition} holds; fails naming {@code what} if it does not come true within the limit. */
    public static void waitFor(Condition condition, String what) throws InterruptedException {
        waitFor(condition, () -> what);
    }

    public static void waitFor(Condition condition) throws InterruptedException {
        waitFor(condition, "the condition");
    }

    /**
     * As {@link #waitFor(Condition, String)}, with the failure's text made when it fails, so that it can say how far
     * things got (e.g. how many posts had arrived).
     */
    public static void waitFor(Condition condition, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!holds(condition, what)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + LIMIT.toSeconds() + " s: " + what.get());
            }
            Thread.sleep(10);
        }
    }

    /**
     * As {@link #waitFor(Condition, String)} with a tighter limit: for a bound the behaviour itself promises (a widget
     * reconnecting within 5 s of a restart), never a speed measurement (that is the bench's).
     */
    public static void waitWithin(Duration bound, Condition condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!holds(condition, () -> what)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + bound.toMillis() + " ms: " + what);
            }
            Thread.sleep(10);
        }
    }

    /** The value of {@code future} once it completes; fails naming {@code what} if it does not within the limit. */
    public static <T> T result(Future<T> future, String what) throws InterruptedException, ExecutionException {
        try {
            return future.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("not within " + LIMIT.toSeconds() + " s: " + what, e);
        }
    }

    /** Returns once {@code latch} is open; fails naming {@code what} if it does not open within the limit. */
    public static void await(CountDownLatch latch, String what) throws InterruptedException {
        if (!latch.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("not within " + LIMIT.toSeconds() + " s: " + what);
        }
    }

    private static boolean holds(Condition condition, Supplier<String> what) throws InterruptedException {
        try {
            return condition.holds();
        } catch (InterruptedException | RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("failed while waiting for " + what.get(), e);
        }
    }
}
