package io.callcard.call;

import io.callcard.wire.CardCallState;
import java.time.Duration;

/**
 * What the portal's server-side telephony events (protocol.md §5) mean for the call card; {@link CallStateReducer}
 * decides which call they reach and calls in here. The widget sees the card itself, the server sees the telephone:
 * where both speak about one CALL_ID, each fills in what the other left unknown, and the first word on how the call
 * ended (the failure code) stays.
 *
 * <ul>
 *   <li>The portal posts these for every call on every line and does not promise their order, so they never
 *       resurrect a call: an INIT or START for a call that already ended is a late or repeated delivery and is
 *       dropped. (A CALL_ID the portal reuses for a new call is recognised by the widget, which sees the card
 *       open again.)</li>
 *   <li>INIT moves a call that is not ringing yet (an outgoing card opened idle) to connecting; START to connected;
 *       END to idle with its code. None of them moves a call backwards.</li>
 *   <li>END for a call that already ended only adds what is missing: the code, the activity, the talk time, the
 *       direction and number. END with a code makes the call's outcome known ({@link CallOutcome.Source#SERVER_EVENT});
 *       without one the outcome stays pending, but its {@code CALL_DURATION} is kept as the talk time all the same
 *       (an END without a code once left the card counting from the events' arrival: 00:00 for a 42-second call).</li>
 * </ul>
 */
final class ServerCallRules {

    private ServerCallRules() {
    }

    /** INIT; false when it came too late to mean anything. */
    static boolean started(SnapshotDraft d, CallEvent.ServerCallStarted e) {
        if (d.endedAt != null) {
            return false;
        }
        fillIn(d, e.direction(), e.phone());
        if (d.state == CardCallState.IDLE) {
            CallStateReducer.applyState(d, CardCallState.CONNECTING, null, e.at());
        }
        return true;
    }

    /** START; false when it came too late to mean anything. */
    static boolean answered(SnapshotDraft d, CallEvent.ServerCallAnswered e) {
        if (d.endedAt != null) {
            return false;
        }
        CallStateReducer.applyState(d, CardCallState.CONNECTED, null, e.at());
        return true;
    }

    /** END: ends the call, or completes an ended one. Always heard. */
    static boolean ended(SnapshotDraft d, CallEvent.ServerCallEnded e) {
        fillIn(d, e.direction(), e.phone());
        if (d.activityId == null) {
            d.activityId = e.activityId();
        }
        Duration talked = OutcomeRules.portalTalkTime(d, e.talked());
        CallOutcome told = e.failedCode() == null ? null : CallOutcome.known(e.failedCode(), e.failedReason(),
                talked, CallOutcome.Source.SERVER_EVENT);
        if (d.endedAt == null) {
            d.state = CardCallState.IDLE;
            d.endedAt = e.at();
            d.outcome = told != null ? told : CallOutcome.PENDING.withTalked(talked);
        } else if (told != null) {
            d.outcome = d.outcome.completedBy(told);
        } else {
            // no code, but CALL_DURATION still is the portal's talk time: the card's own count must not win over it
            d.outcome = d.outcome.withTalked(CallOutcome.firstSaid(d.outcome.talked(), talked));
        }
        OutcomeRules.countBackAnswer(d, e.talked());
        return true;
    }

    /** The widget's direction and number are the card's own words: the server's only fill gaps. */
    private static void fillIn(SnapshotDraft d, CallDirection direction, CallerNumber phone) {
        if (d.direction == CallDirection.UNKNOWN) {
            d.direction = direction;
        }
        if (d.phone.kind() == CallerNumber.Kind.UNKNOWN) {
            d.phone = phone;
        }
    }
}
