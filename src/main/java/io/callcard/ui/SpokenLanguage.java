package io.callcard.ui;

import io.callcard.prefs.Preferences;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.value.ObservableValue;

/**
 * The window speaks the language the agent chose ({@code Preferences.language}), or, when none is chosen, the one it
 * was started in (the system's, or {@code --lang}). Applied at once: {@link Messages} switches in place and the window
 * follows its {@code localeProperty()}.
 */
public final class SpokenLanguage {

    private SpokenLanguage() {
    }

    /** Switches {@code messages} to the chosen language now (before the first frame) and at every change. FX thread. */
    public static void follow(ObservableValue<Preferences> preferences, Messages messages, Locale started) {
        Objects.requireNonNull(started, "started");
        messages.switchTo(localeFor(preferences.getValue(), started));
        preferences.addListener((obs, old, now) -> messages.switchTo(localeFor(now, started)));
    }

    /** The locale {@code preferences} ask for; {@code started} when they leave it to the system. */
    public static Locale localeFor(Preferences preferences, Locale started) {
        String chosen = preferences.language();
        return chosen == null ? started : Locale.forLanguageTag(chosen);
    }
}
