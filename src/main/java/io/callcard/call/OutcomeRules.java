package io.callcard.call;

import io.callcard.wire.CardCallState;
import java.time.Duration;
import java.time.Instant;

/**
 * How a call's end and outcome are learned when the widget cannot tell them (protocol.md §2a): the widget going away
 * mid-call ends the call with its outcome pending, and the outcome arrives afterwards from the portal's records.
 * {@link CallStateReducer} decides which call an event reaches and calls in here.
 */
final class OutcomeRules {

    private OutcomeRules() {
    }

    /**
     * The widget went away. Its card closed: a call still ringing or talking ended then, as far as the card can tell
     * (its final {@code idle} was lost with its iframe).
     */
    static void widgetGone(SnapshotDraft d, Instant at) {
        d.cardOpen = false;
        if (d.endedAt == null && d.state != CardCallState.IDLE) {
            d.state = CardCallState.IDLE;
            d.endedAt = at;
            d.outcome = CallOutcome.PENDING;
        }
    }

    /** The portal's record of the call; false when it is not about the call on the card, or that call runs. */
    static boolean learned(SnapshotDraft d, CallEvent.OutcomeLearned e) {
        if (!isAbout(d, e.callOpenedAt())) {
            return false;
        }
        CallOutcome told = CallOutcome.known(e.failedCode(), e.failedReason(), portalTalkTime(d, e.talked()),
                e.source());
        d.outcome = d.outcome.completedBy(told);
        if (e.talked() != null) {
            countBackAnswer(d, e.talked());
        }
        return true;
    }

    /** No outcome to be had; a known one stays. False when not about the call on the card, or that call runs. */
    static boolean unavailable(SnapshotDraft d, CallEvent.OutcomeUnavailable e) {
        if (!isAbout(d, e.callOpenedAt())) {
            return false;
        }
        if (!d.outcome.isKnown()) {
            d.outcome = CallOutcome.unavailable(e.reason()).withTalked(d.outcome.talked());
        }
        return true;
    }

    /**
     * The portal's talk time as the outcome keeps it. A zero for a call the card saw connected is taken as "not
     * said" (an END posted without {@code CALL_DURATION} reads as zero), so it never wipes the card's own count.
     */
    static Duration portalTalkTime(SnapshotDraft d, Duration talked) {
        if (talked == null || talked.isZero() && d.connectedAt != null) {
            return null;
        }
        return talked;
    }

    /** Answered, but no channel told us when: the portal's duration counts back from the end. */
    static void countBackAnswer(SnapshotDraft d, Duration talked) {
        if (d.connectedAt == null && d.endedAt != null && !talked.isZero()) {
            Instant answered = d.endedAt.minus(talked);
            d.connectedAt = answered.isBefore(d.openedAt) ? d.openedAt : answered;
        }
    }

    /** An outcome is about the call on the card when that call ended and, if it says which, is that very call. */
    private static boolean isAbout(SnapshotDraft d, Instant callOpenedAt) {
        return d.endedAt != null && (callOpenedAt == null || callOpenedAt.equals(d.openedAt));
    }
}
