package io.callcard.ui.theme;

import io.callcard.prefs.Preferences;
import io.callcard.prefs.Theme;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableValue;

/**
 * Whether the window is dark: the agent's {@link Theme} when it names one, else what the desktop answered; a desktop
 * that has not answered (yet, or ever) counts as light. Changes apply at once: every themed window follows
 * {@link #darkProperty()}. FX thread; plain Java, so tests need no toolkit.
 */
public final class ThemeModel {

    private final ObservableValue<Preferences> preferences;
    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper(false);
    /** The desktop's answer: true dark, false light, null not known. */
    private Boolean systemDark;

    /** @param preferences the running preferences ({@code PreferencesModel.currentProperty()}) */
    public ThemeModel(ObservableValue<Preferences> preferences) {
        this.preferences = Objects.requireNonNull(preferences, "preferences");
        preferences.addListener((obs, old, now) -> decide());
        decide();
    }

    /** Light or dark for {@code theme}, given the desktop's answer (null when it gave none). */
    public static boolean isDark(Theme theme, Boolean systemDark) {
        return switch (theme) {
            case LIGHT -> false;
            case DARK -> true;
            case SYSTEM -> Boolean.TRUE.equals(systemDark);
        };
    }

    /** What the desktop uses: true dark, false light, null when it could not be told. */
    public void systemAnswered(Boolean dark) {
        systemDark = dark;
        decide();
    }

    /** Whether the desktop's answer matters now: the agent chose to follow it. */
    public boolean followsSystem() {
        return preferences.getValue().effectiveTheme() == Theme.SYSTEM;
    }

    public boolean isDark() {
        return dark.get();
    }

    public ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }

    private void decide() {
        dark.set(isDark(preferences.getValue().effectiveTheme(), systemDark));
    }
}
