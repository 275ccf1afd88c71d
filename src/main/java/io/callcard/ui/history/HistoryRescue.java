package io.callcard.ui.history;

import java.util.concurrent.CompletionStage;

/**
 * The ways out of a history file that could not be opened, done by the application (which owns the file and the
 * recorder) when the agent presses the pane's buttons. Each completes off the FX thread; the panes are given the store
 * it opened as after start-up, or told again why not.
 */
public interface HistoryRescue {

    /**
     * Moves the damaged file aside (with its WAL) under a dated name and starts a new, empty history that records from
     * now on. Completes with the moved file's name, or fails with why (nothing moved then).
     */
    CompletionStage<String> moveAsideAndStartNew();

    /** Opens the file only to read it (nothing is recorded into it). Completes once it is open, or fails with why. */
    CompletionStage<Void> openReadOnly();
}
