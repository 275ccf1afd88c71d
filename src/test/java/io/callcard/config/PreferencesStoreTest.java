package io.callcard.config;

import io.callcard.prefs.Preferences;
import io.callcard.prefs.Theme;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreferencesStoreTest {

    @TempDir
    Path dir;

    @Test
    void preferencesSurviveARoundTripAndDefaultsAreNotWritten() throws Exception {
        PreferencesStore store = new PreferencesStore(dir.resolve("new-config"));
        Preferences p = Preferences.DEFAULTS.withTheme(Theme.DARK).withCompact(true)
                .withNotifications(null, false, null).withLanguage("ru").withNumberRegion("DE");
        store.save(p);
        assertEquals(new PreferencesStore.Loaded(p, List.of()), store.load());
        String text = Files.readString(store.file());
        assertTrue(text.contains("theme=dark"), text);
        assertFalse(text.contains("notifyIncoming"), "a default is not written: " + text);
    }

    @Test
    void noFileMeansTheDefaults() {
        PreferencesStore.Loaded loaded = new PreferencesStore(dir).load();
        assertEquals(Preferences.DEFAULTS, loaded.preferences());
        assertEquals(List.of(), loaded.skipped());
        assertEquals(Theme.SYSTEM, loaded.preferences().effectiveTheme());
        assertTrue(loaded.preferences().effectiveNotifyMissed());
        assertFalse(loaded.preferences().effectiveAlwaysOnTop());
    }

    @Test
    void aBadValueIsSkippedAndNamedWhileTheOthersApply() throws Exception {
        Files.writeString(dir.resolve(PreferencesStore.FILE_NAME),
                "theme=purple\ncompact=yes\nalwaysOnTop=true\nlanguage=de\nnumberRegion=ru\nnotifyFailed=false\n");
        PreferencesStore.Loaded loaded = new PreferencesStore(dir).load();
        assertEquals(List.of("theme", "language", "numberRegion", "compact"), loaded.skipped());
        assertEquals(Preferences.DEFAULTS.withAlwaysOnTop(true).withNotifications(null, null, false),
                loaded.preferences());
    }

    @Test
    void aValueOutsideItsRuleIsRefusedAndNothingIsWritten() {
        PreferencesStore store = new PreferencesStore(dir);
        for (Preferences wrong : List.of(Preferences.DEFAULTS.withLanguage("de"),
                Preferences.DEFAULTS.withNumberRegion("ru"), Preferences.DEFAULTS.withNumberRegion("XX"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.save(wrong));
            assertTrue(e.getMessage().startsWith("language") || e.getMessage().startsWith("numberRegion"));
            assertFalse(Files.exists(store.file()), "a refused save writes nothing");
        }
    }
}
