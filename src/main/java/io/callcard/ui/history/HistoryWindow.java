package io.callcard.ui.history;

import io.callcard.ui.Messages;
import io.callcard.ui.OnDemandWindow;
import java.util.Objects;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The full history in its own window beside the main one (not modal: the card stays live while the agent looks back).
 * Made on first use; each opening asks the store again, and while open it follows the calls recorded. Esc closes it.
 * Made again in the new language after the language changed.
 */
public final class HistoryWindow {

    /** Ctrl+Shift+H (Cmd+Shift+H on macOS) opens it from the main window. */
    public static final KeyCombination SHORTCUT =
            new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    private final HistoryViewModel vm;
    private final OnDemandWindow window;

    public HistoryWindow(Window owner, HistoryViewModel vm, Messages messages) {
        this(owner, vm, messages, ExportFileChoice.saveDialog(messages, "callcard-history"));
    }

    /** With the export's file asked of {@code exportFiles} rather than the system's dialog (tests). */
    public HistoryWindow(Window owner, HistoryViewModel vm, Messages messages, ExportFileChoice exportFiles) {
        this.vm = Objects.requireNonNull(vm, "vm");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(exportFiles, "exportFiles");
        window = new OnDemandWindow(owner, messages, stage -> new HistoryView(vm, messages, exportFiles), 1120, 680,
                stage -> {
                    stage.setTitle(messages.get("history.title"));
                    stage.setMinWidth(640);
                    stage.setMinHeight(420);
                });
    }

    /**
     * Shows the window, or brings it forward; each showing asks the store again, and while it shows, the view follows
     * the calls written. FX thread.
     */
    public void show() {
        window.show(vm::reload);
        vm.shownProperty().bind(window.stage().showingProperty()); // the window made anew in another language too
    }

    /** The window, once made (for tests and snapshots). */
    public Stage stage() {
        return window.stage();
    }
}
