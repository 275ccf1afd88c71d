package io.callcard.ui;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;

/** A node that is there only while a condition holds: hidden, it also gives up its place in the layout. */
public final class Shown {

    private Shown() {
    }

    /** {@code node} is visible and laid out exactly while {@code shown} is true. */
    public static void bind(Node node, ObservableValue<Boolean> shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(shown);
    }
}
