package io.callcard.app;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;

/**
 * For the start-up benchmark: prints {@code FIRST_FRAME} once the first frame is on screen and
 * {@code SERVICES_READY} once the listener and the portal are up, then quits. The parent process times the lines.
 * After {@code FIRST_FRAME} it prints the CPU time spent until then ({@code FIRST_FRAME_CPU fx=MS process=MS}: the FX
 * thread's and the whole process's), which a busy machine stretches far less than the wall-clock time.
 */
final class StartupProbe {

    static final String FIRST_FRAME = "FIRST_FRAME";
    static final String SERVICES_READY = "SERVICES_READY";
    static final String FIRST_FRAME_CPU = "FIRST_FRAME_CPU";

    private StartupProbe() {
    }

    /** Call on the FX thread right after the first frame. */
    static void firstFrameShown(CompletableFuture<Void> servicesReady) {
        System.out.println(FIRST_FRAME);
        System.out.flush();
        System.out.println(cpuSoFar());
        System.out.flush();
        servicesReady.whenComplete((ok, failed) -> {
            System.out.println(failed == null ? SERVICES_READY : "SERVICES_FAILED " + failed);
            System.out.flush();
            Platform.exit();
        });
    }

    /** The calling thread's and the process's CPU time so far, as the line the benchmark reads. */
    static String cpuSoFar() {
        long threadNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long processMillis = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
        return FIRST_FRAME_CPU + " fx=" + threadNanos / 1_000_000 + " process=" + processMillis;
    }
}
