package io.callcard.numbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numbers as the portal sends them, read for people and dialled as E.164. */
class PhoneNumbersTest {

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
            "+74951234567, ZZ, +7 495 123-45-67, +74951234567",
            "74951234567,  RU, +7 495 123-45-67, +74951234567",
            "84951234567,  RU, +7 495 123-45-67, +74951234567",
            "4951234567,   RU, +7 495 123-45-67, +74951234567",
            "'030 1234567', DE, +49 30 1234567,  +49301234567",
            "+4930123456,  RU, +49 30 123456,    +4930123456",
            "'+1 (202) 555-0143', ZZ, +1 202-555-0143, +12025550143"})
    void aNumberThatCanBeReadIsShownInternationallyAndDialledAsE164(String raw, String region, String reading,
                                                                     String dialled) {
        PhoneReading read = PhoneNumbers.read(raw, region);
        assertEquals(reading, read.forReading());
        assertEquals(dialled, read.asDialled());
        assertTrue(read.canDial());
    }

    @Test
    void aNumberWithoutCountryCodeInAnUnknownRegionIsShownAsGivenAndDialledAsItsDigits() {
        PhoneReading read = PhoneNumbers.read(" 495 123-45-67 ", PhoneNumbers.UNKNOWN_REGION);
        assertEquals("495 123-45-67", read.forReading());
        assertEquals("4951234567", read.asDialled());
    }

    @Test
    void anInternalExtensionStaysWhatItIs() {
        PhoneReading read = PhoneNumbers.read("101", "RU");
        assertEquals("101", read.forReading());
        assertEquals("101", read.asDialled());
    }

    @Test
    void textWithoutDigitsIsShownAndCannotBeDialled() {
        PhoneReading read = PhoneNumbers.read("anonymous", "RU");
        assertEquals("anonymous", read.forReading());
        assertEquals("", read.asDialled());
        assertFalse(read.canDial());
    }

    @Test
    void theAgentsRegionComesFirstThenThePortalsLanguageThenTheSystem() {
        assertEquals("DE", NumberRegions.choose("DE", "ru", Locale.US), "the agent's choice wins");
        assertEquals("RU", NumberRegions.choose(null, "ru", Locale.US), "the portal's language next");
        assertEquals("KZ", NumberRegions.choose(null, "kz", Locale.US));
        assertEquals("DE", NumberRegions.choose(null, "en", Locale.GERMANY), "English points at no country");
        assertEquals("DE", NumberRegions.choose(null, null, Locale.GERMANY), "no portal language: the system's");
        assertEquals("RU", NumberRegions.choose("XQ", "ru", Locale.US), "a region libphonenumber lacks is skipped");
        assertEquals(PhoneNumbers.UNKNOWN_REGION, NumberRegions.choose(null, "la", Locale.ENGLISH),
                "nothing points at a country: only numbers with a country code are read");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = {
            "+74951234567,  84951234567",   // 8 (495) 123-45-67
            "+4930123456,   030123456",     // 030 123456
            "+442071234567, 02071234567",   // 020 7123 4567
            "+12025550143,  12025550143",   // the US national prefix is 1
            "+999123456,    none",          // no such country code
            "74951234567,   none",          // not E.164
            "+7 495 123,    none",
            "101,           none"})
    void nationalDigitsAreThePrefixAndTheNationalNumber(String e164, String expected) {
        assertEquals(Optional.ofNullable(expected), PhoneNumbers.nationalDigits(e164));
    }
}
