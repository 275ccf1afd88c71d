package io.callcard.ui.callcard;

import io.callcard.ui.LazyTooltip;
import io.callcard.ui.PseudoClasses;
import io.callcard.ui.Shortcuts;
import javafx.css.PseudoClass;
import javafx.event.ActionEvent;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The "hold the card open" toggle. It shows what the card confirmed ({@code :selected} while held, {@code :pending}
 * while a command is out); pressing it asks the card and never flips the state by itself. Ctrl+H anywhere in the
 * window presses it (not Shortcut+H: on macOS Cmd+H hides the application). The full card and the compact line each
 * have one, on the same {@link CardHoldViewModel}; only the one in the window's scene holds the key.
 */
public final class HoldCardButton extends ToggleButton {

    public static final KeyCombination SHORTCUT = new KeyCodeCombination(KeyCode.H, KeyCombination.CONTROL_DOWN);

    private static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");

    HoldCardButton(CardHoldViewModel vm) {
        this(vm, "hold-button", "hold-button");
    }

    /** A hold button with its own id and style class (the compact line's). */
    public HoldCardButton(CardHoldViewModel vm, String id, String styleClass) {
        setId(id);
        getStyleClass().add(styleClass);
        setMnemonicParsing(false);
        setFocusTraversable(true);
        textProperty().bind(vm.buttonTextProperty());
        accessibleTextProperty().bind(vm.buttonTextProperty());
        selectedProperty().bind(vm.heldProperty());
        disableProperty().bind(vm.availableProperty().not().or(vm.pendingProperty()));
        PseudoClasses.bind(this, PENDING, vm.pendingProperty());

        LazyTooltip.install(this, vm.tooltipText());

        setOnAction(e -> vm.toggle());
        Shortcuts.install(this, SHORTCUT, this::fire);
    }

    /** A ToggleButton would flip its (here bound) selected state; this one only asks, the card's answer decides. */
    @Override
    public void fire() {
        if (!isDisabled()) {
            fireEvent(new ActionEvent());
        }
    }
}
