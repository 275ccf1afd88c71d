package io.callcard.ui.history;

import static io.callcard.ui.history.PaneCalls.NOW;
import static io.callcard.ui.history.PaneCalls.unlinked;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callcard.call.CallDirection;
import io.callcard.history.Outcome;
import io.callcard.ui.Messages;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The history says numbers as the card does: read in the chosen region, hidden or unknown in words. */
class HistoryWordsTest {

    private final HistoryWords words = new HistoryWords(Messages.forLocale(Locale.ENGLISH), ZoneOffset.UTC);

    private String shown(String number) {
        return words.number(unlinked("n", NOW, number, CallDirection.INCOMING, Outcome.MISSED));
    }

    @Test
    void aNumberWithItsCountryCodeReadsInternationallyWhateverTheRegion() {
        assertEquals("+7 495 123-45-67", shown("+74951234567"));
        assertEquals("+49 30 123456", shown("+4930123456"));
    }

    @Test
    void aNumberWithoutItIsReadInTheChosenRegionAndFollowsItsChange() {
        AtomicReference<String> region = new AtomicReference<>("ZZ");
        words.readNumbersIn(region::get);
        assertEquals("84951234567", shown("84951234567"), "no region to read it in: shown as kept");
        region.set("RU");
        assertEquals("+7 495 123-45-67", shown("84951234567"));
        region.set("DE");
        assertEquals("+49 30 123456", shown("030123456"));
    }

    @Test
    void hiddenOrUnknownInWordsAndAnExtensionAsItIs() {
        assertEquals("Hidden number", shown(""));
        assertEquals("101", shown("101"));
    }
}
