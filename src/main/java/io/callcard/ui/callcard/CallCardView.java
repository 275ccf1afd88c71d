package io.callcard.ui.callcard;

import io.callcard.call.CallDisplayState;
import io.callcard.ui.EnumPseudoClasses;
import io.callcard.ui.Messages;
import io.callcard.ui.Once;
import io.callcard.ui.PseudoClasses;
import io.callcard.ui.SecondTicker;
import io.callcard.ui.Shown;
import io.callcard.ui.UiExecutor;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The live call card. Built in code; the looks are in {@code callcard.css}, keyed on one pseudo-class per
 * {@link CallDisplayState} ({@code :connecting}, {@code :connected}, {@code :failed}, ...) set on this node, and
 * {@code :outcome-pending} while an ended call's outcome is still being learned. At the
 * bottom the call's CRM bindings ({@link CrmBindingsView}) and, while there is a call, the {@link HoldCardButton} and the reason its last command failed.
 */
public final class CallCardView extends VBox {

    public static final String STYLESHEET = "/io/callcard/ui/callcard/callcard.css";

    private static final EnumPseudoClasses<CallDisplayState> PHASES = new EnumPseudoClasses<>(CallDisplayState.class);
    private static final PseudoClass UNLINKED = PseudoClass.getPseudoClass("unlinked");
    private static final PseudoClass OUTCOME_PENDING = PseudoClass.getPseudoClass("outcome-pending");

    private final CallCardViewModel vm;
    private SecondTicker ticker;

    public CallCardView(CallCardViewModel vm, Messages messages) {
        this.vm = vm;
        getStyleClass().add("call-card");
        getStylesheets().add(STYLESHEET);
        setId("call-card");
        setAccessibleRole(AccessibleRole.TEXT);
        accessibleTextProperty().bind(vm.summaryTextProperty());

        Label state = label("state", "state-badge", vm.stateTextProperty());
        state.setAccessibleRole(AccessibleRole.TEXT);
        Label direction = label("direction", "direction", vm.directionTextProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(state, spacer, direction);
        header.getStyleClass().add("card-header");
        header.setAlignment(Pos.CENTER_LEFT);

        Label phone = label("phone", "phone", vm.phoneTextProperty());
        phone.setWrapText(true);
        Label crm = label("crm", "crm", vm.crmTextProperty());
        PseudoClasses.bind(crm, UNLINKED, vm.linkedProperty().not());
        Label crmHint = label("crm-hint", "crm-hint", vm.crmHintProperty());
        crmHint.setWrapText(true);
        Shown.bind(crmHint, vm.crmHintProperty().isNotEmpty());
        Label line = label("line", "line", vm.lineTextProperty());
        Shown.bind(line, vm.lineShownProperty());

        Label talkTime = label("talk-time", "talk-time", vm.talkTimeTextProperty());
        Label talkCaption = new Label(messages.get("card.talkTime"));
        talkCaption.getStyleClass().add("caption");
        VBox talk = new VBox(talkTime, talkCaption);
        talk.getStyleClass().add("talk-box");
        Shown.bind(talk, vm.talkTimeShownProperty());

        Label failure = label("failure", "failure", vm.failureTextProperty());
        failure.setWrapText(true);
        Shown.bind(failure, vm.failedProperty());

        Label listMode = new Label(messages.get("card.listMode"));
        listMode.setId("list-mode");
        listMode.getStyleClass().add("list-mode");
        Shown.bind(listMode, vm.callListModeProperty());

        getChildren().addAll(header, phone, crm, crmHint, line, talk, failure, listMode,
                new CrmBindingsView(vm, messages));
        // The hold controls are built with the first call: until then there is nothing to hold, and the window's first
        // frame need not wait for a tooltip's popup machinery.
        Once.whenTrue(vm.hasCallProperty(), () -> getChildren().add(holdBox(messages)));

        PHASES.bind(this, vm.phaseProperty());
        PseudoClasses.bind(this, OUTCOME_PENDING, vm.outcomePendingProperty());
        vm.phaseProperty().addListener((obs, old, now) -> runTalkTime(now));
        runTalkTime(vm.phaseProperty().get());
    }

    private VBox holdBox(Messages messages) {
        HoldCardButton holdButton = new HoldCardButton(vm.hold());
        Label holdError = label("hold-error", "hold-error", vm.hold().errorTextProperty());
        holdError.setWrapText(true);
        Shown.bind(holdError, vm.hold().errorTextProperty().isNotEmpty());
        // the button names what a press does; this says what the card confirmed
        Label heldState = new Label(messages.get("hold.state.held"));
        heldState.setId("hold-state");
        heldState.getStyleClass().add("hold-state");
        Shown.bind(heldState, vm.hold().heldProperty());
        // in a narrow window (Russian words are long) the button keeps its words and the hint wraps beside it
        holdButton.setMinWidth(Region.USE_PREF_SIZE);
        heldState.setWrapText(true);
        heldState.setMinWidth(0);
        HBox holdRow = new HBox(holdButton, heldState);
        holdRow.getStyleClass().add("hold-row");
        holdRow.setAlignment(Pos.CENTER_LEFT);
        VBox hold = new VBox(holdRow, holdError);
        hold.getStyleClass().add("hold-box");
        Shown.bind(hold, vm.hasCallProperty());
        return hold;
    }

    /**
     * The talk time moves once a second while connected; the ticker is made on the first connected call. Not a
     * Timeline: a running animation keeps JavaFX pulsing 60 times a second ({@link SecondTicker}).
     */
    private void runTalkTime(CallDisplayState phase) {
        if (phase == CallDisplayState.CONNECTED) {
            if (ticker == null) {
                ticker = new SecondTicker(new UiExecutor(), vm::tick);
            }
            ticker.start();
        } else if (ticker != null) {
            ticker.stop();
        }
    }

    private static Label label(String id, String styleClass, ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(styleClass);
        l.textProperty().bind(text);
        return l;
    }
}
