package io.callcard.ui.settings;

import io.callcard.ui.Messages;
import java.util.Locale;
import java.util.Objects;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The settings as a modal window over the main one: opened on demand, made once and shown again after. Esc closes
 * it (or, while Disconnect waits for an answer, withdraws the question). Each opening reads the saved settings. When
 * the language changed since the window was made (it can be changed in this window, and applies at once to the main
 * one), the next opening makes it again in the new language.
 */
public final class SettingsWindow {

    private final Window owner;
    private final SettingsViewModel vm;
    private final Messages messages;
    private Stage stage;
    /** The language {@link #stage} was made in. */
    private Locale madeIn;

    public SettingsWindow(Window owner, SettingsViewModel vm, Messages messages) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.vm = Objects.requireNonNull(vm, "vm");
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    /** Shows the window, or brings it forward if it is already up. FX thread only. */
    public void show() {
        if (stage != null && stage.isShowing()) {
            stage.toFront();
            return;
        }
        if (stage == null || !messages.locale().equals(madeIn)) {
            madeIn = messages.locale();
            stage = build();
        }
        vm.open();
        stage.show();
    }

    private Stage build() {
        Stage window = new Stage();
        window.initOwner(owner);
        window.initModality(Modality.WINDOW_MODAL);
        window.setTitle(messages.get("settings.title"));
        Scene scene = new Scene(new SettingsView(vm, messages, window::close), 560, 640);
        // a filter, because text fields would otherwise take Esc for themselves
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                if (vm.confirmingDisconnectProperty().get()) {
                    vm.cancelDisconnect();
                } else {
                    window.close();
                }
            }
        });
        window.setScene(scene);
        window.setMinWidth(420);
        window.setMinHeight(420);
        return window;
    }

    /** The window, once made (for tests and snapshots). */
    Stage stage() {
        return stage;
    }
}
