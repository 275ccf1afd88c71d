package io.callcard.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;

class ShownTest {

    @Test
    void visibleAndManagedFollowTheConditionFromTheStart() {
        Region node = new Region();
        BooleanProperty shown = new SimpleBooleanProperty(false);
        Shown.bind(node, shown);
        assertFalse(node.isVisible());
        assertFalse(node.isManaged(), "a hidden node gives up its place");
        shown.set(true);
        assertTrue(node.isVisible());
        assertTrue(node.isManaged());
    }
}
