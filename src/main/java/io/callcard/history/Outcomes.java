package io.callcard.history;

import io.callcard.call.CallDirection;
import io.callcard.call.CallFailureCodes;

/**
 * The one place that decides a call's {@link Outcome} from what is known of it: its direction, whether it connected,
 * whether it ended, and the portal's failure code (the table of {@link CallFailureCodes}, protocol.md §3). The
 * recorder, the seed command and the portal import all ask here, so one call never reads as two outcomes.
 */
public final class Outcomes {

    private Outcomes() {
    }

    /**
     * The outcome of a call.
     *
     * @param direction  which way it went
     * @param connected  whether anyone talked (a channel saw it connect, or the portal counted talk time)
     * @param ended      whether its end was heard
     * @param failedCode the portal's code verbatim, or null when none is known yet
     */
    public static Outcome of(CallDirection direction, boolean connected, boolean ended, String failedCode) {
        if (!ended) {
            return Outcome.IN_PROGRESS;
        }
        String code = CallFailureCodes.normalized(failedCode);
        // talked is talked: a code said afterwards (a transfer's 603, a hang-up's 603-S) does not undo it
        if (connected || CallFailureCodes.SUCCESS.equals(code)) {
            return Outcome.ANSWERED;
        }
        boolean outgoing = direction == CallDirection.OUTGOING || direction == CallDirection.CALLBACK;
        if (code == null || CallFailureCodes.MISSED.equals(code)) {
            // no word on why: an unanswered incoming call is missed, an outgoing one was stopped by the agent;
            // 304 on an outgoing call is the other side not answering, which the agent also reads as missed
            return outgoing && code == null ? Outcome.CANCELLED : Outcome.MISSED;
        }
        return switch (code) {
            case CallFailureCodes.BUSY -> Outcome.BUSY;
            case CallFailureCodes.DECLINED, CallFailureCodes.FORBIDDEN, CallFailureCodes.BLOCKED -> Outcome.DECLINED;
            // "call canceled": the agent stopped an outgoing call; on an incoming one the caller gave up
            case CallFailureCodes.CANCELED -> outgoing ? Outcome.CANCELLED : Outcome.MISSED;
            default -> Outcome.FAILED; // 404, 480, 484, 503, 402, OTHER and codes nobody documented
        };
    }
}
