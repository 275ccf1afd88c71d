package io.callcard.ui.settings;

import io.callcard.ui.Messages;
import io.callcard.ui.OnDemandWindow;
import java.util.Objects;
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

    private final SettingsViewModel vm;
    private final OnDemandWindow window;

    public SettingsWindow(Window owner, SettingsViewModel vm, Messages messages) {
        this.vm = Objects.requireNonNull(vm, "vm");
        Objects.requireNonNull(messages, "messages");
        window = new OnDemandWindow(owner, messages, stage -> new SettingsView(vm, messages, stage::close), 560, 640,
                stage -> {
                    stage.initModality(Modality.WINDOW_MODAL);
                    stage.setTitle(messages.get("settings.title"));
                    stage.setMinWidth(420);
                    stage.setMinHeight(420);
                }).withdrawingOnEscape(this::withdrawDisconnect);
    }

    /** Shows the window, or brings it forward if it is already up; each showing reads the saved settings. FX thread. */
    public void show() {
        window.show(vm::open);
    }

    /** Esc while Disconnect waits for an answer withdraws the question, and the window stays. */
    private boolean withdrawDisconnect() {
        if (vm.confirmingDisconnectProperty().get()) {
            vm.cancelDisconnect();
            return true;
        }
        return false;
    }

    /** The window, once made (for tests and snapshots). */
    Stage stage() {
        return window.stage();
    }
}
