package io.callcard.numbers;

import java.util.Locale;
import java.util.Map;

/**
 * The region a number without a country code is read in: the one the agent chose ({@code Preferences.numberRegion}),
 * else the one the portal's language points at, else the system's. Bitrix24 names its portal languages with two
 * letters ({@code LANG}: ru, de, ua, kz, br, ...); only those that belong to one country point at a region: "en" and
 * "la" (Latin American Spanish) do not, and fall through to the system's region.
 */
public final class NumberRegions {

    private static final Map<String, String> REGION_OF_PORTAL_LANGUAGE = Map.ofEntries(
            Map.entry("ru", "RU"), Map.entry("de", "DE"), Map.entry("ua", "UA"), Map.entry("uk", "UA"),
            Map.entry("kz", "KZ"), Map.entry("by", "BY"), Map.entry("pl", "PL"), Map.entry("fr", "FR"),
            Map.entry("it", "IT"), Map.entry("tr", "TR"), Map.entry("br", "BR"), Map.entry("vn", "VN"),
            Map.entry("id", "ID"), Map.entry("ja", "JP"), Map.entry("th", "TH"), Map.entry("ms", "MY"),
            Map.entry("sc", "CN"), Map.entry("tc", "TW"));

    private NumberRegions() {
    }

    /**
     * @param chosen         the agent's region, or null
     * @param portalLanguage the portal's two-letter language, or null when not known
     * @param system         the operating system's locale
     * @return an ISO 3166 region libphonenumber knows, or {@link PhoneNumbers#UNKNOWN_REGION}
     */
    public static String choose(String chosen, String portalLanguage, Locale system) {
        if (PhoneNumbers.knowsRegion(chosen)) {
            return chosen.toUpperCase(Locale.ROOT);
        }
        String fromPortal = ofPortalLanguage(portalLanguage);
        if (fromPortal != null) {
            return fromPortal;
        }
        String country = system == null ? "" : system.getCountry();
        return PhoneNumbers.knowsRegion(country) ? country.toUpperCase(Locale.ROOT) : PhoneNumbers.UNKNOWN_REGION;
    }

    /** The region a portal language points at, or null. */
    static String ofPortalLanguage(String language) {
        return language == null ? null : REGION_OF_PORTAL_LANGUAGE.get(language.trim().toLowerCase(Locale.ROOT));
    }
}
