package io.callcard.ui;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The user-facing words, English or Russian. Every text the window shows comes from here; patterns are
 * {@link MessageFormat} patterns (so an apostrophe is written twice in the bundles).
 *
 * <p>The language can change while the window runs ({@link #switchTo}, from the settings): everyone holding this
 * object speaks the new language from the next {@link #get} on. The window then rebuilds its views and the
 * view-models say their last state again ({@link #localeProperty()} tells them when); nothing keeps a copy of the old
 * words. {@link #get} may be called from any thread.
 */
public final class Messages {

    public static final String BUNDLE = "io.callcard.i18n.messages";
    public static final List<String> LANGUAGES = List.of("en", "ru");

    /** A bundle and its locale, swapped as one so a reader never sees one language's pattern with the other's locale. */
    private record Words(ResourceBundle bundle, Locale locale) {
    }

    private volatile Words words;
    /** Lazily made: the command line uses messages without the JavaFX toolkit ever starting. */
    private ReadOnlyObjectWrapper<Locale> localeProperty;

    private Messages(Words words) {
        this.words = words;
    }

    /** The bundle for {@code requested}'s language, or English when we do not speak it. */
    public static Messages forLocale(Locale requested) {
        return new Messages(load(requested));
    }

    private static Words load(Locale requested) {
        String language = LANGUAGES.contains(requested.getLanguage()) ? requested.getLanguage() : "en";
        Locale locale = Locale.forLanguageTag(language);
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Words(bundle, locale);
    }

    /**
     * Speaks {@code requested}'s language (English when we do not speak it) from now on, and tells the listeners of
     * {@link #localeProperty()} if that changed anything. FX thread.
     */
    public void switchTo(Locale requested) {
        Words next = load(Objects.requireNonNull(requested, "requested"));
        if (next.locale().equals(words.locale())) {
            return;
        }
        words = next;
        if (localeProperty != null) {
            localeProperty.set(next.locale());
        }
    }

    public Locale locale() {
        return words.locale();
    }

    /** The language spoken; changes after {@link #switchTo} (FX thread). */
    public ReadOnlyObjectProperty<Locale> localeProperty() {
        if (localeProperty == null) {
            localeProperty = new ReadOnlyObjectWrapper<>(words.locale());
        }
        return localeProperty.getReadOnlyProperty();
    }

    /** The text for {@code key}; a missing key shows as {@code !key!} rather than failing the window. */
    public String get(String key, Object... args) {
        Words now = words;
        String pattern;
        try {
            pattern = now.bundle().getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return new MessageFormat(pattern, now.locale()).format(args);
    }

    public boolean has(String key) {
        return words.bundle().containsKey(key);
    }
}
