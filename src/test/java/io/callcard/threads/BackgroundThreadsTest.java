package io.callcard.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Threads made by the one owner are named, daemons, and never fail silently, whichever way their work fails. */
class BackgroundThreadsTest {

    private final List<BackgroundFailure> failures = new CopyOnWriteArrayList<>();
    private AutoCloseable listening;
    private final Logger failureLog = (Logger) LoggerFactory.getLogger(BackgroundFailures.class);

    @BeforeEach
    void listen() {
        listening = BackgroundFailures.listen(failures::add);
        failureLog.setAdditive(false); // the failures this test makes on purpose are not printed
    }

    @AfterEach
    void stopListening() throws Exception {
        listening.close();
        failureLog.setAdditive(true);
    }

    /** The failures of this test's own threads (other tests may run threads of their own meanwhile). */
    private List<BackgroundFailure> failuresOn(String name) {
        return failures.stream().filter(f -> f.isOn(name)).toList();
    }

    @Test
    void aThreadThatThrowsIsReportedWithItsNameAndCause() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        Thread thread = BackgroundThreads.start("test-thrower", () -> {
            throw boom;
        });
        thread.join();
        assertTrue(thread.isDaemon());
        assertEquals(1, failuresOn("test-thrower").size());
        assertSame(boom, failuresOn("test-thrower").get(0).cause());
    }

    @Test
    void aSubmittedTaskThatFailsIsReportedThoughNobodyReadsItsFuture() throws Exception {
        ExecutorService executor = BackgroundThreads.singleThread("test-submit");
        try {
            executor.submit(() -> {
                throw new IllegalArgumentException("in a future");
            });
            executor.submit(() -> "fine");
            executor.submit(() -> { }).get(5, TimeUnit.SECONDS); // the failed task is done and reported by now
            assertEquals(1, failuresOn("test-submit").size());
            assertEquals("in a future", failuresOn("test-submit").get(0).cause().getMessage());
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void anExecutedTaskThatFailsIsReportedOnceAndTheExecutorCarriesOn() throws Exception {
        ExecutorService executor = BackgroundThreads.singleThread("test-execute");
        try {
            CountDownLatch failed = new CountDownLatch(1);
            AutoCloseable seen = BackgroundFailures.listen(f -> failed.countDown());
            executor.execute(() -> {
                throw new IllegalStateException("executed");
            });
            assertTrue(failed.await(5, TimeUnit.SECONDS));
            seen.close();
            assertEquals("ran", executor.submit(() -> "ran").get(5, TimeUnit.SECONDS));
            assertEquals(1, failuresOn("test-execute").size());
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aFailureInsideACompletableFutureIsLeftToThatFuturesOwner() throws Exception {
        ExecutorService executor = BackgroundThreads.singleThread("test-completable");
        try {
            CompletableFuture<Object> owned = CompletableFuture.supplyAsync(() -> {
                throw new IllegalStateException("the caller handles this");
            }, executor);
            executor.submit(() -> { }).get(5, TimeUnit.SECONDS);
            assertTrue(owned.isCompletedExceptionally());
            assertEquals(List.of(), failuresOn("test-completable"));
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aScheduledTaskThatFailsIsReported() throws Exception {
        ScheduledExecutorService scheduler = BackgroundThreads.scheduler("test-scheduled");
        try {
            scheduler.schedule(() -> {
                throw new IllegalStateException("later");
            }, 1, TimeUnit.MILLISECONDS);
            scheduler.schedule(() -> { }, 2, TimeUnit.MILLISECONDS).get(5, TimeUnit.SECONDS);
            assertEquals(1, failuresOn("test-scheduled").size());
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void threadsAreNamedAndDaemonsButAShutdownHook() throws Exception {
        ThreadFactory numbered = BackgroundThreads.numbered("test-pool");
        Thread first = numbered.newThread(() -> { });
        Thread second = numbered.newThread(() -> { });
        assertEquals("test-pool-1", first.getName());
        assertEquals("test-pool-2", second.getName());
        assertTrue(first.isDaemon());
        Thread hook = BackgroundThreads.shutdownHook("test-hook", () -> { });
        assertFalse(hook.isDaemon(), "the JVM runs hooks to the end anyway; a daemon hook says otherwise");
        assertEquals("test-hook", hook.getName());
    }

    @Test
    void stopEndsTheThreadsAndInterruptsWorkThatOutlivesTheGrace() throws Exception {
        ExecutorService executor = BackgroundThreads.singleThread("test-stop");
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        executor.execute(() -> {
            running.countDown();
            try {
                never.await();
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(running.await(5, TimeUnit.SECONDS));
        assertTrue(BackgroundThreads.stop(executor, Duration.ofMillis(50)) || executor.awaitTermination(5,
                TimeUnit.SECONDS), "the stuck task was interrupted and its thread ended");
        assertTrue(executor.isTerminated());
    }

    @Test
    void aPoolThreadIsRecognisedByItsPoolsName() {
        assertTrue(new BackgroundFailure("listener-3", new RuntimeException()).isOn("listener"));
        assertFalse(new BackgroundFailure("listener-watchdog", new RuntimeException()).isOn("listener"));
        assertTrue(new BackgroundFailure("sandbox-portal", new RuntimeException()).isOn("sandbox-portal"));
    }
}
