package io.callcard.app;

import io.callcard.ui.UiExecutor;
import javafx.scene.Scene;

/** Runs work once the scene's first frame is on screen: what start-up defers until the agent sees the window. */
final class FirstFrame {

    private FirstFrame() {
    }

    static void then(Scene scene, UiExecutor ui, Runnable work) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            // queued from inside the pulse, this runs after that pulse has rendered: the frame is drawn by then
            ui.executeLater(work);
        };
        scene.addPostLayoutPulseListener(once[0]);
    }
}
