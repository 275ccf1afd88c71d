package io.callcard.app;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each desktop's answer to "light or dark?" means (JavaFX 21 cannot ask; {@link DesktopTheme} runs the
 * programs). Each reads one program's output: true dark, false light, empty when the answer says nothing either way
 * (the next question is asked, or the window stays light).
 */
final class DesktopThemeAnswers {

    /** {@code reg query ...\Personalize /v AppsUseLightTheme}: a line "AppsUseLightTheme REG_DWORD 0x0". */
    private static final Pattern WINDOWS_DWORD =
            Pattern.compile("AppsUseLightTheme\\s+REG_DWORD\\s+0x([0-9a-fA-F]+)");

    private DesktopThemeAnswers() {
    }

    /**
     * {@code gsettings get org.gnome.desktop.interface color-scheme} (GNOME 42 and later): {@code 'prefer-dark'} or
     * {@code 'prefer-light'}; {@code 'default'} leaves it to the GTK theme.
     */
    static Optional<Boolean> gnomeColorScheme(String output) {
        return switch (unquoted(output)) {
            case "prefer-dark" -> Optional.of(true);
            case "prefer-light" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /**
     * {@code gsettings get org.gnome.desktop.interface gtk-theme}: a theme whose name ends in {@code -dark} (Adwaita-dark,
     * Yaru-dark) is dark, any other named theme light.
     */
    static Optional<Boolean> gtkThemeName(String output) {
        String name = unquoted(output);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(name.toLowerCase(Locale.ROOT).endsWith("-dark"));
    }

    /** {@code reg query}: AppsUseLightTheme 0 means dark apps, anything else light; no value, no answer. */
    static Optional<Boolean> windowsAppsUseLightTheme(String output) {
        Matcher m = WINDOWS_DWORD.matcher(output == null ? "" : output);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(m.group(1), 16) == 0);
    }

    /**
     * {@code defaults read -g AppleInterfaceStyle}: "Dark" in dark mode; in light mode the key does not exist and the
     * program says so on its error output and exits with 1.
     */
    static Optional<Boolean> macInterfaceStyle(int exitCode, String output) {
        if (exitCode != 0) {
            String said = output == null ? "" : output;
            return said.contains("does not exist") ? Optional.of(false) : Optional.empty();
        }
        return Optional.of(unquoted(output).equalsIgnoreCase("dark"));
    }

    /** gsettings quotes strings: {@code 'Adwaita-dark'}. */
    private static String unquoted(String output) {
        String t = output == null ? "" : output.strip();
        if (t.length() >= 2 && t.startsWith("'") && t.endsWith("'")) {
            t = t.substring(1, t.length() - 1);
        }
        return t.strip();
    }
}
