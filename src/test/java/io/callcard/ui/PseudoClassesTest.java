package io.callcard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;

/** On a plain Region, which keeps its pseudo-classes without the toolkit running. */
class PseudoClassesTest {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private enum Light { RED, AMBER_FLASHING, GREEN }

    private final Region node = new Region();

    @Test
    void theInitialStateIsSetWithoutWaitingForAChange() {
        PseudoClasses.bind(node, INVALID, new SimpleBooleanProperty(true));
        assertTrue(node.getPseudoClassStates().contains(INVALID));
    }

    @Test
    void thePseudoClassFollowsTheValue() {
        BooleanProperty invalid = new SimpleBooleanProperty(false);
        PseudoClasses.bind(node, INVALID, invalid);
        assertFalse(node.getPseudoClassStates().contains(INVALID));
        invalid.set(true);
        assertTrue(node.getPseudoClassStates().contains(INVALID));
        invalid.set(false);
        assertFalse(node.getPseudoClassStates().contains(INVALID));
    }

    @Test
    void aNullValueCountsAsFalse() {
        ObjectProperty<Boolean> invalid = new SimpleObjectProperty<>(true);
        PseudoClasses.bind(node, INVALID, invalid);
        invalid.set(null);
        assertFalse(node.getPseudoClassStates().contains(INVALID));
    }

    @Test
    void aDerivedValueKeepsBeingFollowedAfterGarbageCollection() {
        BooleanProperty valid = new SimpleBooleanProperty(true);
        PseudoClasses.bind(node, INVALID, valid.not());
        // nothing but the node holds valid.not(); without that it would be collected here and stop following
        System.gc();
        System.gc();
        valid.set(false);
        assertTrue(node.getPseudoClassStates().contains(INVALID));
    }

    @Test
    void anEnumShowsExactlyItsConstantFromTheStart() {
        ObjectProperty<Light> light = new SimpleObjectProperty<>(Light.AMBER_FLASHING);
        new EnumPseudoClasses<>(Light.class).bind(node, light);
        assertEquals(Set.of("amber-flashing"), names());
        light.set(Light.GREEN);
        assertEquals(Set.of("green"), names());
        light.set(null);
        assertEquals(Set.of(), names());
    }

    @Test
    void anEnumAndAFlagOnOneNodeLeaveEachOtherAlone() {
        ObjectProperty<Light> light = new SimpleObjectProperty<>(Light.RED);
        BooleanProperty invalid = new SimpleBooleanProperty(true);
        new EnumPseudoClasses<>(Light.class).bind(node, light);
        PseudoClasses.bind(node, INVALID, invalid);
        light.set(Light.GREEN);
        assertEquals(Set.of("green", "invalid"), names());
        invalid.set(false);
        assertEquals(Set.of("green"), names());
    }

    private Set<String> names() {
        return node.getPseudoClassStates().stream().map(PseudoClass::getPseudoClassName).collect(Collectors.toSet());
    }
}
