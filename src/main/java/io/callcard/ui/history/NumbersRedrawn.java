package io.callcard.ui.history;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.Node;

/**
 * Draws a view's numbers again when the region they are read in changes (the agent chose another in Settings): the
 * rows already drawn, not only those drawn next. The view holds the listener; the words (which live as long as the
 * application) hold it only weakly, so a view made again in another language leaves nothing behind.
 */
final class NumbersRedrawn {

    private static final String KEY = NumbersRedrawn.class.getName();

    private NumbersRedrawn() {
    }

    /** While {@code view} lives, {@code redraw} runs (FX thread) each time {@code words}' region changes. */
    static void follow(Node view, HistoryWords words, Runnable redraw) {
        ChangeListener<String> changed = (o, was, now) -> redraw.run();
        view.getProperties().put(KEY, changed);
        words.regionProperty().addListener(new WeakChangeListener<>(changed));
    }
}
