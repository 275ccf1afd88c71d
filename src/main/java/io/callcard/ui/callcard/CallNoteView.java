package io.callcard.ui.callcard;

import io.callcard.ui.EnumPseudoClasses;
import io.callcard.ui.Messages;
import io.callcard.ui.Shown;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The card's note field ({@link CallNoteViewModel}): whom the note is for, the text, Ctrl+Enter or the button to add
 * it to the CRM timeline, and what became of it; or, for a call without a CRM item, why there is none. Looks in
 * {@code note.css}, the status keyed on one pseudo-class per {@link NoteProgress.State} ({@code :sending},
 * {@code :added}, {@code :waiting}, {@code :refused}).
 */
public final class CallNoteView extends VBox {

    public static final String STYLESHEET = "/io/callcard/ui/callcard/note.css";
    private static final EnumPseudoClasses<NoteProgress.State> STATES =
            new EnumPseudoClasses<>(NoteProgress.State.class);

    public CallNoteView(CallNoteViewModel vm, Messages messages) {
        getStyleClass().add("call-note");
        getStylesheets().add(STYLESHEET);
        setId("call-note");

        Label target = new Label();
        target.setId("note-target");
        target.getStyleClass().add("note-target");
        target.textProperty().bind(vm.targetTextProperty());

        TextArea text = new TextArea();
        text.setId("note-text");
        text.getStyleClass().add("note-text");
        text.setWrapText(true);
        text.setPrefRowCount(3);
        text.setPromptText(messages.get("note.prompt"));
        text.setAccessibleText(messages.get("note.accessible"));
        text.textProperty().bindBidirectional(vm.textProperty());
        // Ctrl+Enter (Cmd+Enter on macOS) adds the note; Enter alone is a new line, as in any text area
        text.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                vm.send();
                e.consume();
            } else if (HoldCardButton.SHORTCUT.match(e)) {
                holdFromTheField(e);
            } else if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
                // Tab leaves the field, as everywhere else in the window: a note has no use for a tab character;
                // a text area moves focus on Ctrl+Tab, so Tab is handed on as that
                e.consume();
                text.fireEvent(new KeyEvent(e.getSource(), e.getTarget(), e.getEventType(), e.getCharacter(),
                        e.getText(), e.getCode(), e.isShiftDown(), true, e.isAltDown(), e.isMetaDown()));
            }
        });
        target.setLabelFor(text);

        Button add = new Button(messages.get("note.add"));
        add.setId("note-add");
        add.getStyleClass().add("note-add");
        add.disableProperty().bind(vm.canSendProperty().not());
        add.setOnAction(e -> vm.send());
        add.setMinWidth(Region.USE_PREF_SIZE);

        Label status = new Label();
        status.setId("note-status");
        status.getStyleClass().add("note-status");
        status.setWrapText(true);
        status.setAccessibleRole(AccessibleRole.TEXT);
        status.textProperty().bind(vm.statusTextProperty());
        Shown.bind(status, vm.statusTextProperty().isNotEmpty());
        STATES.bind(status, vm.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox actions = new HBox(add, status);
        actions.getStyleClass().add("note-actions");
        actions.setAlignment(Pos.CENTER_LEFT);

        // read-only but selectable: the words of a refused note, for the agent to copy elsewhere
        TextField refused = new TextField();
        refused.setId("note-refused");
        refused.getStyleClass().add("note-refused");
        refused.setEditable(false);
        refused.setAccessibleText(messages.get("note.refused.accessible"));
        refused.textProperty().bind(vm.refusedTextProperty());
        Shown.bind(refused, vm.refusedTextProperty().isNotEmpty());

        Label waiting = new Label();
        waiting.setId("note-waiting");
        waiting.getStyleClass().add("note-waiting");
        waiting.textProperty().bind(vm.waitingTextProperty());
        Shown.bind(waiting, vm.waitingTextProperty().isNotEmpty());

        VBox field = new VBox(target, text, actions, refused, waiting);
        field.getStyleClass().add("note-field");
        Shown.bind(field, vm.shownProperty());

        Label unavailable = new Label();
        unavailable.setId("note-unavailable");
        unavailable.getStyleClass().add("note-unavailable");
        unavailable.setWrapText(true);
        unavailable.textProperty().bind(vm.unavailableTextProperty());
        Shown.bind(unavailable, vm.unavailableTextProperty().isNotEmpty());

        getChildren().addAll(field, unavailable);
    }

    /**
     * A text area takes Ctrl+H as "delete the previous character", so the window's hold shortcut would never reach
     * the scene while the agent types a note: the field hands it on.
     */
    private void holdFromTheField(KeyEvent e) {
        Runnable hold = getScene() == null ? null : getScene().getAccelerators().get(HoldCardButton.SHORTCUT);
        if (hold != null) {
            hold.run();
            e.consume();
        }
    }
}
