package io.callcard.app;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The portal's language as its address tells it: Bitrix24's cloud portals live under a zone per country
 * ({@code acme.bitrix24.ru}, {@code .de}, {@code .kz}, {@code .com.br}), each with that country's language by default.
 * The card reads numbers without a country code in the region this points at, when the agent chose none
 * ({@code numbers.NumberRegions}). {@code .com}, {@code .eu} and on-premise addresses point nowhere.
 */
final class PortalDomainLanguage {

    private static final Map<String, String> LANGUAGE_OF_ZONE = Map.ofEntries(
            Map.entry("ru", "ru"), Map.entry("by", "by"), Map.entry("kz", "kz"), Map.entry("ua", "ua"),
            Map.entry("de", "de"), Map.entry("pl", "pl"), Map.entry("fr", "fr"), Map.entry("it", "it"),
            Map.entry("br", "br"), Map.entry("tr", "tr"), Map.entry("vn", "vn"), Map.entry("id", "id"),
            Map.entry("jp", "ja"), Map.entry("cn", "sc"));

    private PortalDomainLanguage() {
    }

    /** The language of the portal at {@code origin} ({@code https://host[:port]}), when its zone says one. */
    static Optional<String> of(Optional<String> origin) {
        return origin.flatMap(PortalDomainLanguage::hostOf).flatMap(host -> {
            if (!host.contains(".bitrix24.")) {
                return Optional.empty(); // on-premise: its address says nothing of its language
            }
            String zone = host.substring(host.lastIndexOf('.') + 1);
            return Optional.ofNullable(LANGUAGE_OF_ZONE.get(zone));
        });
    }

    private static Optional<String> hostOf(String origin) {
        try {
            String host = URI.create(origin).getHost();
            return host == null ? Optional.empty() : Optional.of(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException notAnAddress) {
            return Optional.empty();
        }
    }
}
