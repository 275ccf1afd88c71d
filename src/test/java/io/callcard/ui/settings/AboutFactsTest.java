package io.callcard.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.ui.Messages;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The About section's words: the version as the pom gives it, and the agent's three folders, in both languages. */
class AboutFactsTest {

    private final AboutFacts facts = new AboutFacts("0.1.0", Path.of("/home/anna/.config/callcard-companion"),
            Path.of("/home/anna/.local/share/callcard-companion"),
            Path.of("/home/anna/.local/state/callcard-companion/logs"));

    @Test
    void itNamesTheVersionAndEachFolderOnItsOwnLine() {
        Messages english = Messages.forLocale(Locale.ENGLISH);
        assertEquals("CallCard Companion 0.1.0", facts.versionText(english));
        assertEquals("Settings: /home/anna/.config/callcard-companion\n"
                + "Data (the call history, once it lands): /home/anna/.local/share/callcard-companion\n"
                + "Logs: /home/anna/.local/state/callcard-companion/logs", facts.foldersText(english));
    }

    @Test
    void inRussianTooWithTheSamePaths() {
        Messages russian = Messages.forLocale(Locale.forLanguageTag("ru"));
        String folders = facts.foldersText(russian);
        assertTrue(folders.startsWith("Настройки: /home/anna/.config/callcard-companion\n"), folders);
        assertTrue(folders.contains("Журналы: /home/anna/.local/state/callcard-companion/logs"), folders);
        assertTrue(russian.get("settings.about.kept").startsWith("При удалении пакета"));
    }

    @Test
    void aVersionIsRequired() {
        assertThrows(NullPointerException.class, () -> new AboutFacts(null, Path.of("a"), Path.of("b"), Path.of("c")));
    }
}
