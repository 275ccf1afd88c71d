package io.callcard.ui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.prefs.Preferences;
import io.callcard.prefs.Theme;
import io.callcard.ui.PreferencesModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Light or dark, without the toolkit: the agent's choice wins; following the system, an unknown desktop is light. */
class ThemeModelTest {

    private final List<Preferences> saved = new ArrayList<>();
    private final PreferencesModel preferences = new PreferencesModel(Preferences.DEFAULTS, saved::add);
    private final ThemeModel theme = new ThemeModel(preferences.currentProperty());

    @Test
    void followingTheSystemIsLightUntilTheDesktopSaysDark() {
        assertTrue(theme.followsSystem());
        assertFalse(theme.isDark(), "nothing answered yet: light");
        theme.systemAnswered(null);
        assertFalse(theme.isDark(), "no answer: light");
        theme.systemAnswered(true);
        assertTrue(theme.isDark());
        theme.systemAnswered(false);
        assertFalse(theme.isDark());
    }

    @Test
    void theAgentsChoiceAppliesAtOnceAndOutranksTheDesktop() {
        theme.systemAnswered(true);
        List<Boolean> seen = new ArrayList<>();
        theme.darkProperty().addListener((obs, old, now) -> seen.add(now));

        preferences.change(p -> p.withTheme(Theme.LIGHT));
        assertFalse(theme.isDark());
        assertFalse(theme.followsSystem());
        theme.systemAnswered(true);
        assertFalse(theme.isDark(), "a chosen light stays light whatever the desktop says");

        preferences.change(p -> p.withTheme(Theme.DARK));
        assertTrue(theme.isDark());
        preferences.change(p -> p.withTheme(null)); // back to following the desktop, which said dark
        assertTrue(theme.isDark());
        assertTrue(theme.followsSystem());
        assertEquals(List.of(false, true), seen, "one change to light, one back to dark; no flicker in between");
    }

    @Test
    void eachThemeDecidesAlone() {
        assertFalse(ThemeModel.isDark(Theme.LIGHT, true));
        assertTrue(ThemeModel.isDark(Theme.DARK, false));
        assertTrue(ThemeModel.isDark(Theme.DARK, null));
        assertTrue(ThemeModel.isDark(Theme.SYSTEM, true));
        assertFalse(ThemeModel.isDark(Theme.SYSTEM, false));
        assertFalse(ThemeModel.isDark(Theme.SYSTEM, null));
    }
}
