package io.callcard.ui.callcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallCardStatus;
import io.callcard.call.CallDirection;
import io.callcard.call.CallEvent;
import io.callcard.call.CallDisplayState;
import io.callcard.call.CallOutcome;
import io.callcard.call.CallSnapshot;
import io.callcard.wire.CardCallState;
import io.callcard.call.CallStateReducer;
import io.callcard.call.CallerNumber;
import io.callcard.call.CrmEntityType;
import io.callcard.call.CrmRef;
import io.callcard.ui.Messages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The call card's words, without the JavaFX toolkit. */
class CallCardViewModelTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    /** A clock the test moves by hand. */
    private static final class TestClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final CallCardViewModel vm = new CallCardViewModel(Messages.forLocale(Locale.ENGLISH), clock, Runnable::run);

    private static CallCardStatus status(String callId, CallDirection direction, CardCallState state, String phone) {
        return new CallCardStatus(callId, CallerNumber.of(phone), "reg151083", "", new CrmRef(CrmEntityType.CONTACT, 797),
                List.of(new CrmRef(CrmEntityType.DEAL, 4615), new CrmRef(CrmEntityType.CONTACT, 797)), 12043L,
                direction, state, false);
    }

    private static CallSnapshot play(CallEvent... events) {
        CallSnapshot s = CallSnapshot.EMPTY;
        for (CallEvent e : events) {
            s = CallStateReducer.reduce(s, e);
        }
        return s;
    }

    @Test
    void beforeAnyCallTheCardInvitesAndShowsNoFailure() {
        assertEquals(CallDisplayState.NO_CALL, vm.phaseProperty().get());
        assertEquals("Waiting for calls", vm.stateTextProperty().get());
        assertFalse(vm.hasCallProperty().get());
        assertFalse(vm.failedProperty().get());
        assertEquals("", vm.failureTextProperty().get());
    }

    @Test
    void ringingIncomingCallShowsNumberCrmAndLine() {
        vm.apply(play(new CallEvent.StatusPolled(T0, status("c1", CallDirection.INCOMING, CardCallState.CONNECTING,
                "+19999999666"))));
        assertEquals(CallDisplayState.CONNECTING, vm.phaseProperty().get());
        assertEquals("Ringing…", vm.stateTextProperty().get());
        assertEquals("Incoming call", vm.directionTextProperty().get());
        assertEquals("+1 999-999-9666", vm.phoneTextProperty().get(), "read in the international format");
        assertEquals("Contact #797 · +1 more", vm.crmTextProperty().get());
        assertEquals("Line: reg151083", vm.lineTextProperty().get());
        assertTrue(vm.linkedProperty().get());
        assertFalse(vm.talkTimeShownProperty().get());
    }

    @Test
    void anUnlinkedCallSaysSoAndIsMarkedUnlinked() {
        vm.apply(play(new CallEvent.StatusPolled(T0, new CallCardStatus("c9", CallerNumber.of("+1"), "", "", null,
                List.of(), null, CallDirection.INCOMING, CardCallState.CONNECTING, false))));
        assertEquals("Not linked to CRM", vm.crmTextProperty().get());
        assertFalse(vm.linkedProperty().get());
        assertEquals("", vm.lineTextProperty().get());
        assertFalse(vm.lineShownProperty().get());
    }

    @Test
    void outgoingCallConnectingSaysCalling() {
        vm.apply(play(new CallEvent.StatusPolled(T0, status("c1", CallDirection.OUTGOING, CardCallState.CONNECTING,
                "+1"))));
        assertEquals("Calling…", vm.stateTextProperty().get());
    }

    @Test
    void talkTimeRunsWhileConnectedAndStopsAtTheEnd() {
        CallSnapshot connected = play(
                new CallEvent.StatusPolled(T0, status("c1", CallDirection.INCOMING, CardCallState.CONNECTING, "+1")),
                new CallEvent.StateChanged(T0.plusSeconds(3), "c1", CardCallState.CONNECTED, null));
        clock.now = T0.plusSeconds(3);
        vm.apply(connected);
        assertEquals("Connected", vm.stateTextProperty().get());
        assertEquals("00:00", vm.talkTimeTextProperty().get());
        clock.now = T0.plusSeconds(3 + 65);
        vm.tick();
        assertEquals("01:05", vm.talkTimeTextProperty().get());

        CallSnapshot ended = CallStateReducer.reduce(connected,
                new CallEvent.StateChanged(T0.plusSeconds(3 + 70), "c1", CardCallState.IDLE, null));
        vm.apply(ended);
        clock.now = T0.plusSeconds(500);
        vm.tick();
        assertEquals(CallDisplayState.ENDED, vm.phaseProperty().get());
        assertEquals("01:10", vm.talkTimeTextProperty().get());
        assertFalse(vm.failedProperty().get());
    }

    @Test
    void busyCallShowsTheFailureInWordsAndCode() {
        vm.apply(play(
                new CallEvent.StatusPolled(T0, status("c2", CallDirection.OUTGOING, CardCallState.CONNECTING, "+1")),
                new CallEvent.StateChanged(T0.plusSeconds(2), "c2", CardCallState.IDLE, "486")));
        assertEquals(CallDisplayState.FAILED, vm.phaseProperty().get());
        assertEquals("Call failed", vm.stateTextProperty().get());
        assertTrue(vm.failedProperty().get());
        assertEquals("Busy (486)", vm.failureTextProperty().get());
        assertEquals("Call failed. Outgoing call. +1. Contact #797 · +1 more. Busy (486)",
                vm.summaryTextProperty().get(), "a screen reader hears the whole card");
    }

    @Test
    void anUndocumentedCodeIsShownVerbatim() {
        vm.apply(play(
                new CallEvent.StatusPolled(T0, status("c3", CallDirection.INCOMING, CardCallState.CONNECTING, "+1")),
                new CallEvent.StateChanged(T0.plusSeconds(2), "c3", CardCallState.IDLE, "499-X")));
        assertEquals("Unknown failure code (499-X)", vm.failureTextProperty().get());
    }

    /** A busy outgoing call whose card closed with it, as a real portal's widget reports it: no code, no idle. */
    private static CallSnapshot busyCallWhoseCardClosed() {
        return play(
                new CallEvent.StatusPolled(T0, status("c6", CallDirection.OUTGOING, CardCallState.CONNECTING, "+1")),
                new CallEvent.BridgeLost(T0.plusSeconds(20), "c6"));
    }

    @Test
    void aCallWhoseCardClosedMidCallSaysItEndedWithItsOutcomePending() {
        vm.apply(busyCallWhoseCardClosed());
        assertEquals(CallDisplayState.ENDED, vm.phaseProperty().get());
        assertEquals("Call ended, outcome pending", vm.stateTextProperty().get());
        assertTrue(vm.outcomePendingProperty().get());
        assertFalse(vm.failedProperty().get());
        assertEquals("", vm.failureTextProperty().get());
    }

    @Test
    void theOutcomeLearnedAfterTheEndShowsTheFailureAndThePortalsTalkTime() {
        CallSnapshot pending = busyCallWhoseCardClosed();
        vm.apply(CallStateReducer.reduce(pending, new CallEvent.OutcomeLearned(T0.plusSeconds(26), "c6",
                pending.openedAt(), "486", "Busy", Duration.ZERO, CallOutcome.Source.STATISTICS)));
        assertEquals(CallDisplayState.FAILED, vm.phaseProperty().get());
        assertEquals("Call failed", vm.stateTextProperty().get());
        assertEquals("Busy (486)", vm.failureTextProperty().get());
        assertFalse(vm.outcomePendingProperty().get());

        CallSnapshot talked = play(
                new CallEvent.StatusPolled(T0, status("c7", CallDirection.INCOMING, CardCallState.CONNECTING, "+1")),
                new CallEvent.StateChanged(T0.plusSeconds(2), "c7", CardCallState.CONNECTED, null),
                new CallEvent.BridgeLost(T0.plusSeconds(62), "c7"));
        vm.apply(talked);
        assertEquals("01:00", vm.talkTimeTextProperty().get(), "the card's own count until the portal says");
        vm.apply(CallStateReducer.reduce(talked, new CallEvent.OutcomeLearned(T0.plusSeconds(67), "c7",
                talked.openedAt(), "200", "", Duration.ofSeconds(57), CallOutcome.Source.STATISTICS)));
        assertEquals("Call ended", vm.stateTextProperty().get());
        assertEquals("00:57", vm.talkTimeTextProperty().get(), "the portal's CALL_DURATION is the final talk time");
    }

    @Test
    void anUndocumentedCodeFromThePortalsRecordComesWithThePortalsWords() {
        CallSnapshot pending = busyCallWhoseCardClosed();
        vm.apply(CallStateReducer.reduce(pending, new CallEvent.OutcomeLearned(T0.plusSeconds(26), "c6",
                pending.openedAt(), "487", "Request terminated", Duration.ZERO, CallOutcome.Source.STATISTICS)));
        assertEquals("Request terminated (487)", vm.failureTextProperty().get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"NO_CREDENTIALS", "NO_RECORD", "PORTAL_ERROR"})
    void anOutcomeThatCannotBeLearnedSaysWhy(String why) {
        CallSnapshot pending = busyCallWhoseCardClosed();
        vm.apply(CallStateReducer.reduce(pending, new CallEvent.OutcomeUnavailable(T0.plusSeconds(80), "c6",
                pending.openedAt(), CallOutcome.Missing.valueOf(why))));
        assertEquals(CallDisplayState.ENDED, vm.phaseProperty().get());
        assertTrue(vm.stateTextProperty().get().startsWith("Call ended, outcome unknown: "),
                vm.stateTextProperty().get());
        assertFalse(vm.stateTextProperty().get().contains("!"), vm.stateTextProperty().get());
        assertFalse(vm.outcomePendingProperty().get());
    }

    @Test
    void theOutcomeTextsHaveRussianWordsToo() {
        CallCardViewModel russian = new CallCardViewModel(Messages.forLocale(Locale.forLanguageTag("ru")), clock,
                Runnable::run);
        CallSnapshot pending = busyCallWhoseCardClosed();
        russian.apply(pending);
        assertEquals("Звонок завершён, итог уточняется", russian.stateTextProperty().get());
        russian.apply(CallStateReducer.reduce(pending, new CallEvent.OutcomeUnavailable(T0.plusSeconds(80), "c6",
                pending.openedAt(), CallOutcome.Missing.NO_RECORD)));
        assertEquals("Звонок завершён, итог неизвестен: портал не сохранил запись о звонке",
                russian.stateTextProperty().get());
    }

    @Test
    void hiddenAndUnknownNumbersAreSaidInWords() {
        vm.apply(play(new CallEvent.StatusPolled(T0, status("c4", CallDirection.INCOMING, CardCallState.CONNECTING,
                "hidden"))));
        assertEquals("Hidden number", vm.phoneTextProperty().get());
        vm.apply(play(new CallEvent.StatusPolled(T0, status("c5", CallDirection.INCOMING, CardCallState.CONNECTING,
                null))));
        assertEquals("Unknown number", vm.phoneTextProperty().get());
    }

    @Test
    void longCallsShowHours() {
        assertEquals("1:01:01", CallCardViewModel.formatDuration(Duration.ofSeconds(3661)));
        assertEquals("00:59", CallCardViewModel.formatDuration(Duration.ofSeconds(59)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void everyPhaseDirectionAndCodeHasWordsInBothLanguages(String language) {
        CallCardViewModel localized = new CallCardViewModel(Messages.forLocale(Locale.forLanguageTag(language)),
                clock, Runnable::run);
        List<String> codes = List.of("200", "304", "603", "603-S", "403", "404", "486", "484", "503", "480", "402",
                "423", "OTHER", "777");
        int n = 0;
        for (CallDirection d : CallDirection.values()) {
            for (CardCallState state : CardCallState.values()) {
                for (String code : Stream.concat(Stream.of((String) null), codes.stream()).toList()) {
                    String id = "c" + n++;
                    CallSnapshot s = play(new CallEvent.StatusPolled(T0, status(id, d, state, "+1")));
                    if (code != null) {
                        s = CallStateReducer.reduce(s, new CallEvent.StateChanged(T0.plusSeconds(1), id,
                                CardCallState.IDLE, code));
                    }
                    localized.apply(s);
                    for (String text : List.of(localized.stateTextProperty().get(),
                            localized.directionTextProperty().get(), localized.failureTextProperty().get(),
                            localized.crmTextProperty().get(), localized.lineTextProperty().get())) {
                        assertFalse(text.contains("!"), "missing words: " + text + " for " + s);
                    }
                }
            }
        }
    }
}
