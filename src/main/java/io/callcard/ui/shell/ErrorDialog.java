package io.callcard.ui.shell;

import io.callcard.ui.Messages;
import java.util.Objects;
import javafx.event.ActionEvent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * The dialog for a failure nobody expected: says that the application carries on, keeps the details (collapsed) and
 * offers to copy them for a bug report. One at a time: a failure while it is open adds its details to it instead of
 * opening another. Not modal, and shown without waiting, so it can open from any event (even during layout) and
 * the window behind stays usable. FX thread only.
 */
public final class ErrorDialog {

    public static final String DETAILS_ID = "error-details";
    public static final String COPY_ID = "error-copy";

    private final Messages messages;
    private final Window owner;
    private Alert open;
    private TextArea details;
    private int more;

    public ErrorDialog(Messages messages, Window owner) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.owner = owner;
    }

    /** Shows {@code failureDetails}, or adds them to the dialog already open. */
    public void show(String failureDetails) {
        Objects.requireNonNull(failureDetails, "failureDetails");
        if (open != null) {
            more++;
            details.appendText(System.lineSeparator() + System.lineSeparator() + failureDetails);
            open.setContentText(messages.get("error.content") + " " + messages.get("error.more", more));
            return;
        }
        more = 0;
        open = build(failureDetails);
        open.setOnHidden(hidden -> open = null);
        open.show();
    }

    /** True while the dialog is on screen. */
    public boolean isShowing() {
        return open != null;
    }

    private Alert build(String failureDetails) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.initModality(Modality.NONE);
        alert.setTitle(messages.get("error.title"));
        alert.setHeaderText(messages.get("error.header"));
        alert.setContentText(messages.get("error.content"));

        details = new TextArea(failureDetails);
        details.setId(DETAILS_ID);
        details.setEditable(false);
        details.setPrefRowCount(14);
        VBox.setVgrow(details, Priority.ALWAYS);
        alert.getDialogPane().setExpandableContent(new VBox(6, new Label(messages.get("error.details")), details));

        ButtonType copy = new ButtonType(messages.get("error.copy"), ButtonBar.ButtonData.LEFT);
        alert.getButtonTypes().setAll(copy, ButtonType.OK);
        Button copyButton = (Button) alert.getDialogPane().lookupButton(copy);
        copyButton.setId(COPY_ID);
        copyButton.addEventFilter(ActionEvent.ACTION, pressed -> {
            pressed.consume(); // copying does not close the dialog
            ClipboardContent content = new ClipboardContent();
            content.putString(details.getText());
            Clipboard.getSystemClipboard().setContent(content);
            copyButton.setText(messages.get("error.copied"));
        });
        return alert;
    }
}
