package io.callcard.ui.window;

import javafx.stage.Stage;

/** Brings the window in front of the agent: out of the tray or the taskbar, above other windows, focused. */
public final class WindowFront {

    private WindowFront() {
    }

    /** FX thread. */
    public static void bring(Stage stage) {
        if (stage.isIconified()) {
            stage.setIconified(false);
        }
        if (!stage.isShowing()) {
            stage.show();
        }
        stage.toFront();
        stage.requestFocus();
    }
}
