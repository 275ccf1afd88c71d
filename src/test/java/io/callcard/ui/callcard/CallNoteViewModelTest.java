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
import io.callcard.ui.Messages;
import io.callcard.wire.CardCallState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The card's note field, without the JavaFX toolkit: a direct executor and an outbox answered by hand. */
class CallNoteViewModelTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final CrmRef CONTACT = new CrmRef(CrmEntityType.CONTACT, 797);
    private static final CrmRef DEAL = new CrmRef(CrmEntityType.DEAL, 4615);

    private final ManualCallNotes outbox = new ManualCallNotes();
    private final CallCardViewModel card = new CallCardViewModel(Messages.forLocale(Locale.ENGLISH),
            Clock.fixed(T0, ZoneOffset.UTC), Runnable::run);
    private final CallNoteViewModel note = card.note();
    private CallSnapshot snapshot = CallSnapshot.EMPTY;

    private void cardSays(CallEvent event) {
        snapshot = CallStateReducer.reduce(snapshot, event);
        card.apply(snapshot);
    }

    private static CallEvent opened(String callId, long second, CrmRef entity, CardCallState state) {
        return new CallEvent.WidgetOpened(T0.plusSeconds(second), new CallCardStatus(callId,
                CallerNumber.of("+4930123456"), "reg1", "", entity, entity == null ? List.of() : List.of(entity),
                null, CallDirection.INCOMING, state, false));
    }

    private void linkedCallOnTheCard() {
        note.attach(outbox);
        cardSays(opened("C1", 1, CONTACT, CardCallState.CONNECTED));
    }

    @Test
    void noCallNoField() {
        assertFalse(note.shownProperty().get());
        assertEquals("", note.unavailableTextProperty().get(), "nothing to explain while no call is on the card");
    }

    @Test
    void aCallWithoutACrmItemHasNoFieldAndTheCardSaysWhy() {
        note.attach(outbox);
        cardSays(opened("C1", 1, null, CardCallState.CONNECTED));
        assertFalse(note.shownProperty().get());
        assertEquals("No note field: this call is not linked to a CRM item.", note.unavailableTextProperty().get());
        note.textProperty().set("typed anyway");
        assertFalse(note.send());
        assertEquals(List.of(), outbox.added());
    }

    @Test
    void whileTheCallRunsTheFieldNamesItsItemAndTypingEnablesSending() {
        linkedCallOnTheCard();
        assertTrue(note.shownProperty().get(), "the agent may write during the call");
        assertEquals("Note for Contact #797", note.targetTextProperty().get());
        assertFalse(note.canSendProperty().get(), "nothing typed");
        note.textProperty().set("   ");
        assertFalse(note.canSendProperty().get(), "blanks are nothing");
        note.textProperty().set("Wants a callback on Monday");
        assertTrue(note.canSendProperty().get());

        cardSays(new CallEvent.CrmNamesLearned(T0.plusSeconds(2), "C1", snapshot.openedAt(),
                CrmNames.found(CONTACT, "Ivan Petrov")));
        assertEquals("Note for Ivan Petrov \u00b7 Contact", note.targetTextProperty().get());
    }

    @Test
    void withoutAnOutboxYetNothingIsSentAndTheWordsStay() {
        cardSays(opened("C1", 1, CONTACT, CardCallState.CONNECTED));
        note.textProperty().set("Wants a callback");
        assertFalse(note.canSendProperty().get());
        assertFalse(note.send());
        assertEquals("Wants a callback", note.textProperty().get());
    }

    @Test
    void sendingKeepsTheNoteForTheCallsItemClearsTheFieldAndSaysSo() {
        linkedCallOnTheCard();
        cardSays(new CallEvent.StateChanged(T0.plusSeconds(30), "C1", CardCallState.IDLE, null));
        assertTrue(note.shownProperty().get(), "after the call too");
        note.textProperty().set("  Wants a callback on Monday \n");

        assertTrue(note.send());

        NoteDraft sent = outbox.added().get(0);
        assertEquals(CONTACT, sent.entity());
        assertEquals("C1", sent.callId());
        assertEquals("Wants a callback on Monday", sent.text());
        assertEquals("", note.textProperty().get());
        assertEquals(NoteProgress.State.SENDING, note.statusProperty().get());
        assertEquals("Adding the note to Contact #797\u2026", note.statusTextProperty().get());
        assertFalse(note.send(), "the field is empty again: a second press sends nothing");
        assertEquals(1, outbox.added().size());
    }

    @Test
    void theOutboxsReportsShowAddedWaitingAndRefused() {
        linkedCallOnTheCard();
        note.textProperty().set("Wants a callback");
        note.send();
        NoteDraft sent = outbox.added().get(0);

        outbox.report(sent, NoteProgress.State.WAITING, "portal.error.NETWORK_ERROR");
        assertEquals(NoteProgress.State.WAITING, note.statusProperty().get());
        assertEquals("Note for Contact #797 not added yet; it is kept and will be tried again. The connection to the"
                + " portal broke. Check your network connection and try again.", note.statusTextProperty().get());

        outbox.report(sent, NoteProgress.State.ADDED, "");
        assertEquals("Note added to the timeline of Contact #797.", note.statusTextProperty().get());
        assertEquals("", note.refusedTextProperty().get());
    }

    @Test
    void aRefusedNoteSaysWhyAndKeepsItsWordsToCopy() {
        linkedCallOnTheCard();
        note.textProperty().set("Wants a callback");
        note.send();
        NoteDraft sent = outbox.added().get(0);

        outbox.report(sent, NoteProgress.State.REFUSED, "portal.error.ACCESS_DENIED");

        assertEquals(NoteProgress.State.REFUSED, note.statusProperty().get());
        assertTrue(note.statusTextProperty().get().startsWith("The portal refused the note for Contact #797. The "
                + "portal denied access."), note.statusTextProperty().get());
        assertEquals("Wants a callback", note.refusedTextProperty().get());
        assertEquals("", note.textProperty().get(), "not put back where Ctrl+Enter would send it again");
    }

    @Test
    void aSecondCallKeepsTheFirstCallsTypedNoteForTheFirstCallsItem() {
        linkedCallOnTheCard();
        note.textProperty().set("Asked for the price list");

        cardSays(opened("C2", 60, DEAL, CardCallState.CONNECTING));

        assertEquals(1, outbox.added().size(), "the words typed for the first call are not dropped");
        NoteDraft kept = outbox.added().get(0);
        assertEquals(CONTACT, kept.entity());
        assertEquals("C1", kept.callId());
        assertEquals("Asked for the price list", kept.text());
        assertEquals("", note.textProperty().get(), "the field now belongs to the second call");
        assertEquals("Note for Deal #4615", note.targetTextProperty().get());
        assertEquals("Your note on the previous call is kept: adding it to Contact #797\u2026",
                note.statusTextProperty().get());
    }

    @Test
    void aSecondCallLeavesTheFirstCallsUnsentNoteInTheOutboxAndCountsIt() {
        linkedCallOnTheCard();
        note.textProperty().set("First call's note");
        note.send();
        NoteDraft first = outbox.added().get(0);
        outbox.report(first, NoteProgress.State.WAITING, "note.reason.noPortal");

        cardSays(opened("C2", 60, DEAL, CardCallState.CONNECTED));
        assertEquals(NoteProgress.State.WAITING, note.statusProperty().get(), "a note still waiting stays in view");
        note.textProperty().set("Second call's note");
        note.send();

        assertEquals(List.of("First call's note", "Second call's note"),
                outbox.added().stream().map(NoteDraft::text).toList(), "nothing was withdrawn from the outbox");
        assertEquals(DEAL, outbox.added().get(1).entity());
        assertEquals("Notes kept and not added yet: 2", note.waitingTextProperty().get());

        outbox.report(first, NoteProgress.State.ADDED, "");
        assertEquals("Note added to the timeline of Contact #797.", note.statusTextProperty().get());
        assertEquals("", note.waitingTextProperty().get());
    }

    @Test
    void anAddedNoteIsOldNewsOnTheNextCall() {
        linkedCallOnTheCard();
        note.textProperty().set("Done");
        note.send();
        outbox.report(outbox.added().get(0), NoteProgress.State.ADDED, "");

        cardSays(opened("C2", 60, DEAL, CardCallState.CONNECTING));

        assertEquals("", note.statusTextProperty().get());
        assertEquals(null, note.statusProperty().get());
    }

    @Test
    void notesKeptFromAnEarlierRunAreCountedWhenTheOutboxAttaches() {
        NoteDraft earlier = new NoteDraft("n-1", "C0", DEAL, "From yesterday");
        outbox.add(earlier);
        linkedCallOnTheCard();
        outbox.report(earlier, NoteProgress.State.WAITING, "note.reason.noPortal");
        outbox.report(new NoteDraft("n-2", "C0", DEAL, "Also"), NoteProgress.State.WAITING, "note.reason.noPortal");

        assertEquals("Notes kept and not added yet: 2", note.waitingTextProperty().get());
        assertEquals("Note for Deal #4615 not added yet; it is kept and will be tried again. There is no portal "
                + "connection yet.", note.statusTextProperty().get());

        outbox.report(earlier, NoteProgress.State.WAITING, ""); // kept from an earlier run, never tried yet
        assertEquals("Note for Deal #4615 not added yet; it is kept and will be tried again.",
                note.statusTextProperty().get());
    }
}
