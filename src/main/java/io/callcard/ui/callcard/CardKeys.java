package io.callcard.ui.callcard;

import java.util.Map;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The card's keys, anywhere in its window: Shortcut+C copies the number as dialled, Shortcut+O opens the primary CRM
 * item in Bitrix24, Shortcut+Shift+O the call's activity. They listen on the scene as the key press bubbles up, not as
 * accelerators: a text field that has the focus (a note being typed) keeps its own Ctrl+C, and only a press no control
 * took reaches the card.
 */
final class CardKeys {

    static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination OPEN_PRIMARY = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination OPEN_ACTIVITY = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    private CardKeys() {
    }

    /** While {@code node} is in a scene, each key of {@code actions} pressed there and taken by no control runs it. */
    static void install(Node node, Map<KeyCombination, Runnable> actions) {
        EventHandler<KeyEvent> handler = e -> {
            for (Map.Entry<KeyCombination, Runnable> a : actions.entrySet()) {
                if (a.getKey().match(e)) {
                    e.consume();
                    a.getValue().run();
                    return;
                }
            }
        };
        putInto(node.getScene(), handler);
        node.sceneProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.removeEventHandler(KeyEvent.KEY_PRESSED, handler);
            }
            putInto(now, handler);
        });
    }

    private static void putInto(Scene scene, EventHandler<KeyEvent> handler) {
        if (scene != null) {
            scene.addEventHandler(KeyEvent.KEY_PRESSED, handler);
        }
    }
}
