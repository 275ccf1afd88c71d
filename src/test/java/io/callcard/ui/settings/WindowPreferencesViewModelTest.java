package io.callcard.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.prefs.Preferences;
import io.callcard.prefs.Theme;
import io.callcard.ui.PreferencesModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The settings that apply at once, without the toolkit: each choice reaches the preferences and is saved, once. */
class WindowPreferencesViewModelTest {

    private final List<Preferences> saved = new ArrayList<>();
    private final PreferencesModel preferences = new PreferencesModel(Preferences.DEFAULTS, saved::add);
    private final WindowPreferencesViewModel vm = new WindowPreferencesViewModel(preferences);

    @Test
    void theDefaultsShowAsTheyApply() {
        assertEquals(Theme.SYSTEM, vm.themeProperty().get());
        assertEquals(LanguageChoice.SYSTEM, vm.languageProperty().get());
        assertFalse(vm.alwaysOnTopProperty().get());
        assertFalse(vm.compactProperty().get());
        assertTrue(vm.notifyIncomingProperty().get());
        assertTrue(vm.notifyMissedProperty().get());
        assertTrue(vm.notifyFailedProperty().get());
        assertEquals(List.of(), saved, "showing what applies saves nothing");
    }

    @Test
    void eachChoiceAppliesAtOnceAndIsSaved() {
        vm.themeProperty().set(Theme.DARK);
        assertEquals(Theme.DARK, preferences.current().theme());
        vm.alwaysOnTopProperty().set(true);
        assertTrue(preferences.current().effectiveAlwaysOnTop());
        vm.compactProperty().set(true);
        assertTrue(preferences.current().effectiveCompact());
        vm.languageProperty().set(LanguageChoice.RUSSIAN);
        assertEquals("ru", preferences.current().language());
        vm.languageProperty().set(LanguageChoice.SYSTEM);
        assertNull(preferences.current().language());
        assertEquals(5, saved.size());
        assertEquals(preferences.current(), saved.get(saved.size() - 1));
    }

    @Test
    void eachKindOfNotificationIsSwitchedAlone() {
        vm.notifyMissedProperty().set(false);
        assertTrue(preferences.current().effectiveNotifyIncoming());
        assertFalse(preferences.current().effectiveNotifyMissed());
        assertTrue(preferences.current().effectiveNotifyFailed());
        vm.notifyIncomingProperty().set(false);
        vm.notifyFailedProperty().set(false);
        vm.notifyMissedProperty().set(true);
        assertFalse(preferences.current().effectiveNotifyIncoming());
        assertTrue(preferences.current().effectiveNotifyMissed());
        assertFalse(preferences.current().effectiveNotifyFailed());
    }

    @Test
    void aChangeMadeElsewhereShowsHereWithoutBeingSavedAgain() {
        preferences.change(p -> p.withCompact(true).withTheme(Theme.LIGHT)); // the compact-mode key, say
        assertTrue(vm.compactProperty().get());
        assertEquals(Theme.LIGHT, vm.themeProperty().get());
        assertEquals(1, saved.size());
        preferences.adopt(Preferences.DEFAULTS.withLanguage("ru"));
        assertEquals(LanguageChoice.RUSSIAN, vm.languageProperty().get());
        assertEquals(1, saved.size());
    }

    @Test
    void choosingNothingIsRefusedAndTheChoiceInForceStays() {
        vm.themeProperty().set(Theme.DARK);
        vm.themeProperty().set(null);
        assertEquals(Theme.DARK, vm.themeProperty().get());
        assertEquals(Theme.DARK, preferences.current().theme());
        vm.languageProperty().set(null);
        assertEquals(LanguageChoice.SYSTEM, vm.languageProperty().get());
        assertEquals(1, saved.size());
    }
}
