package io.callcard.ui;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The user-facing words, English or Russian. Every text the window shows comes from here; patterns are
 * {@link MessageFormat} patterns (so an apostrophe is written twice in the bundles).
 */
public final class Messages {

    public static final String BUNDLE = "io.callcard.i18n.messages";
    public static final List<String> LANGUAGES = List.of("en", "ru");

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** The bundle for {@code requested}'s language, or English when we do not speak it. */
    public static Messages forLocale(Locale requested) {
        String language = LANGUAGES.contains(requested.getLanguage()) ? requested.getLanguage() : "en";
        Locale locale = Locale.forLanguageTag(language);
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Messages(bundle, locale);
    }

    public Locale locale() {
        return locale;
    }

    /** The text for {@code key}; a missing key shows as {@code !key!} rather than failing the window. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
