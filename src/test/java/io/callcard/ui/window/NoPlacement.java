package io.callcard.ui.window;

import javafx.stage.Stage;

/** No place kept for either mode: each switch falls back to the mode's own default size. */
final class NoPlacement implements PlacementMemory {

    @Override
    public void leaving(Stage stage, boolean compact) {
    }

    @Override
    public boolean entering(Stage stage, boolean compact) {
        return false;
    }
}
