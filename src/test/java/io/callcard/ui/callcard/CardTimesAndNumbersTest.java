package io.callcard.ui.callcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallCardStatus;
import io.callcard.call.CallDirection;
import io.callcard.call.CallEvent;
import io.callcard.call.CallSnapshot;
import io.callcard.call.CallStateReducer;
import io.callcard.call.CallerNumber;
import io.callcard.call.CrmEntityType;
import io.callcard.call.CrmNames;
import io.callcard.call.CrmRef;
import io.callcard.prefs.Preferences;
import io.callcard.ui.Messages;
import io.callcard.ui.PreferencesModel;
import io.callcard.wire.CardCallState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The card's number, headline, times, close countdown, copy and open commands, without the JavaFX toolkit: each field
 * through the transitions an agent meets (hidden and unknown numbers, no CRM link, several bindings, names late or
 * never, a second call replacing the first, the countdown restarting).
 */
class CardTimesAndNumbersTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
    private static final CrmRef CONTACT = new CrmRef(CrmEntityType.CONTACT, 797);
    private static final CrmRef DEAL = new CrmRef(CrmEntityType.DEAL, 4615);

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }



    private final HandClock clock = new HandClock();
    private final RecordedClipboard clipboard = new RecordedClipboard();
    private final RecordedPages pages = new RecordedPages();
    private final List<Preferences> saved = new ArrayList<>();
    private final PreferencesModel preferences = new PreferencesModel(Preferences.DEFAULTS.withNumberRegion("RU"),
            saved::add);
    private final CallCardViewModel vm = new CallCardViewModel(Messages.forLocale(Locale.ENGLISH), clock,
            Runnable::run);
    private CallSnapshot snapshot = CallSnapshot.EMPTY;

    @BeforeEach
    void wire() {
        vm.useSystemLocale(Locale.US);
        vm.usePreferences(preferences);
        vm.useClipboard(clipboard);
        vm.usePages(pages);
    }

    private static CallCardStatus status(String callId, String phone, CrmRef entity, List<CrmRef> bindings,
                                         Long activityId, CardCallState state) {
        return new CallCardStatus(callId, CallerNumber.of(phone), "reg1", "", entity, bindings, activityId,
                CallDirection.INCOMING, state, false);
    }

    private void play(CallEvent... events) {
        for (CallEvent e : events) {
            snapshot = CallStateReducer.reduce(snapshot, e);
        }
        vm.apply(snapshot);
    }

    private void at(long seconds) {
        clock.now = T0.plusSeconds(seconds);
        vm.tick();
    }

    @Test
    void beforeTheFirstCallThereIsNothingToReadCopyOrTime() {
        assertEquals("", vm.headlineTextProperty().get());
        assertFalse(vm.canCopyProperty().get());
        assertFalse(vm.timerShownProperty().get());
        assertFalse(vm.tickingProperty().get(), "an idle card costs no timer");
        assertEquals("", vm.activityUrlProperty().get());
    }

    @Test
    void aNumberIsReadInTheAgentsRegionAndCopiedAsDialled() {
        play(new CallEvent.WidgetOpened(T0, status("c1", "84951234567", null, List.of(), null,
                CardCallState.CONNECTING)));
        assertEquals("+7 495 123-45-67", vm.phoneTextProperty().get());
        assertEquals("+7 495 123-45-67", vm.headlineTextProperty().get(), "no CRM link: the number is the headline");
        assertEquals("+74951234567", vm.dialledNumberProperty().get());
        assertTrue(vm.canCopyProperty().get());

        vm.copyNumber();
        assertEquals(List.of("+74951234567"), clipboard.put);
        assertEquals("Copied +74951234567", vm.copyStatusTextProperty().get());
        assertFalse(vm.canOpenPrimaryProperty().get());
        vm.openPrimary();
        assertEquals(List.of(), pages.opened, "no CRM item, nothing to open");
    }

    @Test
    void changingTheRegionReadsTheNumberAgainAtOnce() {
        play(new CallEvent.WidgetOpened(T0, status("c1", "0301234567", null, List.of(), null,
                CardCallState.CONNECTING)));
        assertEquals("0301234567", vm.phoneTextProperty().get(), "not a Russian number: shown as the portal gave it");
        preferences.change(p -> p.withNumberRegion("DE"));
        assertEquals("+49 30 1234567", vm.phoneTextProperty().get());
        assertEquals("+49301234567", vm.dialledNumberProperty().get());
    }

    @Test
    void withoutAChosenRegionThePortalsLanguageAndThenTheSystemDecide() {
        preferences.change(p -> p.withNumberRegion(null));
        play(new CallEvent.WidgetOpened(T0, status("c1", "0301234567", null, List.of(), null,
                CardCallState.CONNECTING)));
        assertEquals("0301234567", vm.phoneTextProperty().get(), "no portal language: the system's US, where it is no number");
        vm.usePortalLanguage(() -> Optional.of("de"));
        assertEquals("+49 30 1234567", vm.phoneTextProperty().get(), "a German portal reads it as German");
    }

    @Test
    void hiddenAndUnknownNumbersAreWordsThatCannotBeCopied() {
        play(new CallEvent.WidgetOpened(T0, status("c1", "hidden", null, List.of(), null, CardCallState.CONNECTING)));
        assertEquals("Hidden number", vm.phoneTextProperty().get());
        assertEquals("Hidden number", vm.headlineTextProperty().get());
        assertFalse(vm.canCopyProperty().get());
        vm.copyNumber();
        assertEquals(List.of(), clipboard.put);

        play(new CallEvent.WidgetOpened(T0.plusSeconds(60), status("c2", null, null, List.of(), null,
                CardCallState.CONNECTING)));
        assertEquals("Unknown number", vm.phoneTextProperty().get());
        assertEquals("Unknown number", vm.headlineTextProperty().get());
        assertFalse(vm.canCopyProperty().get());
    }

    @Test
    void theHeadlineIsTheCrmNameOnceItArrivesAndTheNumberWhileItDoesNot() {
        play(new CallEvent.WidgetOpened(T0, status("c1", "+74951234567", CONTACT, List.of(DEAL, CONTACT), 12043L,
                CardCallState.CONNECTING)));
        assertEquals("+7 495 123-45-67", vm.headlineTextProperty().get(), "the name is not known yet");
        play(new CallEvent.CrmNamesLearned(T0.plusSeconds(1), "c1", T0, CrmNames.found(DEAL, "Fleet renewal 2027")));
        assertEquals("+7 495 123-45-67", vm.headlineTextProperty().get(), "another binding's name is not the caller's");
        play(new CallEvent.CrmNamesLearned(T0.plusSeconds(2), "c1", T0, CrmNames.found(CONTACT, "Ivan Petrov")));
        assertEquals("Ivan Petrov", vm.headlineTextProperty().get());
        assertEquals("+7 495 123-45-67", vm.phoneTextProperty().get(), "the number stays on the card");

        assertTrue(vm.canOpenPrimaryProperty().get());
        vm.openPrimary();
        vm.openActivity();
        assertEquals(List.of("https://acme.bitrix24.ru/crm/contact/details/797/",
                "https://acme.bitrix24.ru/crm/activity/?open_view=12043"), pages.opened);
    }

    @Test
    void aNameThatNeverComesLeavesTheNumberAsTheHeadline() {
        play(new CallEvent.WidgetOpened(T0, status("c1", "+74951234567", CONTACT, List.of(), null,
                CardCallState.CONNECTING)),
                new CallEvent.CrmNamesLearned(T0.plusSeconds(1), "c1", T0,
                        CrmNames.unavailable(CrmNames.Missing.NO_CREDENTIALS)));
        assertEquals("+7 495 123-45-67", vm.headlineTextProperty().get());
        assertEquals("", vm.activityUrlProperty().get(), "no activity: no link");
    }

    @Test
    void theSandboxHasNoPagesSoNothingOpens() {
        vm.usePages(CrmPages.NONE);
        play(new CallEvent.WidgetOpened(T0, status("c1", "+74951234567", CONTACT, List.of(), 12043L,
                CardCallState.CONNECTING)));
        assertFalse(vm.canOpenPrimaryProperty().get());
        assertEquals("", vm.activityUrlProperty().get());
        vm.openPrimary(); // CrmPages.NONE throws when asked to open: reaching it would fail the test
        vm.openActivity();
    }

    @Test
    void theTimerRingsThenTalksThenShowsTheFinalDuration() {
        play(new CallEvent.WidgetOpened(T0, status("c1", "+74951234567", null, List.of(), null,
                CardCallState.CONNECTING)));
        assertEquals("Ringing for", vm.timerCaptionProperty().get());
        assertEquals("00:00", vm.timerTextProperty().get());
        assertTrue(vm.tickingProperty().get());
        at(12);
        assertEquals("00:12", vm.timerTextProperty().get());

        play(new CallEvent.StateChanged(T0.plusSeconds(15), "c1", CardCallState.CONNECTED, null));
        at(15);
        assertEquals("Talk time", vm.timerCaptionProperty().get());
        assertEquals("00:00", vm.timerTextProperty().get());
        at(75);
        assertEquals("01:00", vm.timerTextProperty().get());
        assertEquals("01:00", vm.talkTimeTextProperty().get(), "the talk time C's compact line used stays");

        play(new CallEvent.BridgeLost(T0.plusSeconds(80), "c1"));
        at(90);
        assertEquals("Talked", vm.timerCaptionProperty().get());
        assertEquals("01:05", vm.timerTextProperty().get(), "the card's own count until the portal says");
        assertFalse(vm.tickingProperty().get(), "an ended call's time stands still");

        play(new CallEvent.ServerCallEnded(T0.plusSeconds(81), "c1", CallDirection.INCOMING, CallerNumber.UNKNOWN,
                Duration.ofSeconds(42), null, null, "", null));
        assertEquals("00:42", vm.timerTextProperty().get(), "the portal's CALL_DURATION wins, code or not");
        assertEquals("00:42", vm.talkTimeTextProperty().get());
    }

    @Test
    void aCallNeverAnsweredShowsHowLongItRang() {
        play(new CallEvent.WidgetOpened(T0, status("c1", "+74951234567", null, List.of(), null,
                CardCallState.CONNECTING)),
                new CallEvent.StateChanged(T0.plusSeconds(25), "c1", CardCallState.IDLE, "304"));
        at(100);
        assertEquals("Rang for", vm.timerCaptionProperty().get());
        assertEquals("00:25", vm.timerTextProperty().get());
    }

    @Test
    void aSecondCallReplacesTheFirstsNumberNameTimeAndCopyNote() {
        play(new CallEvent.WidgetOpened(T0, status("c1", "+74951234567", CONTACT, List.of(), 12043L,
                CardCallState.CONNECTED)),
                new CallEvent.CrmNamesLearned(T0.plusSeconds(1), "c1", T0, CrmNames.found(CONTACT, "Ivan Petrov")));
        vm.copyNumber();
        at(50);
        assertEquals("Ivan Petrov", vm.headlineTextProperty().get());
        assertEquals("00:50", vm.timerTextProperty().get());

        play(new CallEvent.WidgetOpened(T0.plusSeconds(60), status("c2", "+4930123456", null, List.of(), null,
                CardCallState.CONNECTING)));
        at(63);
        assertEquals("+49 30 123456", vm.headlineTextProperty().get());
        assertEquals("+4930123456", vm.dialledNumberProperty().get());
        assertEquals("", vm.copyStatusTextProperty().get(), "the copy note spoke of the first call's number");
        assertEquals("Ringing for", vm.timerCaptionProperty().get());
        assertEquals("00:03", vm.timerTextProperty().get());
        assertEquals("", vm.activityUrlProperty().get());
        vm.copyNumber();
        assertEquals(List.of("+74951234567", "+4930123456"), clipboard.put);
    }

    @Test
    void aHeldCardCountsDownItsSixtyFiveSecondsAndStartsAgainWhenThePortalDoes() {
        play(new CallEvent.WidgetOpened(T0, status("c1", "+74951234567", null, List.of(), null,
                CardCallState.CONNECTED)),
                new CallEvent.AutoCloseChanged(T0.plusSeconds(5), "c1", true),
                new CallEvent.StateChanged(T0.plusSeconds(60), "c1", CardCallState.IDLE, null));
        at(61);
        assertFalse(vm.closeCountdownShownProperty().get(), "no close attempt yet");

        play(new CallEvent.BeforeClose(T0.plusSeconds(61), "c1"));
        assertTrue(vm.closeCountdownShownProperty().get());
        assertEquals("Bitrix24 closes the card in 1:05", vm.closeCountdownTextProperty().get());
        assertTrue(vm.tickingProperty().get(), "the countdown moves after the call");
        at(78);
        assertEquals("Bitrix24 closes the card in 0:48", vm.closeCountdownTextProperty().get());

        play(new CallEvent.AutoCloseChanged(T0.plusSeconds(90), "c1", true)); // the hold confirmed again
        at(90);
        assertEquals("Bitrix24 closes the card in 1:05", vm.closeCountdownTextProperty().get());
        at(155);
        assertEquals("Bitrix24 is closing the card", vm.closeCountdownTextProperty().get());

        play(new CallEvent.BridgeLost(T0.plusSeconds(156), "c1"));
        assertFalse(vm.closeCountdownShownProperty().get());
        assertFalse(vm.tickingProperty().get());
    }

    @Test
    void lettingTheCardCloseHidesTheCountdown() {
        play(new CallEvent.WidgetOpened(T0, status("c1", "+74951234567", null, List.of(), null,
                CardCallState.CONNECTED)),
                new CallEvent.AutoCloseChanged(T0.plusSeconds(5), "c1", true),
                new CallEvent.StateChanged(T0.plusSeconds(60), "c1", CardCallState.IDLE, null),
                new CallEvent.BeforeClose(T0.plusSeconds(61), "c1"));
        assertTrue(vm.closeCountdownShownProperty().get());
        play(new CallEvent.AutoCloseChanged(T0.plusSeconds(70), "c1", false));
        assertFalse(vm.closeCountdownShownProperty().get(), "released: the card closes at once");
    }

    @Test
    void inRussianTheTimesAndTheCountdownSpeakRussian() {
        CallCardViewModel ru = new CallCardViewModel(Messages.forLocale(Locale.forLanguageTag("ru")), clock,
                Runnable::run);
        ru.usePreferences(preferences);
        ru.apply(CallStateReducer.reduce(CallStateReducer.reduce(CallStateReducer.reduce(CallSnapshot.EMPTY,
                new CallEvent.WidgetOpened(T0, status("c1", "hidden", null, List.of(), null, CardCallState.CONNECTED))),
                new CallEvent.AutoCloseChanged(T0.plusSeconds(1), "c1", true)),
                new CallEvent.BeforeClose(T0.plusSeconds(2), "c1")));
        clock.now = T0.plusSeconds(19);
        ru.tick();
        assertEquals("Скрытый номер", ru.headlineTextProperty().get());
        assertEquals("Длительность разговора", ru.timerCaptionProperty().get());
        assertEquals("Битрикс24 закроет карточку через 0:48", ru.closeCountdownTextProperty().get());
    }
}
