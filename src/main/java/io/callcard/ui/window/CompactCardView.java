package io.callcard.ui.window;

import io.callcard.call.CallDisplayState;
import io.callcard.ui.EnumPseudoClasses;
import io.callcard.ui.LazyTooltip;
import io.callcard.ui.Messages;
import io.callcard.ui.SecondTicker;
import io.callcard.ui.UiExecutor;
import io.callcard.ui.Palette;
import io.callcard.ui.callcard.CallCardViewModel;
import io.callcard.ui.callcard.HoldCardButton;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The call card in one line, for a narrow strip of screen: state, name or number, timer, hold, and a button back to
 * the full card. Built in code; looks in {@code window.css}, one pseudo-class per {@link CallDisplayState} as on the
 * full card. Every button is reached by Tab; state, name or number and timer carry accessible text saying what they are.
 */
public final class CompactCardView extends HBox {

    public static final String STYLESHEET = "/io/callcard/ui/window/window.css";

    private static final EnumPseudoClasses<CallDisplayState> PHASES = new EnumPseudoClasses<>(CallDisplayState.class);

    private final CallCardViewModel vm;
    private SecondTicker ticker;

    /**
     * @param expand leaves compact mode (the button's action; the same as the compact-mode key)
     */
    public CompactCardView(CallCardViewModel vm, Messages messages, Runnable expand) {
        this.vm = vm;
        setId("compact-card");
        getStyleClass().add("compact-card");
        getStylesheets().addAll(Palette.STYLESHEET, STYLESHEET);
        setAlignment(Pos.CENTER_LEFT);
        setFillHeight(false);

        Label state = label("compact-state", "compact-state", vm.stateTextProperty());
        state.setMinWidth(Region.USE_PREF_SIZE);
        state.accessibleTextProperty().bind(Bindings.format(messages.get("compact.state.accessible", "%s"),
                vm.stateTextProperty()));

        ObservableStringValue headlineText = headline(vm);
        Label headline = label("compact-headline", "compact-headline", headlineText);
        headline.setMinWidth(0);
        headline.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(headline, Priority.ALWAYS);
        headline.accessibleTextProperty().bind(Bindings.format(messages.get("compact.headline.accessible", "%s"),
                headlineText));

        Label timer = label("compact-timer", "compact-timer", vm.timerTextProperty());
        timer.setMinWidth(Region.USE_PREF_SIZE);
        timer.accessibleTextProperty().bind(Bindings.format(messages.get("compact.timer.accessible", "%s"),
                vm.timerTextProperty()));

        HoldCardButton hold = new HoldCardButton(vm.hold(), "compact-hold", "compact-hold");
        hold.setMinWidth(Region.USE_PREF_SIZE);

        Button full = new Button(messages.get("compact.expand"));
        full.setId("compact-expand");
        full.getStyleClass().add("compact-expand");
        full.setMinWidth(Region.USE_PREF_SIZE);
        full.setAccessibleText(messages.get("compact.expand.accessible"));
        LazyTooltip.install(full, messages.get("compact.expand.accessible"));
        full.setOnAction(e -> expand.run());

        getChildren().addAll(state, headline, timer, hold, full);
        PHASES.bind(this, vm.phaseProperty());
        vm.tickingProperty().addListener((obs, old, now) -> runTimer(now));
        sceneProperty().addListener((obs, old, now) -> runTimer(vm.tickingProperty().get()));
        runTimer(vm.tickingProperty().get());
    }

    /** The CRM name when it is known, else the number for reading (the card's own headline). */
    static ObservableStringValue headline(CallCardViewModel vm) {
        return vm.headlineTextProperty();
    }

    /** The timer moves once a second while the card's times move and this line is on screen; the full card has its own. */
    private void runTimer(boolean ticking) {
        if (ticking && getScene() != null) {
            if (ticker == null) {
                ticker = new SecondTicker(new UiExecutor(), vm::tick);
            }
            ticker.start();
        } else if (ticker != null) {
            ticker.stop();
        }
    }

    private static Label label(String id, String styleClass, ObservableStringValue text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(styleClass);
        l.setAccessibleRole(AccessibleRole.TEXT);
        l.textProperty().bind(text);
        return l;
    }
}
