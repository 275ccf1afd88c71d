package io.callcard.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallCardStatus;
import io.callcard.call.CallDirection;
import io.callcard.call.CallEvent;
import io.callcard.call.CallOutcome;
import io.callcard.call.CallSnapshot;
import io.callcard.call.CallStateReducer;
import io.callcard.call.CallUpdate;
import io.callcard.call.CallerNumber;
import io.callcard.ui.Messages;
import io.callcard.wire.CardCallState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The missed-calls count, without the toolkit: every event goes through the real reducer, and the watcher hears each
 * update as the tracker would tell it (only those that change something).
 */
class MissedCallsTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    private final MissedCalls missed = new MissedCalls(Messages.forLocale(Locale.ENGLISH));
    private final Consumer<CallUpdate> watcher = missed.watcher(Runnable::run);
    private final List<Integer> counts = new ArrayList<>();
    private CallSnapshot snapshot = CallSnapshot.EMPTY;

    {
        missed.countProperty().addListener((obs, old, now) -> counts.add(now.intValue()));
    }

    private void apply(CallEvent event) {
        CallSnapshot previous = snapshot;
        snapshot = CallStateReducer.reduce(previous, event);
        if (!snapshot.sameExceptUpdatedAt(previous)) {
            watcher.accept(new CallUpdate(event, previous, snapshot));
        }
    }

    private static Instant t(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private static CallCardStatus card(String callId, CallDirection direction, CardCallState state) {
        return new CallCardStatus(callId, CallerNumber.of("+4930123456"), "reg1", "Sales", null, List.of(), null,
                direction, state, false);
    }

    /** The widget opens on a ringing card, which closes at {@code end} without anyone answering. */
    private void ringsAndCloses(String callId, CallDirection direction, long at, long end) {
        apply(new CallEvent.WidgetOpened(t(at), card(callId, direction, CardCallState.CONNECTING)));
        apply(new CallEvent.StatusPolled(t(at + 1), card(callId, direction, CardCallState.CONNECTING)));
        apply(new CallEvent.BridgeLost(t(end), callId));
    }

    private void answered(String callId, CallDirection direction, long at) {
        apply(new CallEvent.WidgetOpened(t(at), card(callId, direction, CardCallState.CONNECTING)));
        apply(new CallEvent.StatusPolled(t(at + 2), card(callId, direction, CardCallState.CONNECTED)));
        apply(new CallEvent.BridgeLost(t(at + 30), callId));
    }

    @Test
    void theCountRisesByOneForEachIncomingCallThatRangHereAndWasNeverAnswered() {
        assertEquals(0, missed.countProperty().get());
        assertFalse(missed.anyProperty().get());
        assertEquals("", missed.badgeTextProperty().get());

        ringsAndCloses("first", CallDirection.INCOMING, 0, 20);
        assertEquals(1, missed.countProperty().get());
        assertEquals("1 missed", missed.badgeTextProperty().get());
        assertEquals("1 missed call since you last looked. Press to mark them seen.",
                missed.accessibleTextProperty().get());
        assertTrue(missed.anyProperty().get());

        ringsAndCloses("second", CallDirection.INCOMING_TRANSFER, 60, 75);
        assertEquals(2, missed.countProperty().get());
        assertEquals("2 missed", missed.badgeTextProperty().get());
        assertEquals("2 missed calls since you last looked. Press to mark them seen.",
                missed.accessibleTextProperty().get());
        assertEquals(List.of(1, 2), counts);
    }

    @Test
    void answeredAndOutgoingCallsAreNotMissed() {
        answered("answered", CallDirection.INCOMING, 0);
        ringsAndCloses("outgoing", CallDirection.OUTGOING, 60, 70);
        ringsAndCloses("callback", CallDirection.CALLBACK, 120, 130);
        assertEquals(0, missed.countProperty().get());
        assertEquals(List.of(), counts, "the count never moved");
    }

    @Test
    void aCallIsCountedOnceWhateverIsLearnedAboutItAfterItsEnd() {
        ringsAndCloses("once", CallDirection.INCOMING, 0, 20);
        apply(new CallEvent.BeforeClose(t(21), "once"));
        apply(new CallEvent.ServerCallEnded(t(22), "once", CallDirection.INCOMING, CallerNumber.of("+4930123456"),
                Duration.ZERO, null, "304", "Missed call", null));
        apply(new CallEvent.OutcomeLearned(t(25), "once", t(0), "304", "Missed call", Duration.ZERO,
                CallOutcome.Source.STATISTICS));
        assertEquals(1, missed.countProperty().get());
        assertEquals(List.of(1), counts);
    }

    @Test
    void aReusedCallIdIsAnotherCallAndCountsAgain() {
        ringsAndCloses("reused", CallDirection.INCOMING, 0, 20);
        ringsAndCloses("reused", CallDirection.INCOMING, 300, 320); // Bitrix24 gave a new call the same CALL_ID
        assertEquals(2, missed.countProperty().get());
    }

    @Test
    void aCallThePortalLaterSaysWasAnsweredIsTakenBack() {
        ringsAndCloses("answered-elsewhere", CallDirection.INCOMING, 0, 20);
        assertEquals(1, missed.countProperty().get(), "the card closed while it rang: missed as far as it knows");
        apply(new CallEvent.OutcomeLearned(t(26), "answered-elsewhere", t(0), "200", "", Duration.ofSeconds(12),
                CallOutcome.Source.STATISTICS));
        assertEquals(0, missed.countProperty().get(), "the portal's record says 12 s were talked");
        assertEquals(List.of(1, 0), counts);
    }

    @Test
    void aCallOnlyTheServerEventsToldOfIsNotCounted() {
        apply(new CallEvent.ServerCallStarted(t(0), "other-line", CallDirection.INCOMING,
                CallerNumber.of("+4930123456")));
        apply(new CallEvent.ServerCallEnded(t(30), "other-line", CallDirection.INCOMING,
                CallerNumber.of("+4930123456"), Duration.ZERO, null, "304", "", null));
        assertEquals(0, missed.countProperty().get(), "it may have rung on any agent's phone");
    }

    @Test
    void seenStartsTheCountAgainAndOnlyNewMissedCallsCountAfterIt() {
        ringsAndCloses("a", CallDirection.INCOMING, 0, 20);
        ringsAndCloses("b", CallDirection.INCOMING, 60, 80);
        assertEquals(2, missed.countProperty().get());

        missed.seen();
        assertEquals(0, missed.countProperty().get());
        assertFalse(missed.anyProperty().get());
        assertEquals("", missed.badgeTextProperty().get());
        assertEquals("", missed.accessibleTextProperty().get());

        apply(new CallEvent.OutcomeLearned(t(90), "b", t(60), "304", "", Duration.ZERO,
                CallOutcome.Source.STATISTICS));
        assertEquals(0, missed.countProperty().get(), "a call already seen does not come back");
        ringsAndCloses("c", CallDirection.INCOMING, 120, 140);
        assertEquals(1, missed.countProperty().get());
        assertEquals(List.of(1, 2, 0, 1), counts);
    }

    @Test
    void theBadgeSpeaksRussianToo() {
        MissedCalls russian = new MissedCalls(Messages.forLocale(Locale.forLanguageTag("ru")));
        Consumer<CallUpdate> watch = russian.watcher(Runnable::run);
        CallSnapshot opened = CallStateReducer.reduce(CallSnapshot.EMPTY,
                new CallEvent.WidgetOpened(t(0), card("r", CallDirection.INCOMING, CardCallState.CONNECTING)));
        watch.accept(new CallUpdate(new CallEvent.WidgetOpened(t(0), card("r", CallDirection.INCOMING,
                CardCallState.CONNECTING)), CallSnapshot.EMPTY, opened));
        CallEvent lost = new CallEvent.BridgeLost(t(9), "r");
        watch.accept(new CallUpdate(lost, opened, CallStateReducer.reduce(opened, lost)));
        assertEquals("Пропущено: 1", russian.badgeTextProperty().get());
        assertEquals("Пропущенных звонков с тех пор, как вы смотрели: 1. Нажмите, чтобы отметить их просмотренными.",
                russian.accessibleTextProperty().get());
    }
}
