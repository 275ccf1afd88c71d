package io.callcard.app;

import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;

/**
 * For the start-up benchmark: prints {@code FIRST_FRAME} once the first frame is on screen and
 * {@code SERVICES_READY} once the listener and the portal are up, then quits. The parent process times the lines.
 */
final class StartupProbe {

    static final String FIRST_FRAME = "FIRST_FRAME";
    static final String SERVICES_READY = "SERVICES_READY";

    private StartupProbe() {
    }

    /** Call on the FX thread right after the first frame. */
    static void firstFrameShown(CompletableFuture<Void> servicesReady) {
        System.out.println(FIRST_FRAME);
        System.out.flush();
        servicesReady.whenComplete((ok, failed) -> {
            System.out.println(failed == null ? SERVICES_READY : "SERVICES_FAILED " + failed);
            System.out.flush();
            Platform.exit();
        });
    }
}
