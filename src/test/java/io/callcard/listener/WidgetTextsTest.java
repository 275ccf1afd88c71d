package io.callcard.listener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The widget and install pages' words: every state the bridge shows has a text in English and in Russian. */
class WidgetTextsTest {

    @Test
    void englishAndRussianSayTheSameThingsAndEveryPageStateHasWords() {
        Map<String, String> en = WidgetTexts.forLanguage("en");
        Map<String, String> ru = WidgetTexts.forLanguage("ru");
        assertEquals(en.keySet(), ru.keySet());
        for (String key : List.of("loading", "connected", "offline", "expired", "nobx24", "notcallcard", "firstTab",
                "installFirstTab", "installOutside")) {
            assertFalse(en.get(key).isBlank(), key);
            assertNotEquals(en.get(key), ru.get(key), key + " is translated");
        }
    }

    @Test
    void thePortalsLanguageChoosesRussianAndEverythingElseIsEnglish() {
        assertEquals("ru", WidgetTexts.language(" RU "));
        assertEquals("en", WidgetTexts.language("de"));
        assertEquals("en", WidgetTexts.language(null));
    }
}
