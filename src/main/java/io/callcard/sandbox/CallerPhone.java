package io.callcard.sandbox;

import java.util.Objects;

/**
 * What the call card knows about the other party's number. Bitrix24 distinguishes three cases, and each reaches the
 * widget differently: a known number is sent as is, a withheld one as {@code "hidden"}, and an unknown one is left out
 * of getStatus and sent as {@code "unknown"} in EntityChanged (PROTOCOL.md §2).
 */
public record CallerPhone(Kind kind, NumberPlan plan) {

    public enum Kind { KNOWN, HIDDEN, UNKNOWN }

    public CallerPhone {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.KNOWN && plan == null) {
            throw new IllegalArgumentException("a known number needs a number plan to draw it from");
        }
        if (kind != Kind.KNOWN && plan != null) {
            throw new IllegalArgumentException("only a known number has a number plan");
        }
    }

    public static CallerPhone known(NumberPlan plan) {
        return new CallerPhone(Kind.KNOWN, plan);
    }

    /** The caller withheld the number. */
    public static CallerPhone hidden() {
        return new CallerPhone(Kind.HIDDEN, null);
    }

    /** The telephony gave the card no number at all. */
    public static CallerPhone unknown() {
        return new CallerPhone(Kind.UNKNOWN, null);
    }
}
