package io.callcard.ui.callcard;

import io.callcard.call.CallDisplayState;
import io.callcard.ui.EnumPseudoClasses;
import io.callcard.ui.LazyTooltip;
import io.callcard.ui.Messages;
import io.callcard.ui.Once;
import io.callcard.ui.PseudoClasses;
import io.callcard.ui.SecondTicker;
import io.callcard.ui.Shown;
import io.callcard.ui.UiExecutor;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import java.util.Map;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
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
 * Beside the number a copy button; the time in the call's state under it, and under the hold button the held card's
 * close countdown. Keys: {@link CardKeys}.
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

        Label timer = label("timer", "timer", vm.timerTextProperty());
        Label timerCaption = label("timer-caption", "caption", vm.timerCaptionProperty());
        VBox talk = new VBox(timer, timerCaption);
        talk.getStyleClass().add("timer-box");
        Shown.bind(talk, vm.timerShownProperty());

        Label failure = label("failure", "failure", vm.failureTextProperty());
        failure.setWrapText(true);
        Shown.bind(failure, vm.failedProperty());

        Label listMode = new Label(messages.get("card.listMode"));
        listMode.setId("list-mode");
        listMode.getStyleClass().add("list-mode");
        Shown.bind(listMode, vm.callListModeProperty());

        CrmBindingsView bindings = new CrmBindingsView(vm, messages);
        getChildren().addAll(header, phone, crm, crmHint, line, talk, failure, listMode, bindings);
        // A button or a link brings its skin, behaviour and input maps to the first frame even while hidden: the copy
        // row comes with the first call (under the number), the activity's link with the first activity (under the
        // bindings).
        Once.whenTrue(vm.hasCallProperty(),
                () -> getChildren().add(getChildren().indexOf(phone) + 1, copyRow(messages)));
        // (a mapped value, not isNotEmpty(): the property keeps it while it is listened to, so it cannot be collected)
        Once.whenTrue(vm.activityUrlProperty().map(url -> !url.isEmpty()),
                () -> getChildren().add(getChildren().indexOf(bindings) + 1, activityLink(messages)));
        CardKeys.install(this, Map.of(CardKeys.COPY, vm::copyNumber, CardKeys.OPEN_PRIMARY, vm::openPrimary,
                CardKeys.OPEN_ACTIVITY, vm::openActivity));
        // The hold controls are built with the first call: until then there is nothing to hold, and the window's first
        // frame need not wait for a tooltip's popup machinery.
        // The note's text area comes with them: text input brings its own skin and caret machinery.
        Once.whenTrue(vm.hasCallProperty(),
                () -> getChildren().addAll(new CallNoteView(vm.note(), messages), holdBox(messages)));

        PHASES.bind(this, vm.phaseProperty());
        PseudoClasses.bind(this, OUTCOME_PENDING, vm.outcomePendingProperty());
        // only a card on screen ticks: in compact mode the one-line card ticks instead, and a card left behind by a
        // language switch stops
        vm.tickingProperty().addListener((obs, old, now) -> runTicker(now && getScene() != null));
        sceneProperty().addListener((obs, old, now) -> runTicker(vm.tickingProperty().get() && now != null));
        runTicker(vm.tickingProperty().get() && getScene() != null);
    }

    /** Copy, and what the copy did: under the number, not beside it (a narrow window never breaks the number). */
    private HBox copyRow(Messages messages) {
        Button copy = new Button(messages.get("card.copy"));
        copy.setId("copy-number");
        copy.getStyleClass().add("copy-button");
        copy.setMnemonicParsing(false);
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.disableProperty().bind(vm.canCopyProperty().not());
        copy.accessibleTextProperty().bind(vm.dialledNumberProperty()
                .map(n -> n.isEmpty() ? messages.get("card.copy") : messages.get("card.copy.accessible", n)));
        copy.setOnAction(e -> vm.copyNumber());
        LazyTooltip.install(copy, messages.get("card.copy.tooltip"));
        Label copied = label("copy-status", "copy-status", vm.copyStatusTextProperty());
        copied.setMinWidth(0);
        HBox copyRow = new HBox(copy, copied);
        copyRow.getStyleClass().add("copy-row");
        copyRow.setAlignment(Pos.CENTER_LEFT);
        Shown.bind(copyRow, vm.hasCallProperty());
        return copyRow;
    }

    private Hyperlink activityLink(Messages messages) {
        Hyperlink activity = new Hyperlink(messages.get("card.crm.openActivity"));
        activity.setId("open-activity");
        activity.getStyleClass().add("activity-link");
        activity.setOnAction(e -> vm.openActivity());
        Shown.bind(activity, vm.activityUrlProperty().isNotEmpty());
        return activity;
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
        Label countdown = label("close-countdown", "close-countdown", vm.closeCountdownTextProperty());
        countdown.setWrapText(true);
        Shown.bind(countdown, vm.closeCountdownShownProperty());
        VBox hold = new VBox(holdRow, countdown, holdError);
        hold.getStyleClass().add("hold-box");
        Shown.bind(hold, vm.hasCallProperty());
        return hold;
    }

    /**
     * The times move once a second while anything shows one (ring, talk, the close countdown). Not a Timeline: a
     * running animation keeps JavaFX pulsing 60 times a second ({@link SecondTicker}).
     */
    private void runTicker(boolean moving) {
        if (moving) {
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
