package io.callcard.call;

import java.time.Duration;
import java.util.Objects;

/**
 * How a call ended, as far as the companion knows: the failure code, the portal's words for it and the final talk
 * time. A real portal's widget never receives the code (protocol.md §2a: events reach it with their first argument
 * only) and often not even the final {@code idle}, so the outcome of an ended call is usually {@link State#PENDING}
 * first and learned a few seconds later from the portal's records ({@code voximplant.statistic.get}) or its
 * {@code ONVOXIMPLANTCALLEND} event, or known to be out of reach ({@link State#UNAVAILABLE}).
 *
 * @param state        where the outcome stands
 * @param failedCode   when {@link State#KNOWN}: the code verbatim ({@code "200"} is success), or null when the portal
 *                     recorded none; null otherwise
 * @param failedReason when known: the portal's own words for the code, {@code ""} when it gave none
 * @param talked       the portal's talk time ({@code CALL_DURATION}), or null when no source said it (the widget's
 *                     documented {@code failedCode} comes without one). Kept even while the outcome is pending or
 *                     unavailable: an END without a failure code still says how long the call talked
 * @param source       when known: who told us; null otherwise
 * @param missing      when {@link State#UNAVAILABLE}: why; null otherwise
 */
public record CallOutcome(State state, String failedCode, String failedReason, Duration talked, Source source,
                          Missing missing) {

    /** Where an outcome stands. */
    public enum State {
        /** The call has not ended (or there is no call): there is no outcome to speak of. */
        NONE,
        /** The call ended and nobody told us how yet: the portal's record usually appears some seconds later. */
        PENDING,
        /** The outcome is known. */
        KNOWN,
        /** The call ended and its outcome cannot be learned. */
        UNAVAILABLE
    }

    /** Who told us the outcome. */
    public enum Source {
        /** The widget's {@code CallStateChanged} with {@code failedCode}, as the documentation describes it. */
        WIDGET,
        /** The portal's server event {@code ONVOXIMPLANTCALLEND}. */
        SERVER_EVENT,
        /** The portal's call records, {@code voximplant.statistic.get} by CALL_ID. */
        STATISTICS
    }

    /** Why an outcome cannot be learned; each has words in the bundles. */
    public enum Missing {
        /** No portal credentials: neither a saved webhook or OAuth connection nor a widget's checked token pair. */
        NO_CREDENTIALS,
        /** The portal kept no record of the call, or not within the time the companion waits for one. */
        NO_RECORD,
        /** The portal refused or failed every look-up (rights, scope, outage). */
        PORTAL_ERROR
    }

    public static final CallOutcome NONE = new CallOutcome(State.NONE, null, "", null, null, null);
    public static final CallOutcome PENDING = new CallOutcome(State.PENDING, null, "", null, null, null);

    public CallOutcome {
        Objects.requireNonNull(state, "state");
        boolean known = state == State.KNOWN;
        failedCode = known && failedCode != null && !failedCode.isBlank() ? failedCode.trim() : null;
        failedReason = known && failedReason != null ? failedReason.trim() : "";
        talked = state != State.NONE && talked != null ? (talked.isNegative() ? Duration.ZERO : talked) : null;
        if (known) {
            Objects.requireNonNull(source, "source");
        } else {
            source = null;
        }
        if (state == State.UNAVAILABLE) {
            Objects.requireNonNull(missing, "missing");
        } else {
            missing = null;
        }
    }

    public static CallOutcome known(String failedCode, String failedReason, Duration talked, Source source) {
        return new CallOutcome(State.KNOWN, failedCode, failedReason, talked, source, null);
    }

    public static CallOutcome unavailable(Missing why) {
        return new CallOutcome(State.UNAVAILABLE, null, "", null, null, why);
    }

    public boolean isKnown() {
        return state == State.KNOWN;
    }

    public boolean isPending() {
        return state == State.PENDING;
    }

    /**
     * This known outcome with what it lacks taken from {@code later}: the first word on the code stays, a talk time
     * fills a gap, and so do words for the same code. An outcome that is not known yet simply becomes {@code later}.
     */
    CallOutcome completedBy(CallOutcome later) {
        if (!isKnown()) {
            return later.withTalked(firstSaid(talked, later.talked));
        }
        if (!later.isKnown()) {
            return withTalked(firstSaid(talked, later.talked));
        }
        String code = failedCode != null ? failedCode : later.failedCode;
        // the portal's words belong to its code: they describe ours only when both name the same one
        boolean sameCode = Objects.equals(code, later.failedCode);
        return new CallOutcome(State.KNOWN, code, failedReason.isEmpty() && sameCode ? later.failedReason
                : failedReason, firstSaid(talked, later.talked), source, null);
    }

    /** This outcome with the portal's talk time {@code portalTalked} (null: none said); a call with no outcome has none. */
    CallOutcome withTalked(Duration portalTalked) {
        return new CallOutcome(state, failedCode, failedReason, portalTalked, source, missing);
    }

    /**
     * The first talk time said, where a zero is no word at all: an END posted without {@code CALL_DURATION} reads as
     * zero, and must not hide the call record's figure that follows.
     */
    static Duration firstSaid(Duration first, Duration then) {
        if (first != null && !first.isZero()) {
            return first;
        }
        return then != null ? then : first;
    }
}
