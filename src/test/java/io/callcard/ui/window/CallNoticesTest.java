package io.callcard.ui.window;

import static io.callcard.ui.window.CallSnapshots.connected;
import static io.callcard.ui.window.CallSnapshots.ended;
import static io.callcard.ui.window.CallSnapshots.linked;
import static io.callcard.ui.window.CallSnapshots.outcome;
import static io.callcard.ui.window.CallSnapshots.ringing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallDirection;
import io.callcard.call.CallSnapshot;
import io.callcard.call.CallerNumber;
import io.callcard.call.CrmEntityType;
import io.callcard.call.CrmNames;
import io.callcard.call.CrmRef;
import io.callcard.prefs.Preferences;
import io.callcard.ui.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which call raises which notification, switched on or off, and never twice for one call; without the toolkit. */
class CallNoticesTest {

    private static final CallerNumber NUMBER = CallerNumber.of("+4930123456");
    private static final CrmRef CONTACT = new CrmRef(CrmEntityType.CONTACT, 797);

    private final CallNotices notices = new CallNotices(Messages.forLocale(Locale.ENGLISH));
    private Preferences prefs = Preferences.DEFAULTS;

    private List<CallNotice> feed(CallSnapshot... snapshots) {
        List<CallNotice> raised = new ArrayList<>();
        for (CallSnapshot s : snapshots) {
            notices.decide(s, prefs).ifPresent(raised::add);
        }
        return raised;
    }

    @Test
    void anIncomingCallRaisesIncomingOnceWhileItRingsWithTheNumberUntilANameIsKnown() {
        CallSnapshot ring = ringing("C1", CallDirection.INCOMING, NUMBER);
        List<CallNotice> raised = feed(ring, ring, linked(ring, CONTACT, CrmNames.found(CONTACT, "Ivan Petrov")));
        assertEquals(List.of(new CallNotice(CallNotice.Kind.INCOMING, "C1", "Incoming call", "+4930123456")), raised);
    }

    @Test
    void aNameKnownWhenTheCallRingsIsShownInsteadOfTheNumber() {
        CallSnapshot ring = linked(ringing("C1", CallDirection.INCOMING, NUMBER), CONTACT,
                CrmNames.found(CONTACT, "Ivan Petrov"));
        assertEquals("Ivan Petrov", feed(ring).get(0).text());
    }

    @Test
    void hiddenAndUnknownNumbersAreSaidInWords() {
        assertEquals("Hidden number",
                feed(ringing("C1", CallDirection.INCOMING, CallerNumber.HIDDEN)).get(0).text());
        assertEquals("Unknown number",
                feed(ringing("C2", CallDirection.INCOMING_TRANSFER, CallerNumber.UNKNOWN)).get(0).text());
    }

    @Test
    void anIncomingCallThatRangAndEndedUnansweredIsMissedAndItsFailureCodeRaisesNothingMore() {
        CallSnapshot ring = ringing("C1", CallDirection.INCOMING, NUMBER);
        CallSnapshot gone = ended(ring);
        List<CallNotice> raised = feed(ring, gone, gone, outcome(gone, "304", ""));
        assertEquals(List.of(CallNotice.Kind.INCOMING, CallNotice.Kind.MISSED), kinds(raised));
        assertEquals(new CallNotice(CallNotice.Kind.MISSED, "C1", "Missed call", "+4930123456"), raised.get(1));
    }

    @Test
    void anAnsweredCallIsNeitherMissedNorFailed() {
        CallSnapshot ring = ringing("C1", CallDirection.INCOMING, NUMBER);
        CallSnapshot talk = connected(ring);
        assertEquals(List.of(CallNotice.Kind.INCOMING), kinds(feed(ring, talk, ended(talk),
                outcome(ended(talk), "200", ""))));
    }

    @Test
    void anOutgoingCallNeverRaisesIncomingOrMissedButItsFailureRaisesFailedWithWhy() {
        CallSnapshot dial = linked(ringing("C1", CallDirection.OUTGOING, NUMBER), CONTACT,
                CrmNames.found(CONTACT, "Ivan Petrov"));
        CallSnapshot busy = outcome(ended(dial), "486", "");
        List<CallNotice> raised = feed(dial, ended(dial), busy, busy);
        assertEquals(List.of(new CallNotice(CallNotice.Kind.FAILED, "C1", "Call failed", "Ivan Petrov: Busy (486)")),
                raised);
    }

    @Test
    void aFailureCodeNotInTheCatalogueIsShownWithThePortalsOwnWords() {
        CallSnapshot dial = ringing("C1", CallDirection.OUTGOING, NUMBER);
        CallNotice notice = feed(outcome(ended(dial), "699", "Trunk overloaded")).get(0);
        assertEquals("+4930123456: Trunk overloaded (699)", notice.text());
    }

    @Test
    void eachKindSwitchedOffIsNotRaisedAndIsNotRaisedLaterWhenSwitchedBackOnForTheSameCall() {
        prefs = Preferences.DEFAULTS.withNotifications(false, true, true);
        CallSnapshot ring = ringing("C1", CallDirection.INCOMING, NUMBER);
        assertEquals(List.of(), feed(ring));
        prefs = Preferences.DEFAULTS;
        assertEquals(List.of(), feed(ring), "the ring was decided when it came");
        assertEquals(List.of(CallNotice.Kind.MISSED), kinds(feed(ended(ring))));

        prefs = Preferences.DEFAULTS.withNotifications(true, false, true);
        CallSnapshot ring2 = ringing("C2", CallDirection.INCOMING, NUMBER);
        assertEquals(List.of(CallNotice.Kind.INCOMING), kinds(feed(ring2, ended(ring2))));

        prefs = Preferences.DEFAULTS.withNotifications(true, true, false);
        CallSnapshot dial = ringing("C3", CallDirection.OUTGOING, NUMBER);
        assertEquals(List.of(), feed(outcome(ended(dial), "486", "")));
    }

    @Test
    void aSecondCallReplacingTheFirstRaisesItsOwn() {
        CallSnapshot first = ringing("C1", CallDirection.INCOMING, NUMBER);
        CallSnapshot second = ringing("C2", CallDirection.INCOMING, CallerNumber.of("+74951234567"));
        List<CallNotice> raised = feed(first, second, first);
        assertEquals(List.of("C1", "C2"), raised.stream().map(CallNotice::callId).toList());
        assertEquals("+74951234567", raised.get(1).text());
    }

    @Test
    void noCallAndACardOpenBeforeRingingRaiseNothing() {
        assertTrue(notices.decide(CallSnapshot.EMPTY, prefs).isEmpty());
        CallSnapshot ready = connected(ringing("C1", CallDirection.OUTGOING, NUMBER));
        assertEquals(Optional.empty(), notices.decide(ready, prefs));
    }

    private static List<CallNotice.Kind> kinds(List<CallNotice> raised) {
        return raised.stream().map(CallNotice::kind).toList();
    }
}
