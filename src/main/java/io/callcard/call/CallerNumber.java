package io.callcard.call;

import java.util.Locale;

/**
 * The other party's number as the call card reports it. The portal has two ways of saying there is no number:
 * {@code "hidden"} (the caller withheld it) and absence or {@code "unknown"}; both are kept apart from real numbers.
 */
public record CallerNumber(Kind kind, String value) {

    public enum Kind { KNOWN, HIDDEN, UNKNOWN }

    public static final CallerNumber UNKNOWN = new CallerNumber(Kind.UNKNOWN, "");
    public static final CallerNumber HIDDEN = new CallerNumber(Kind.HIDDEN, "");

    public CallerNumber {
        value = value == null ? "" : value;
    }

    public static CallerNumber of(String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        String trimmed = raw.trim();
        return switch (trimmed.toLowerCase(Locale.ROOT)) {
            case "", "unknown", "undefined", "null" -> UNKNOWN;
            case "hidden" -> HIDDEN;
            default -> new CallerNumber(Kind.KNOWN, trimmed);
        };
    }

    public boolean isKnown() {
        return kind == Kind.KNOWN;
    }

    /** A new report of "unknown" must not erase a number we already know. */
    public CallerNumber orElse(CallerNumber known) {
        return kind == Kind.UNKNOWN ? known : this;
    }

    @Override
    public String toString() {
        return kind == Kind.KNOWN ? value : kind.name().toLowerCase(Locale.ROOT);
    }
}
