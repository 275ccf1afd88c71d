package io.callcard.ui.history;

import io.callcard.history.Outcome;
import io.callcard.ui.EnumPseudoClasses;
import java.util.EnumMap;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.Node;

/**
 * An outcome's look: one pseudo-class per outcome ({@code :answered}, {@code :missed}, ...) on a cell's outcome word,
 * coloured by history.css. Cells are reused for other calls, so each mark clears the others.
 */
final class OutcomeLooks {

    private static final Map<Outcome, PseudoClass> CLASSES = new EnumMap<>(Outcome.class);

    static {
        for (Outcome outcome : Outcome.values()) {
            CLASSES.put(outcome, PseudoClass.getPseudoClass(EnumPseudoClasses.cssName(outcome)));
        }
    }

    private OutcomeLooks() {
    }

    /** Marks {@code node} with {@code outcome}'s pseudo-class only; null marks none. */
    static void mark(Node node, Outcome outcome) {
        CLASSES.forEach((each, pc) -> node.pseudoClassStateChanged(pc, each == outcome));
    }
}
