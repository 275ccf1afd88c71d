package io.callcard.call;

import java.util.Locale;
import java.util.Map;

/**
 * The one place that knows the failure codes shared by {@code failedCode}, {@code CALL_FAILED_CODE} and
 * {@code STATUS_CODE} (protocol.md §3). Codes stay strings ({@code "603-S"} is one); an unknown code is not an error,
 * it is shown verbatim. Words live in the resource bundles under the key this class names.
 */
public final class CallFailureCodes {

    public static final String SUCCESS = "200";
    public static final String MISSED = "304";
    public static final String BUSY = "486";
    public static final String DECLINED = "603";
    public static final String CANCELED = "603-S";
    public static final String FORBIDDEN = "403";
    public static final String BLOCKED = "423";

    private static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("200", "failure.200"),
            Map.entry("304", "failure.304"),
            Map.entry("603", "failure.603"),
            Map.entry("603-S", "failure.603S"),
            Map.entry("403", "failure.403"),
            Map.entry("404", "failure.404"),
            Map.entry("486", "failure.486"),
            Map.entry("484", "failure.484"),
            Map.entry("503", "failure.503"),
            Map.entry("480", "failure.480"),
            Map.entry("402", "failure.402"),
            Map.entry("423", "failure.423"),
            Map.entry("OTHER", "failure.OTHER"));

    /** The bundle key for codes nobody documented; its text takes the raw code as argument {0}. */
    public static final String UNKNOWN_KEY = "failure.unknown";

    private CallFailureCodes() {
    }

    /** The resource-bundle key that describes {@code code}, or {@link #UNKNOWN_KEY}. */
    public static String messageKey(String code) {
        if (code == null) {
            return UNKNOWN_KEY;
        }
        return KEYS.getOrDefault(code.trim().toUpperCase(Locale.ROOT), UNKNOWN_KEY);
    }

    /** Whether {@code code} reports a failed call: anything present that is not 200. */
    public static boolean isFailure(String code) {
        return code != null && !code.isBlank() && !SUCCESS.equals(code.trim());
    }

    /** The code as the table spells it: trimmed, upper case ({@code "603-s"} is {@code "603-S"}); null for none. */
    public static String normalized(String code) {
        return code == null || code.isBlank() ? null : code.trim().toUpperCase(Locale.ROOT);
    }

    public static boolean isKnown(String code) {
        return code != null && KEYS.containsKey(code.trim().toUpperCase(Locale.ROOT));
    }
}
