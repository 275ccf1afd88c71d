package io.callcard.numbers;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a number the portal reported ({@code PHONE_NUMBER}, {@code CALLER_ID}: "+74951234567", "84951234567",
 * "4951234567", "101") in a region. A number valid in that region (or, written with its country code, of a possible
 * length) is shown in the international format and dialled as E.164; anything else (an internal extension, a short
 * service number, a number that belongs to no region we know, text) is shown as given, never dropped or guessed at,
 * and dialled as its dialable characters.
 */
public final class PhoneNumbers {

    /** libphonenumber's "unknown region": only numbers with a country code can be read in it. */
    public static final String UNKNOWN_REGION = "ZZ";

    private PhoneNumbers() {
    }

    /** {@code raw} read in {@code region} (ISO 3166, or {@link #UNKNOWN_REGION}). */
    public static PhoneReading read(String raw, String region) {
        String text = Objects.requireNonNull(raw, "raw").trim();
        String dialable = dialable(text);
        if (dialable.replace("+", "").length() < 3) {
            return new PhoneReading(text, dialable); // too short to be anything but an extension
        }
        PhoneNumberUtil util = Library.UTIL;
        try {
            PhoneNumber number = util.parse(text, region == null ? UNKNOWN_REGION : region.toUpperCase(Locale.ROOT));
            // valid in its region; or, when the portal gave the country code itself, at least of a possible length
            if (util.isValidNumber(number) || text.startsWith("+") && util.isPossibleNumber(number)) {
                return new PhoneReading(util.format(number, PhoneNumberFormat.INTERNATIONAL),
                        util.format(number, PhoneNumberFormat.E164));
            }
        } catch (NumberParseException unreadable) {
            // shown as the portal gave it: the agent still sees what the portal saw
        }
        return new PhoneReading(text, dialable);
    }

    /**
     * The digits an agent of the number's own country dials for it: the national prefix and the national number
     * ("+74951234567" gives "84951234567", as in "8 (495) 123-45-67"; "+4930123456" gives "030123456"), from
     * libphonenumber's metadata. The call history indexes them, so a number is found by what the agent types. Empty
     * when {@code e164} is not a "+" and digits of a known country code.
     */
    public static Optional<String> nationalDigits(String e164) {
        if (e164 == null || e164.length() < 4 || e164.charAt(0) != '+') {
            return Optional.empty();
        }
        // country codes are prefix-free: the first one to name a region is the code (1 to 3 digits)
        for (int length = 1; length <= 3; length++) {
            String prefix = Library.nationalPrefix(e164.substring(1, 1 + length));
            if (prefix != null) {
                String national = e164.substring(1 + length);
                return national.chars().allMatch(Character::isDigit) ? Optional.of(prefix + national)
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * Loads the library and reads one number now. The first read costs about 0.7 s on a cold JVM here (class loading,
     * metadata, patterns), later ones microseconds: the application calls this on its start-up thread after the first
     * frame, so the first call's number is not read on the FX thread at that price.
     */
    public static void warmUp() {
        read("+74951234567", UNKNOWN_REGION);
    }

    /** Whether libphonenumber knows {@code region} (an ISO 3166 code it has metadata for). */
    public static boolean knowsRegion(String region) {
        return region != null && Library.UTIL.getSupportedRegions().contains(region.toUpperCase(Locale.ROOT));
    }

    /** Digits, {@code *} and {@code #}, and a plus only in front. */
    private static String dialable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' || c == '*' || c == '#' || c == '+' && out.length() == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Holder: the library and its metadata load on the first number read, not with this class. */
    private static final class Library {
        static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
        /** Country calling code to its main region's national prefix ("" for none); read once per code. */
        private static final Map<String, String> NATIONAL_PREFIXES = new ConcurrentHashMap<>();
        private static final String NO_COUNTRY = "-";

        /** The national prefix of country code {@code code} ("7" gives "8"), "" for none, null for no such code. */
        static String nationalPrefix(String code) {
            String prefix = NATIONAL_PREFIXES.computeIfAbsent(code, digits -> {
                if (!digits.chars().allMatch(Character::isDigit) || digits.startsWith("0")) {
                    return NO_COUNTRY;
                }
                String region = UTIL.getRegionCodeForCountryCode(Integer.parseInt(digits));
                if (UNKNOWN_REGION.equals(region)) {
                    return NO_COUNTRY;
                }
                String ndd = UTIL.getNddPrefixForRegion(region, true);
                return ndd == null ? "" : ndd;
            });
            return NO_COUNTRY.equals(prefix) ? null : prefix;
        }
    }
}
