package io.callcard.ui;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.Node;

/**
 * One CSS pseudo-class per constant of an enum ({@code NO_CALL} becomes {@code :no-call}), exactly one of them on
 * at a time: how a view shows a state without inline styles.
 */
public final class EnumPseudoClasses<E extends Enum<E>> {

    private final Class<E> type;
    private final Map<E, PseudoClass> classes;

    public EnumPseudoClasses(Class<E> type) {
        this.type = type;
        classes = new EnumMap<>(type);
        for (E constant : type.getEnumConstants()) {
            classes.put(constant, PseudoClass.getPseudoClass(cssName(constant)));
        }
    }

    public static String cssName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Keeps the pseudo-class of {@code value}'s constant on {@code node}, from now on, and every other one off. */
    public void bind(Node node, ObservableValue<E> value) {
        PseudoClasses.follow(node, type.getName(), value, current -> show(node, current));
    }

    private void show(Node node, E current) {
        classes.forEach((constant, pc) -> node.pseudoClassStateChanged(pc, constant == current));
    }
}
