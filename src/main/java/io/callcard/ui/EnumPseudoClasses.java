package io.callcard.ui;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.Node;

/**
 * One CSS pseudo-class per constant of an enum ({@code NO_CALL} becomes {@code :no-call}), exactly one of them on
 * at a time: how a view shows a state without inline styles.
 */
public final class EnumPseudoClasses<E extends Enum<E>> {

    private final Map<E, PseudoClass> classes;

    public EnumPseudoClasses(Class<E> type) {
        classes = new EnumMap<>(type);
        for (E constant : type.getEnumConstants()) {
            classes.put(constant, PseudoClass.getPseudoClass(cssName(constant)));
        }
    }

    public static String cssName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Turn on {@code current}'s pseudo-class on {@code node} and every other one off. */
    public void show(Node node, E current) {
        classes.forEach((constant, pc) -> node.pseudoClassStateChanged(pc, constant == current));
    }
}
