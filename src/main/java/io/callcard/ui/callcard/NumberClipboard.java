package io.callcard.ui.callcard;

/**
 * Where the card's "copy the number" puts it: the system clipboard. An interface so the view-model stays plain Java;
 * the application gives one backed by JavaFX's clipboard. Called on the FX thread.
 */
public interface NumberClipboard {

    /** Puts {@code text} on the clipboard as plain text, replacing what was there. */
    void put(String text);
}
