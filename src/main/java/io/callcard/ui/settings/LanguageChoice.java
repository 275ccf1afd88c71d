package io.callcard.ui.settings;

/** The window's language as the settings offer it: the system's, or one the bundles speak. */
public enum LanguageChoice {
    SYSTEM(null), ENGLISH("en"), RUSSIAN("ru");

    private final String language;

    LanguageChoice(String language) {
        this.language = language;
    }

    /** The value {@code Preferences.language} stores: null for the system's. */
    public String language() {
        return language;
    }

    /** The choice for a stored {@code Preferences.language}; one we do not speak counts as the system's. */
    public static LanguageChoice of(String language) {
        for (LanguageChoice choice : values()) {
            if (choice.language != null && choice.language.equals(language)) {
                return choice;
            }
        }
        return SYSTEM;
    }
}
