package io.callcard.ui.window;

import io.callcard.ui.LazyTooltip;
import io.callcard.ui.PseudoClasses;
import io.callcard.ui.Shortcuts;
import io.callcard.ui.callcard.CardHoldViewModel;
import javafx.css.PseudoClass;
import javafx.event.ActionEvent;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The compact line's hold toggle: the same {@link CardHoldViewModel} as the full card's button, so both show what the
 * card confirmed and never flip by themselves. Ctrl+H presses it while the compact line is the window's content (the
 * full card's button, out of the scene then, has given the key up).
 */
final class CompactHoldButton extends ToggleButton {

    static final KeyCombination SHORTCUT = new KeyCodeCombination(KeyCode.H, KeyCombination.CONTROL_DOWN);

    private static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");

    CompactHoldButton(CardHoldViewModel vm) {
        setId("compact-hold");
        getStyleClass().add("compact-hold");
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

    /** Asks the card; the card's answer, through the view-model, decides whether it shows as held. */
    @Override
    public void fire() {
        if (!isDisabled()) {
            fireEvent(new ActionEvent());
        }
    }
}
