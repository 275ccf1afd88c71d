package io.callcard.app;

import io.callcard.ui.callcard.NumberClipboard;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** The card's "copy the number", into the system clipboard through JavaFX (FX thread). */
final class SystemNumberClipboard implements NumberClipboard {

    @Override
    public void put(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
