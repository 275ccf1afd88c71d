package io.callcard.call;

import static io.callcard.call.CallFixtures.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.wire.CardCallState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallSnapshotTest {

    private static CallSnapshot call(Instant connectedAt, Instant endedAt, String failedCode) {
        CallOutcome outcome = endedAt == null ? CallOutcome.NONE : failedCode == null ? CallOutcome.PENDING
                : CallOutcome.known(failedCode, "", null, CallOutcome.Source.WIDGET);
        return withOutcome(connectedAt, endedAt, outcome);
    }

    private static CallSnapshot withOutcome(Instant connectedAt, Instant endedAt, CallOutcome outcome) {
        return new CallSnapshot("A", CallerNumber.UNKNOWN, CallDirection.INCOMING,
                endedAt != null ? CardCallState.IDLE : connectedAt != null ? CardCallState.CONNECTED : CardCallState.CONNECTING,
                "", "", null, List.of(), null, false, outcome, false, true, false, t(0), connectedAt, endedAt,
                endedAt != null ? endedAt : t(0), CrmNames.NONE);
    }

    @Test
    void talkTimeIsZeroWhenNeverConnected() {
        assertEquals(Duration.ZERO, call(null, null, null).talkTime(t(100)));
        assertEquals(Duration.ZERO, call(null, t(30), "304").talkTime(t(100)));
        assertEquals(Duration.ZERO, CallSnapshot.EMPTY.talkTime(t(100)));
    }

    @Test
    void talkTimeRunsFromConnectToEndOrNow() {
        assertEquals(Duration.ofSeconds(55), call(t(5), t(60), null).talkTime(t(1_000)));
        assertEquals(Duration.ofSeconds(95), call(t(5), null, null).talkTime(t(100)));
    }

    @Test
    void talkTimeIsNeverNegative() {
        assertEquals(Duration.ZERO, call(t(50), null, null).talkTime(t(10)), "now before the connect");
        assertEquals(Duration.ZERO, call(t(50), t(40), null).talkTime(t(100)), "end stamped before the connect");
        assertEquals(Duration.ZERO, call(t(50), t(50), null).talkTime(t(100)));
    }

    @Test
    void phaseFollowsTheFields() {
        assertEquals(CallDisplayState.NO_CALL, CallSnapshot.EMPTY.phase());
        assertEquals(CallDisplayState.CONNECTING, call(null, null, null).phase());
        assertEquals(CallDisplayState.CONNECTED, call(t(5), null, null).phase());
        assertEquals(CallDisplayState.ENDED, call(t(5), t(60), null).phase());
        assertEquals(CallDisplayState.ENDED, call(t(5), t(60), "200").phase());
        assertEquals(CallDisplayState.FAILED, call(null, t(60), "486").phase());
        assertEquals(CallDisplayState.FAILED, call(null, t(60), "499").phase());
    }

    @Test
    void sameExceptUpdatedAtIgnoresOnlyUpdatedAt() {
        CallSnapshot a = call(t(5), null, null);
        CallSnapshot later = new CallSnapshot(a.callId(), a.phone(), a.direction(), a.state(), a.lineNumber(),
                a.lineName(), a.entity(), a.bindings(), a.activityId(), a.callListMode(), a.outcome(),
                a.autoCloseHeld(), a.cardOpen(), a.closing(), a.openedAt(), a.connectedAt(), a.endedAt(), t(99),
                a.crmNames());
        CallSnapshot closing = new CallSnapshot(a.callId(), a.phone(), a.direction(), a.state(), a.lineNumber(),
                a.lineName(), a.entity(), a.bindings(), a.activityId(), a.callListMode(), a.outcome(),
                a.autoCloseHeld(), a.cardOpen(), true, a.openedAt(), a.connectedAt(), a.endedAt(), a.updatedAt(),
                a.crmNames());
        assertTrue(a.sameExceptUpdatedAt(later));
        assertTrue(later.sameExceptUpdatedAt(a));
        assertFalse(a.sameExceptUpdatedAt(closing));
        assertFalse(a.sameExceptUpdatedAt(null));
    }

    @Test
    void nullsBecomeTheirNeutralValues() {
        CallSnapshot s = new CallSnapshot("A", null, null, CardCallState.IDLE, null, null, null, null, null, false, null,
                false, false, false, t(0), null, null, t(0), null);
        assertEquals(CallerNumber.UNKNOWN, s.phone());
        assertEquals(CallDirection.UNKNOWN, s.direction());
        assertEquals("", s.lineNumber());
        assertEquals("", s.lineName());
        assertEquals(List.of(), s.bindings());
        assertEquals(CallOutcome.NONE, s.outcome());
        assertEquals(CrmNames.NONE, s.crmNames());
        assertNull(s.failedCode());
    }

    @Test
    void thePortalsTalkTimeWinsOnceTheOutcomeBringsOne() {
        CallOutcome recorded = CallOutcome.known("200", "", Duration.ofSeconds(52), CallOutcome.Source.STATISTICS);
        assertEquals(Duration.ofSeconds(52), withOutcome(t(5), t(60), recorded).talkTime(t(1_000)));
        CallOutcome noDuration = CallOutcome.known("486", "Busy", null, CallOutcome.Source.WIDGET);
        assertEquals(Duration.ofSeconds(55), withOutcome(t(5), t(60), noDuration).talkTime(t(1_000)));
    }

    @Test
    void anEndedCallWithItsOutcomePendingIsEndedNotFailed() {
        CallSnapshot pending = withOutcome(null, t(30), CallOutcome.PENDING);
        assertEquals(CallDisplayState.ENDED, pending.phase());
        assertNull(pending.failedCode());
        CallSnapshot unknown = withOutcome(null, t(30), CallOutcome.unavailable(CallOutcome.Missing.NO_RECORD));
        assertEquals(CallDisplayState.ENDED, unknown.phase());
        assertEquals(CallDisplayState.FAILED, withOutcome(null, t(30), CallOutcome.known("486", "Busy", Duration.ZERO,
                CallOutcome.Source.STATISTICS)).phase());
    }
}
