package io.callcard.ui;

import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.Node;

/**
 * CSS pseudo-classes that follow a value: set from it at once and again at every change. How a view shows a state
 * without inline styles ({@code :invalid}, {@code :unlinked}, {@code :pending}); for one pseudo-class per enum
 * constant see {@link EnumPseudoClasses#bind}.
 */
public final class PseudoClasses {

    private static final String ANCHOR = PseudoClasses.class.getName() + ":";

    private PseudoClasses() {
    }

    /** {@code pseudoClass} is on {@code node} exactly while {@code on} is true (null counts as false). */
    public static void bind(Node node, PseudoClass pseudoClass, ObservableValue<Boolean> on) {
        follow(node, pseudoClass.getPseudoClassName(), on,
                now -> node.pseudoClassStateChanged(pseudoClass, Boolean.TRUE.equals(now)));
    }

    /** Applies {@code value} to {@code node} now and at every change; {@code name} tells the node's values apart. */
    static <T> void follow(Node node, String name, ObservableValue<T> value, Consumer<? super T> apply) {
        apply.accept(value.getValue());
        value.addListener((obs, old, now) -> apply.accept(now));
        // A derived value (flag.not(), text.isNotEmpty()) is held only weakly by what it derives from, so without a
        // strong holder it would be collected and the pseudo-class would stop following: the node holds it.
        node.getProperties().put(ANCHOR + name, value);
    }
}
