package io.callcard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callcard.app.DesktopTheme.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Reading each desktop's answer to "light or dark?", with the programs' real outputs, and which program is asked on
 * which system (a runner that answers from a table, so no program runs here).
 */
class DesktopThemeTest {

    @Test
    void gnomesColorSchemeSaysDarkLightOrLeavesItToTheGtkTheme() {
        assertEquals(Optional.of(true), DesktopThemeAnswers.gnomeColorScheme("'prefer-dark'\n"));
        assertEquals(Optional.of(false), DesktopThemeAnswers.gnomeColorScheme("'prefer-light'\n"));
        assertEquals(Optional.empty(), DesktopThemeAnswers.gnomeColorScheme("'default'\n"));
        assertEquals(Optional.empty(), DesktopThemeAnswers.gnomeColorScheme(""));
        assertEquals(Optional.empty(), DesktopThemeAnswers.gnomeColorScheme(
                "No such key \u201ccolor-scheme\u201d\n"));
    }

    @Test
    void aGtkThemeNamedDarkIsDarkAndAnyOtherNamedThemeLight() {
        assertEquals(Optional.of(true), DesktopThemeAnswers.gtkThemeName("'Adwaita-dark'\n"));
        assertEquals(Optional.of(true), DesktopThemeAnswers.gtkThemeName("'Yaru-Dark'"));
        assertEquals(Optional.of(false), DesktopThemeAnswers.gtkThemeName("'Adwaita'\n"));
        assertEquals(Optional.of(false), DesktopThemeAnswers.gtkThemeName("'Dark-Matter-light'"));
        assertEquals(Optional.empty(), DesktopThemeAnswers.gtkThemeName("''"));
    }

    @Test
    void windowsAppsUseLightThemeZeroIsDark() {
        String dark = "\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize\r\n"
                + "    AppsUseLightTheme    REG_DWORD    0x0\r\n\r\n";
        assertEquals(Optional.of(true), DesktopThemeAnswers.windowsAppsUseLightTheme(dark));
        assertEquals(Optional.of(false), DesktopThemeAnswers.windowsAppsUseLightTheme(dark.replace("0x0", "0x1")));
        assertEquals(Optional.empty(), DesktopThemeAnswers.windowsAppsUseLightTheme(
                "ERROR: The system was unable to find the specified registry key or value.\r\n"));
    }

    @Test
    void macOsDarkOrTheKeyMissingInLightMode() {
        assertEquals(Optional.of(true), DesktopThemeAnswers.macInterfaceStyle(0, "Dark\n"));
        assertEquals(Optional.of(false), DesktopThemeAnswers.macInterfaceStyle(1,
                "2026-12-04 16:00:00.000 defaults[123:456] \nThe domain/default pair of (kCFPreferencesAnyApplication,"
                        + " AppleInterfaceStyle) does not exist\n"));
        assertEquals(Optional.empty(), DesktopThemeAnswers.macInterfaceStyle(1, "defaults: command failed"));
    }

    @Test
    void eachSystemAsksItsOwnProgramAndGnomeFallsBackToTheThemeName() {
        List<List<String>> asked = new ArrayList<>();
        Map<String, Answer> answers = Map.of(
                "color-scheme", new Answer(0, "'default'\n"),
                "gtk-theme", new Answer(0, "'Adwaita-dark'\n"),
                "AppsUseLightTheme", new Answer(0, "AppsUseLightTheme    REG_DWORD    0x1"),
                "AppleInterfaceStyle", new Answer(0, "Dark"));
        DesktopTheme.Runner table = command -> {
            asked.add(command);
            return Optional.ofNullable(answers.get(command.get(command.size() - 1)));
        };

        assertEquals(Optional.of(true), DesktopTheme.ask("Linux", table));
        assertEquals(List.of(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"),
                List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme")), asked);
        assertEquals(Optional.of(false), DesktopTheme.ask("Windows 11", table));
        assertEquals("reg", asked.get(2).get(0));
        assertEquals(Optional.of(true), DesktopTheme.ask("Mac OS X", table));
        assertEquals("defaults", asked.get(3).get(0));
    }

    @Test
    void aProgramThatIsMissingOrFailsLeavesTheAnswerUnknown() {
        assertEquals(Optional.empty(), DesktopTheme.ask("Linux", command -> Optional.empty()));
        assertEquals(Optional.empty(), DesktopTheme.ask("Linux",
                command -> Optional.of(new Answer(1, "'prefer-dark'"))), "a failed gsettings is not believed");
        assertEquals(Optional.empty(), DesktopTheme.ask("Windows 10", command -> Optional.empty()));
    }
}
