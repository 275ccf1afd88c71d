package io.callcard.ui.window;

import javafx.stage.Stage;

/**
 * Where the window was in each mode: the full card and the compact line keep their own size and place. The
 * application implements it with its bounds files; {@link WindowMode} calls it around each switch (FX thread).
 */
public interface PlacementMemory {

    /** The stage is about to leave {@code compact}'s mode: keep its bounds as that mode's. */
    void leaving(Stage stage, boolean compact);

    /** The stage now shows {@code compact}'s content: put it where that mode was; false when it has no place yet. */
    boolean entering(Stage stage, boolean compact);
}
