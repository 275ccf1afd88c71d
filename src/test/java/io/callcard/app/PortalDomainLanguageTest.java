package io.callcard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The portal's language as its cloud zone tells it: the card's guess at the region of numbers without a code. */
class PortalDomainLanguageTest {

    @Test
    void aCountryZoneNamesItsLanguage() {
        assertEquals(Optional.of("ru"), PortalDomainLanguage.of(Optional.of("https://acme.bitrix24.ru")));
        assertEquals(Optional.of("de"), PortalDomainLanguage.of(Optional.of("https://acme.bitrix24.de")));
        assertEquals(Optional.of("br"), PortalDomainLanguage.of(Optional.of("https://acme.bitrix24.com.br")));
        assertEquals(Optional.of("kz"), PortalDomainLanguage.of(Optional.of("https://ACME.Bitrix24.KZ:443")));
    }

    @Test
    void anInternationalZoneAnOnPremisePortalOrNoPortalNamesNone() {
        assertEquals(Optional.empty(), PortalDomainLanguage.of(Optional.of("https://acme.bitrix24.com")));
        assertEquals(Optional.empty(), PortalDomainLanguage.of(Optional.of("https://acme.bitrix24.eu")));
        assertEquals(Optional.empty(), PortalDomainLanguage.of(Optional.of("https://crm.example.ru")));
        assertEquals(Optional.empty(), PortalDomainLanguage.of(Optional.of("not an address")));
        assertEquals(Optional.empty(), PortalDomainLanguage.of(Optional.empty()));
    }
}
