package io.callcard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callcard.prefs.Preferences;
import io.callcard.prefs.Theme;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreferencesModelTest {

    private final List<Preferences> saved = new ArrayList<>();
    private final PreferencesModel model = new PreferencesModel(Preferences.DEFAULTS, saved::add);

    @Test
    void aChangeAppliesAtOnceAndIsSavedOnce() {
        List<Preferences> seen = new ArrayList<>();
        model.currentProperty().addListener((obs, old, now) -> seen.add(now));
        model.change(p -> p.withCompact(true));
        assertEquals(List.of(Preferences.DEFAULTS.withCompact(true)), seen);
        assertEquals(seen, saved);
    }

    @Test
    void aChangeThatChangesNothingIsNotSaved() {
        model.change(p -> p.withTheme(null));
        assertEquals(List.of(), saved);
    }

    @Test
    void adoptedPreferencesApplyWithoutASecondSave() {
        model.adopt(Preferences.DEFAULTS.withTheme(Theme.DARK));
        assertEquals(Theme.DARK, model.current().effectiveTheme());
        assertEquals(List.of(), saved);
    }
}
