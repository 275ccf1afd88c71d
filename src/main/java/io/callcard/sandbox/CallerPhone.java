package io.callcard.sandbox;

import java.util.Objects;

/**
 * What the call card knows about the other party's number. Bitrix24 distinguishes three cases, and each reaches the
 * widget differently: a known number is sent as is, a withheld one as {@code "hidden"}, and an unknown one is left out
 * of getStatus and sent as {@code "unknown"} in EntityChanged (protocol.md §2). A fourth case exists only in
 * scenarios: the number of an earlier call ({@code sameAsCall}, counted from 1), so that one number can call twice
 * within minutes, the case that makes Bitrix24 hand out the same CALL_ID twice (protocol.md §6).
 */
public record CallerPhone(Kind kind, NumberPlan plan, int sameAsCall) {

    public enum Kind { KNOWN, HIDDEN, UNKNOWN, SAME_AS }

    public CallerPhone {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.KNOWN && plan == null) {
            throw new IllegalArgumentException("a known number needs a number plan to draw it from");
        }
        if (kind != Kind.KNOWN && plan != null) {
            throw new IllegalArgumentException("only a known number has a number plan");
        }
        if (kind == Kind.SAME_AS && sameAsCall < 1) {
            throw new IllegalArgumentException("calls are counted from 1: " + sameAsCall);
        }
        if (kind != Kind.SAME_AS && sameAsCall != 0) {
            throw new IllegalArgumentException("only a repeated number names an earlier call");
        }
    }

    public CallerPhone(Kind kind, NumberPlan plan) {
        this(kind, plan, 0);
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

    /** Whatever number call {@code callNumber} (from 1, earlier in the same scenario) had. */
    public static CallerPhone sameAsCall(int callNumber) {
        return new CallerPhone(Kind.SAME_AS, null, callNumber);
    }
}
