package io.callcard.ui.history;

import io.callcard.ui.Messages;
import java.util.Locale;
import java.util.Objects;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The full history in its own window beside the main one (not modal: the card stays live while the agent looks back).
 * Made on first use; each opening asks the store again, so calls recorded since show. Esc closes it. Made again in
 * the new language after the language changed.
 */
public final class HistoryWindow {

    /** Ctrl+Shift+H (Cmd+Shift+H on macOS) opens it from the main window. */
    public static final KeyCombination SHORTCUT =
            new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    private final Window owner;
    private final HistoryViewModel vm;
    private final Messages messages;
    private final ExportFileChoice exportFiles;
    private Stage stage;
    private Locale madeIn;

    public HistoryWindow(Window owner, HistoryViewModel vm, Messages messages) {
        this(owner, vm, messages, ExportFileChoice.saveDialog(messages, "callcard-history"));
    }

    /** With the export's file asked of {@code exportFiles} rather than the system's dialog (tests). */
    public HistoryWindow(Window owner, HistoryViewModel vm, Messages messages, ExportFileChoice exportFiles) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.vm = Objects.requireNonNull(vm, "vm");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.exportFiles = Objects.requireNonNull(exportFiles, "exportFiles");
    }

    /** Shows the window, or brings it forward. FX thread. */
    public void show() {
        if (stage != null && stage.isShowing()) {
            stage.toFront();
            return;
        }
        if (stage == null || !messages.locale().equals(madeIn)) {
            madeIn = messages.locale();
            stage = build();
        }
        vm.reload();
        stage.show();
    }

    private Stage build() {
        Stage window = new Stage();
        window.initOwner(owner);
        window.setTitle(messages.get("history.title"));
        Scene scene = new Scene(new HistoryView(vm, messages, exportFiles), 1120, 680);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                window.close();
            }
        });
        window.setScene(scene);
        window.setMinWidth(640);
        window.setMinHeight(420);
        return window;
    }

    /** The window, once made (for tests and snapshots). */
    public Stage stage() {
        return stage;
    }
}
