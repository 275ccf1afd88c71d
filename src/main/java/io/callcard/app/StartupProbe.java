package io.callcard.app;

import java.util.concurrent.CompletableFuture;
import io.callcard.ui.UiExecutor;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * For the start-up benchmark: prints {@code FIRST_FRAME} once the first frame is on screen and
 * {@code SERVICES_READY} once the listener and the portal are up, then quits. The parent process times the lines.
 */
final class StartupProbe {

    static final String FIRST_FRAME = "FIRST_FRAME";
    static final String SERVICES_READY = "SERVICES_READY";

    private StartupProbe() {
    }

    static void attach(Scene scene, UiExecutor ui, CompletableFuture<Void> servicesReady) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            // queued from inside the pulse, this runs after that pulse has rendered: the frame is drawn by then
            ui.executeLater(() -> {
                System.out.println(FIRST_FRAME);
                servicesReady.whenComplete((ok, failed) -> {
                    System.out.println(failed == null ? SERVICES_READY : "SERVICES_FAILED " + failed);
                    System.out.flush();
                    Platform.exit();
                });
            });
        };
        scene.addPostLayoutPulseListener(once[0]);
    }
}
