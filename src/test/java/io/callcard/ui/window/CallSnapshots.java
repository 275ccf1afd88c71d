package io.callcard.ui.window;

import io.callcard.call.CallDirection;
import io.callcard.call.CallOutcome;
import io.callcard.call.CallSnapshot;
import io.callcard.call.CallerNumber;
import io.callcard.call.CrmNames;
import io.callcard.call.CrmRef;
import io.callcard.wire.CardCallState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Snapshots of one call at each moment the window's tests care about, built as the reducer would leave them. */
final class CallSnapshots {

    static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    private CallSnapshots() {
    }

    static CallSnapshot ringing(String callId, CallDirection direction, CallerNumber phone) {
        return new CallSnapshot(callId, phone, direction, CardCallState.CONNECTING, "", "", null, List.of(), null,
                false, CallOutcome.NONE, false, true, false, T0, null, null, T0, CrmNames.NONE);
    }

    static CallSnapshot connected(CallSnapshot s) {
        Instant at = T0.plusSeconds(5);
        return new CallSnapshot(s.callId(), s.phone(), s.direction(), CardCallState.CONNECTED, s.lineNumber(),
                s.lineName(), s.entity(), s.bindings(), s.activityId(), false, CallOutcome.NONE, s.autoCloseHeld(),
                true, false, s.openedAt(), at, null, at, s.crmNames());
    }

    /** Ended: the outcome still pending, as a real portal's widget leaves it. */
    static CallSnapshot ended(CallSnapshot s) {
        Instant at = T0.plusSeconds(30);
        return new CallSnapshot(s.callId(), s.phone(), s.direction(), CardCallState.IDLE, s.lineNumber(),
                s.lineName(), s.entity(), s.bindings(), s.activityId(), false, CallOutcome.PENDING, s.autoCloseHeld(),
                true, false, s.openedAt(), s.connectedAt(), at, at, s.crmNames());
    }

    /** Ended with {@code code}, as learned from the portal's records. */
    static CallSnapshot outcome(CallSnapshot s, String code, String reason) {
        Instant at = T0.plusSeconds(35);
        Instant ended = s.endedAt() != null ? s.endedAt() : at;
        return new CallSnapshot(s.callId(), s.phone(), s.direction(), CardCallState.IDLE, s.lineNumber(),
                s.lineName(), s.entity(), s.bindings(), s.activityId(), false,
                CallOutcome.known(code, reason, Duration.ZERO, CallOutcome.Source.STATISTICS), s.autoCloseHeld(),
                true, false, s.openedAt(), s.connectedAt(), ended, at, s.crmNames());
    }

    static CallSnapshot linked(CallSnapshot s, CrmRef entity, CrmNames names) {
        return new CallSnapshot(s.callId(), s.phone(), s.direction(), s.state(), s.lineNumber(), s.lineName(),
                entity, List.of(entity), s.activityId(), false, s.outcome(), s.autoCloseHeld(), s.cardOpen(),
                s.closing(), s.openedAt(), s.connectedAt(), s.endedAt(), s.updatedAt(), names);
    }
}
