package io.callcard.ui;

import io.callcard.prefs.Preferences;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The agent's {@link Preferences} as the running window knows them: one place every part that applies one at once
 * listens to (theme, always on top, compact mode, notifications, language), and every part that changes one writes
 * through (the settings window, the compact-mode key). A change is applied at once (FX thread) and handed to
 * {@code saver}, which persists it off the FX thread; what a view shows never waits for the disk.
 */
public final class PreferencesModel {

    private final ReadOnlyObjectWrapper<Preferences> current;
    private final Consumer<Preferences> saver;

    /**
     * @param initial what {@code settings.json} held at start ({@link Preferences#DEFAULTS} when it held none)
     * @param saver   persists a changed value; called on the FX thread, must not block it
     */
    public PreferencesModel(Preferences initial, Consumer<Preferences> saver) {
        this.current = new ReadOnlyObjectWrapper<>(Objects.requireNonNull(initial, "initial"));
        this.saver = Objects.requireNonNull(saver, "saver");
    }

    /** The preferences in force; listeners run on the FX thread after each change. */
    public ReadOnlyObjectProperty<Preferences> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public Preferences current() {
        return current.get();
    }

    /** Applies {@code edit} at once and saves the result (FX thread); nothing happens if it changes nothing. */
    public void change(UnaryOperator<Preferences> edit) {
        Preferences next = Objects.requireNonNull(edit.apply(current.get()), "edited preferences");
        if (!next.equals(current.get())) {
            current.set(next);
            saver.accept(next);
        }
    }

    /** Takes preferences already saved elsewhere (the settings window's Save, a file loaded late) without saving. */
    public void adopt(Preferences saved) {
        current.set(Objects.requireNonNull(saved, "saved"));
    }
}
