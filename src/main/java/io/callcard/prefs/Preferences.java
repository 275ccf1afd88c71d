package io.callcard.prefs;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How the agent wants the window beside the phone, kept in {@code preferences.properties} by {@code config.PreferencesStore}.
 * Unlike the listener's and the portal's settings these apply at once (see {@code ui.PreferencesModel}), and most are
 * needed before the first frame (its theme, language, size, on top or not), so they are not in the JSON settings.
 * Absent (null) values mean the default.
 *
 * @param theme          colours; absent follows the desktop
 * @param alwaysOnTop    whether the window stays above others; absent means no
 * @param compact        whether the window shows the one-line card; absent means no
 * @param notifyIncoming whether an incoming call raises a desktop notification; absent means yes
 * @param notifyMissed   whether a missed call does; absent means yes
 * @param notifyFailed   whether a failed call does; absent means yes
 * @param language       "en" or "ru"; absent follows the system's language
 * @param numberRegion   the ISO 3166 region numbers without a country code are read in ("RU", "DE"); absent guesses
 *                       it from the portal's language
 */
public record Preferences(Theme theme, Boolean alwaysOnTop, Boolean compact, Boolean notifyIncoming,
                          Boolean notifyMissed, Boolean notifyFailed, String language, String numberRegion) {

    /** The languages the bundles speak. */
    public static final List<String> LANGUAGES = List.of("en", "ru");

    public static final Preferences DEFAULTS = new Preferences(null, null, null, null, null, null, null, null);

    public Theme effectiveTheme() {
        return theme != null ? theme : Theme.SYSTEM;
    }

    public boolean effectiveAlwaysOnTop() {
        return Boolean.TRUE.equals(alwaysOnTop);
    }

    public boolean effectiveCompact() {
        return Boolean.TRUE.equals(compact);
    }

    public boolean effectiveNotifyIncoming() {
        return !Boolean.FALSE.equals(notifyIncoming);
    }

    public boolean effectiveNotifyMissed() {
        return !Boolean.FALSE.equals(notifyMissed);
    }

    public boolean effectiveNotifyFailed() {
        return !Boolean.FALSE.equals(notifyFailed);
    }

    /** Why {@code language} cannot be stored, or null when it can (null itself means the system's language). */
    public static String languageProblem(String language) {
        return language == null || LANGUAGES.contains(language) ? null
                : "language must be one of " + LANGUAGES + " or absent (the system's language)";
    }

    /** Why {@code region} cannot be stored, or null when it can: a two-letter ISO 3166 code, upper case. */
    public static String regionProblem(String region) {
        return region == null || region.length() == 2 && Arrays.asList(Locale.getISOCountries()).contains(region)
                ? null : "numberRegion must be a two-letter ISO 3166 region such as RU or DE, or absent";
    }

    public Preferences withTheme(Theme t) {
        return new Preferences(t, alwaysOnTop, compact, notifyIncoming, notifyMissed, notifyFailed, language,
                numberRegion);
    }

    public Preferences withAlwaysOnTop(Boolean on) {
        return new Preferences(theme, on, compact, notifyIncoming, notifyMissed, notifyFailed, language, numberRegion);
    }

    public Preferences withCompact(Boolean on) {
        return new Preferences(theme, alwaysOnTop, on, notifyIncoming, notifyMissed, notifyFailed, language,
                numberRegion);
    }

    public Preferences withNotifications(Boolean incoming, Boolean missed, Boolean failed) {
        return new Preferences(theme, alwaysOnTop, compact, incoming, missed, failed, language, numberRegion);
    }

    public Preferences withLanguage(String lang) {
        return new Preferences(theme, alwaysOnTop, compact, notifyIncoming, notifyMissed, notifyFailed, lang,
                numberRegion);
    }

    public Preferences withNumberRegion(String region) {
        return new Preferences(theme, alwaysOnTop, compact, notifyIncoming, notifyMissed, notifyFailed, language,
                region);
    }
}
