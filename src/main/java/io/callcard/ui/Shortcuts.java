package io.callcard.ui;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;

/** Window-wide keys that belong to a node: they work in whatever scene the node is in, and leave with it. */
public final class Shortcuts {

    private Shortcuts() {
    }

    /** While {@code node} is in a scene, {@code keys} pressed anywhere in that scene run {@code action}. */
    public static void install(Node node, KeyCombination keys, Runnable action) {
        putInto(node.getScene(), keys, action);
        node.sceneProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.getAccelerators().remove(keys);
            }
            putInto(now, keys, action);
        });
    }

    private static void putInto(Scene scene, KeyCombination keys, Runnable action) {
        if (scene != null) {
            scene.getAccelerators().put(keys, action);
        }
    }
}
