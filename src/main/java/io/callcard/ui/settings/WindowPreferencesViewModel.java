package io.callcard.ui.settings;

import io.callcard.prefs.Preferences;
import io.callcard.prefs.Theme;
import io.callcard.ui.PreferencesModel;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * The settings that apply at once: theme, always on top, compact mode, each kind of notification and the language.
 * A choice goes straight to the {@link PreferencesModel} (which applies it and saves it); a change made elsewhere
 * (the compact-mode key) shows here too. A choice of nothing (null) is refused: the choice in force stays. Plain Java
 * on the FX thread.
 */
public final class WindowPreferencesViewModel {

    private final PreferencesModel preferences;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>();
    private final BooleanProperty alwaysOnTop = new SimpleBooleanProperty();
    private final BooleanProperty compact = new SimpleBooleanProperty();
    private final BooleanProperty notifyIncoming = new SimpleBooleanProperty();
    private final BooleanProperty notifyMissed = new SimpleBooleanProperty();
    private final BooleanProperty notifyFailed = new SimpleBooleanProperty();
    private final ObjectProperty<LanguageChoice> language = new SimpleObjectProperty<>();
    /** Set while the properties take the model's values, so that doing so is not taken for the agent's choice. */
    private boolean showing;

    public WindowPreferencesViewModel(PreferencesModel preferences) {
        this.preferences = Objects.requireNonNull(preferences, "preferences");
        show(preferences.current());
        preferences.currentProperty().addListener((obs, old, now) -> show(now));
        onChoice(theme, chosen -> p -> p.withTheme(chosen));
        onChoice(alwaysOnTop, on -> p -> p.withAlwaysOnTop(on));
        onChoice(compact, on -> p -> p.withCompact(on));
        onChoice(notifyIncoming, on -> p -> p.withNotifications(on, p.notifyMissed(), p.notifyFailed()));
        onChoice(notifyMissed, on -> p -> p.withNotifications(p.notifyIncoming(), on, p.notifyFailed()));
        onChoice(notifyFailed, on -> p -> p.withNotifications(p.notifyIncoming(), p.notifyMissed(), on));
        onChoice(language, chosen -> p -> p.withLanguage(chosen.language()));
    }

    /** Hands each choice the agent makes in {@code property} to the model as {@code edit}; refuses null. */
    private <T> void onChoice(ObservableValue<T> property, java.util.function.Function<T, UnaryOperator<Preferences>>
            edit) {
        property.addListener((obs, old, now) -> {
            if (showing) {
                return;
            }
            if (now == null) {
                show(preferences.current()); // nothing is no choice: what is in force stays, and shows again
                return;
            }
            preferences.change(edit.apply(now));
        });
    }

    private void show(Preferences p) {
        showing = true;
        try {
            theme.set(p.effectiveTheme());
            alwaysOnTop.set(p.effectiveAlwaysOnTop());
            compact.set(p.effectiveCompact());
            notifyIncoming.set(p.effectiveNotifyIncoming());
            notifyMissed.set(p.effectiveNotifyMissed());
            notifyFailed.set(p.effectiveNotifyFailed());
            language.set(LanguageChoice.of(p.language()));
        } finally {
            showing = false;
        }
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public BooleanProperty alwaysOnTopProperty() {
        return alwaysOnTop;
    }

    public BooleanProperty compactProperty() {
        return compact;
    }

    public BooleanProperty notifyIncomingProperty() {
        return notifyIncoming;
    }

    public BooleanProperty notifyMissedProperty() {
        return notifyMissed;
    }

    public BooleanProperty notifyFailedProperty() {
        return notifyFailed;
    }

    public ObjectProperty<LanguageChoice> languageProperty() {
        return language;
    }
}
