package io.callcard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MessagesBundleTest {

    private static Properties bundle(String language) throws IOException {
        String path = "/io/callcard/i18n/messages_" + language + ".properties";
        try (InputStream in = MessagesBundleTest.class.getResourceAsStream(path)) {
            assertTrue(in != null, "missing " + path);
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    @Test
    void englishAndRussianHaveTheSameKeys() throws IOException {
        Set<String> en = new TreeSet<>(bundle("en").stringPropertyNames());
        Set<String> ru = new TreeSet<>(bundle("ru").stringPropertyNames());
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(ru);
        Set<String> onlyRu = new TreeSet<>(ru);
        onlyRu.removeAll(en);
        assertEquals(Set.of(), onlyEn, "keys missing from messages_ru");
        assertEquals(Set.of(), onlyRu, "keys missing from messages_en");
        assertFalse(en.isEmpty());
    }

    @Test
    void everyPatternIsAValidMessageFormatWithTheSameArgumentsInBothLanguages() throws IOException {
        Properties en = bundle("en");
        Properties ru = bundle("ru");
        for (String key : en.stringPropertyNames()) {
            MessageFormat enFormat = new MessageFormat(en.getProperty(key), Locale.ENGLISH);
            MessageFormat ruFormat = new MessageFormat(ru.getProperty(key), Locale.forLanguageTag("ru"));
            assertEquals(enFormat.getFormats().length, ruFormat.getFormats().length,
                    "argument count differs for " + key);
            assertFalse(ru.getProperty(key).isBlank(), "blank Russian text for " + key);
        }
    }

    @Test
    void russianTextIsReadAsUtf8() {
        assertEquals("Занято", Messages.forLocale(Locale.forLanguageTag("ru")).get("failure.486"));
    }

    @Test
    void unsupportedLanguageFallsBackToEnglish() {
        Messages m = Messages.forLocale(Locale.GERMAN);
        assertEquals("en", m.locale().getLanguage());
        assertEquals("Busy", m.get("failure.486"));
    }

    @Test
    void aMissingKeyIsVisibleNotFatal() {
        assertEquals("!no.such.key!", Messages.forLocale(Locale.ENGLISH).get("no.such.key"));
    }
}
