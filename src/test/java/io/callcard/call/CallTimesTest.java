package io.callcard.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.wire.CardCallState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The times the card shows, as the reducer keeps them: ringing, talk (the portal's word last) and the close countdown. */
class CallTimesTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    private static Instant t(double seconds) {
        return T0.plusMillis((long) (seconds * 1000));
    }

    private static CallSnapshot play(CallSnapshot from, CallEvent... events) {
        CallSnapshot s = from;
        for (CallEvent e : events) {
            s = CallStateReducer.reduce(s, e);
        }
        return s;
    }

    private static CallEvent.WidgetOpened opened(String id, double at, CardCallState state) {
        return new CallEvent.WidgetOpened(t(at), new CallCardStatus(id, CallerNumber.of("+74951234567"), "reg1", "",
                null, List.of(), null, CallDirection.INCOMING, state, false));
    }

    private static CallEvent.ServerCallEnded end(double at, long talkedSeconds, String code) {
        return new CallEvent.ServerCallEnded(t(at), "X", CallDirection.INCOMING, CallerNumber.UNKNOWN,
                Duration.ofSeconds(talkedSeconds), null, code, "", null);
    }

    /*
     * The bug: the portal's three posts often arrive in one burst (a relay, a portal catching up), and an END without
     * CALL_FAILED_CODE dropped CALL_DURATION, so the card counted START to END: 00:00 for a 42-second call.
     */
    @Test
    void serverEventsSaying42SecondsGiveA42SecondCallEvenWhenTheyArriveTogetherWithoutACode() {
        CallSnapshot s = play(CallSnapshot.EMPTY,
                new CallEvent.ServerCallStarted(t(0), "X", CallDirection.INCOMING, CallerNumber.of("+74951234567")),
                new CallEvent.ServerCallAnswered(t(0.01), "X", "1"),
                end(0.03, 42, null));
        assertEquals(CallDisplayState.ENDED, s.phase());
        assertTrue(s.outcome().isPending(), "no code yet: the record will tell how it ended");
        assertEquals(Duration.ofSeconds(42), s.talkTime(t(100)), "CALL_DURATION wins over the local clock");

        CallSnapshot learned = CallStateReducer.reduce(s, new CallEvent.OutcomeLearned(t(5), "X", s.openedAt(), "200",
                "", null, CallOutcome.Source.STATISTICS));
        assertEquals("200", learned.failedCode());
        assertEquals(Duration.ofSeconds(42), learned.talkTime(t(100)), "a record without a duration keeps the END's");

        CallSnapshot unavailable = CallStateReducer.reduce(s, new CallEvent.OutcomeUnavailable(t(5), "X",
                s.openedAt(), CallOutcome.Missing.NO_RECORD));
        assertEquals(Duration.ofSeconds(42), unavailable.talkTime(t(100)), "no record: the END's duration stays");
    }

    @Test
    void serverEventsWithACodeGiveThePortalsTalkTime() {
        CallSnapshot s = play(CallSnapshot.EMPTY,
                new CallEvent.ServerCallStarted(t(0), "X", CallDirection.INCOMING, CallerNumber.of("+74951234567")),
                new CallEvent.ServerCallAnswered(t(0.01), "X", "1"),
                end(0.03, 42, "200"));
        assertEquals(Duration.ofSeconds(42), s.talkTime(t(100)));
    }

    @Test
    void anEndWithoutDurationDoesNotHideTheRecordsDurationThatFollows() {
        CallSnapshot s = play(CallSnapshot.EMPTY,
                new CallEvent.ServerCallStarted(t(0), "X", CallDirection.INCOMING, CallerNumber.of("+74951234567")),
                end(50, 0, "200"));
        assertFalse(s.wasConnected());
        CallSnapshot learned = CallStateReducer.reduce(s, new CallEvent.OutcomeLearned(t(55), "X", s.openedAt(),
                "200", "", Duration.ofSeconds(42), CallOutcome.Source.STATISTICS));
        assertTrue(learned.wasConnected());
        assertEquals(Duration.ofSeconds(42), learned.talkTime(t(100)));
    }

    @Test
    void aCardOpenedWhileRingingRingsFromThenUntilAnswered() {
        CallSnapshot ringing = play(CallSnapshot.EMPTY, opened("A", 0, CardCallState.CONNECTING));
        assertEquals(t(0), ringing.ringingSince());
        assertEquals(Duration.ofSeconds(12), ringing.ringTime(t(12)));

        CallSnapshot answered = CallStateReducer.reduce(ringing,
                new CallEvent.StateChanged(t(15), "A", CardCallState.CONNECTED, null));
        assertEquals(Duration.ofSeconds(15), answered.ringTime(t(100)), "ringing stops at the answer");

        CallSnapshot missed = CallStateReducer.reduce(ringing,
                new CallEvent.StateChanged(t(20), "A", CardCallState.IDLE, "304"));
        assertEquals(Duration.ofSeconds(20), missed.ringTime(t(100)), "or at the end of a call never answered");
    }

    @Test
    void anOutgoingCardOpenedIdleRingsOnlyOnceDialled() {
        CallSnapshot ready = play(CallSnapshot.EMPTY, opened("B", 0, CardCallState.IDLE));
        assertNull(ready.ringingSince());
        assertEquals(Duration.ZERO, ready.ringTime(t(30)));
        CallSnapshot dialling = CallStateReducer.reduce(ready,
                new CallEvent.StateChanged(t(30), "B", CardCallState.CONNECTING, null));
        assertEquals(Duration.ofSeconds(4), dialling.ringTime(t(34)));
    }

    @Test
    void aReusedCallIdRingsAfresh() {
        CallSnapshot first = play(CallSnapshot.EMPTY, opened("C", 0, CardCallState.CONNECTING),
                new CallEvent.StateChanged(t(10), "C", CardCallState.IDLE, "304"));
        CallSnapshot again = CallStateReducer.reduce(first,
                new CallEvent.StateChanged(t(600), "C", CardCallState.CONNECTING, null));
        assertEquals(t(600), again.ringingSince());
    }

    /** A call that ended with its card held open by the agent. */
    private static CallSnapshot heldAfterTheCall() {
        return play(CallSnapshot.EMPTY, opened("H", 0, CardCallState.CONNECTED),
                new CallEvent.AutoCloseChanged(t(5), "H", true),
                new CallEvent.StateChanged(t(60), "H", CardCallState.IDLE, null));
    }

    @Test
    void theFirstCloseAttemptOfAHeldCardStartsItsSixtyFiveSeconds() {
        CallSnapshot held = heldAfterTheCall();
        assertFalse(held.closeCountdownRuns());
        CallSnapshot closing = CallStateReducer.reduce(held, new CallEvent.BeforeClose(t(61), "H"));
        assertTrue(closing.closeCountdownRuns());
        assertEquals(Duration.ofSeconds(65), closing.closesIn(t(61)));
        assertEquals(Duration.ofSeconds(48), closing.closesIn(t(78)));
        assertEquals(Duration.ZERO, closing.closesIn(t(200)), "never below zero");

        CallSnapshot second = CallStateReducer.reduce(closing, new CallEvent.BeforeClose(t(90), "H"));
        assertEquals(Duration.ofSeconds(36), second.closesIn(t(90)), "the second attempt is the close, not a restart");
    }

    @Test
    void theCountdownStartsAgainWhenTheCardConfirmsAHoldWhileItRuns() {
        CallSnapshot closing = CallStateReducer.reduce(heldAfterTheCall(), new CallEvent.BeforeClose(t(61), "H"));
        CallSnapshot released = CallStateReducer.reduce(closing, new CallEvent.AutoCloseChanged(t(70), "H", false));
        assertFalse(released.closeCountdownRuns(), "let close: the card closes at once, no countdown to show");
        CallSnapshot heldAgain = CallStateReducer.reduce(closing, new CallEvent.AutoCloseChanged(t(80), "H", true));
        assertEquals(Duration.ofSeconds(65), heldAgain.closesIn(t(80)), "disableAutoClose restarts it at 65 s");
        assertEquals(Duration.ofSeconds(55), heldAgain.closesIn(t(90)));
    }

    @Test
    void aCardNotHeldCountsDownOnlyFromTheHoldItGetsAfterTryingToClose() {
        CallSnapshot unheld = play(CallSnapshot.EMPTY, opened("U", 0, CardCallState.CONNECTED),
                new CallEvent.StateChanged(t(30), "U", CardCallState.IDLE, null),
                new CallEvent.BeforeClose(t(31), "U"));
        assertFalse(unheld.closeCountdownRuns());
        CallSnapshot held = CallStateReducer.reduce(unheld, new CallEvent.AutoCloseChanged(t(40), "U", true));
        assertTrue(held.closeCountdownRuns());
        assertEquals(Duration.ofSeconds(65), held.closesIn(t(40)));
    }

    @Test
    void theCountdownEndsWithTheCardAndANewCardForgetsIt() {
        CallSnapshot closing = CallStateReducer.reduce(heldAfterTheCall(), new CallEvent.BeforeClose(t(61), "H"));
        CallSnapshot gone = CallStateReducer.reduce(closing, new CallEvent.BridgeLost(t(126), "H"));
        assertFalse(gone.closeCountdownRuns());
        assertEquals(Duration.ZERO, gone.closesIn(t(126)));
        CallSnapshot reopened = CallStateReducer.reduce(closing, opened("H", 70, CardCallState.IDLE));
        assertNull(reopened.closeCountdownFrom());
    }
}
