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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The card's CRM names, bindings and links, without the JavaFX toolkit. */
class CardCrmNamesTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final CrmRef CONTACT = new CrmRef(CrmEntityType.CONTACT, 797);
    private static final CrmRef DEAL = new CrmRef(CrmEntityType.DEAL, 4615);
    private static final CrmRef COMPANY = new CrmRef(CrmEntityType.COMPANY, 31);

    /** The portal's pages as a test sees them: the URLs the card asked to open. */
    private static final class RecordedPages implements CrmPages {
        final List<String> opened = new ArrayList<>();

        @Override
        public Optional<String> portalOrigin() {
            return Optional.of("https://acme.bitrix24.com");
        }

        @Override
        public void open(String url) {
            opened.add(url);
        }
    }

    private final CallCardViewModel vm = new CallCardViewModel(Messages.forLocale(Locale.ENGLISH),
            Clock.fixed(T0, ZoneOffset.UTC), Runnable::run);

    private static CallEvent opened(String callId, Instant at, CrmRef entity, List<CrmRef> bindings) {
        return new CallEvent.WidgetOpened(at, new CallCardStatus(callId, CallerNumber.of("+74951234567"), "reg1", "",
                entity, bindings, null, CallDirection.INCOMING, CardCallState.CONNECTING, false));
    }

    private static CallEvent names(String callId, Instant openedAt, CrmNames names) {
        return new CallEvent.CrmNamesLearned(openedAt.plusSeconds(1), callId, openedAt, names);
    }

    private static CallSnapshot play(CallSnapshot s, CallEvent... events) {
        for (CallEvent e : events) {
            s = CallStateReducer.reduce(s, e);
        }
        return s;
    }

    @Test
    void theIdShowsWhileTheNameIsLookedUpThenTheName() {
        CallSnapshot ringing = play(CallSnapshot.EMPTY, opened("A", T0, CONTACT, List.of(CONTACT)));
        vm.apply(ringing);
        assertEquals("Contact #797", vm.crmTextProperty().get());
        assertEquals("Looking up the name\u2026", vm.crmHintProperty().get());

        vm.apply(play(ringing, names("A", T0, CrmNames.found(CONTACT, "Ivan Petrov"))));
        assertEquals("Ivan Petrov \u00b7 Contact", vm.crmTextProperty().get());
        assertEquals("", vm.crmHintProperty().get());
        assertTrue(vm.summaryTextProperty().get().contains("Ivan Petrov"), vm.summaryTextProperty().get());
    }

    @Test
    void withoutCredentialsTheIdStaysAndTheCardSaysWhy() {
        vm.apply(play(CallSnapshot.EMPTY, opened("A", T0, COMPANY, List.of(COMPANY)),
                names("A", T0, CrmNames.unavailable(CrmNames.Missing.NO_CREDENTIALS))));
        assertEquals("Company #31", vm.crmTextProperty().get());
        assertEquals("Name not available: no portal connection", vm.crmHintProperty().get());
    }

    @Test
    void aDeletedItemOrAFailingPortalIsSaidSo() {
        CallSnapshot s = play(CallSnapshot.EMPTY, opened("A", T0, CONTACT, List.of(CONTACT)),
                names("A", T0, CrmNames.unnamed(CONTACT, CrmNames.Missing.NOT_FOUND)));
        vm.apply(s);
        assertEquals("Not found in the CRM (deleted?)", vm.crmHintProperty().get());
        vm.apply(play(s, names("A", T0, CrmNames.unnamed(CONTACT, CrmNames.Missing.PORTAL_ERROR))));
        assertEquals("Name not available: the portal did not answer", vm.crmHintProperty().get());
    }

    @Test
    void aSecondCallNeverShowsTheFirstCallsName() {
        CallSnapshot first = play(CallSnapshot.EMPTY, opened("A", T0, CONTACT, List.of(CONTACT)));
        CallSnapshot second = play(first, new CallEvent.StateChanged(T0.plusSeconds(5), "A", CardCallState.IDLE, null),
                opened("B", T0.plusSeconds(10), CONTACT, List.of(CONTACT)));
        // the first call's name arrives late, after the second call took the card
        vm.apply(play(second, names("A", T0, CrmNames.found(CONTACT, "Ivan Petrov"))));
        assertEquals("B", vm.snapshot().callId());
        assertEquals("Contact #797", vm.crmTextProperty().get());
        assertEquals("Looking up the name\u2026", vm.crmHintProperty().get());
    }

    @Test
    void everyBindingIsListedOnceWithItsNameAndPage() {
        RecordedPages pages = new RecordedPages();
        vm.usePages(pages);
        vm.apply(play(CallSnapshot.EMPTY, opened("A", T0, CONTACT, List.of(DEAL, CONTACT, COMPANY)),
                names("A", T0, CrmNames.found(CONTACT, "Ivan Petrov")),
                names("A", T0, CrmNames.found(DEAL, "Spring order"))));

        List<CrmBinding> rows = vm.bindingsProperty().get();
        assertEquals(List.of(CONTACT, DEAL, COMPANY), rows.stream().map(CrmBinding::ref).toList(), "primary first");
        assertEquals(List.of("Ivan Petrov \u00b7 Contact #797", "Spring order \u00b7 Deal #4615", "Company #31"),
                rows.stream().map(CrmBinding::text).toList());
        assertEquals("Ivan Petrov \u00b7 Contact \u00b7 +2 more", vm.crmTextProperty().get());

        vm.open(rows.get(1));
        assertEquals(List.of("https://acme.bitrix24.com/crm/deal/details/4615/"), pages.opened);
    }

    @Test
    void withoutAPortalTheBindingsHaveNoLink() {
        vm.apply(play(CallSnapshot.EMPTY, opened("A", T0, LEAD_ONLY, List.of(LEAD_ONLY))));
        List<CrmBinding> rows = vm.bindingsProperty().get();
        assertEquals(1, rows.size());
        assertFalse(rows.get(0).hasLink());
        vm.open(rows.get(0)); // must not reach CrmPages.NONE, which refuses
        assertEquals("Lead #9", rows.get(0).text());
    }

    @Test
    void anUnlinkedCallListsNothingAndHintsNothing() {
        vm.apply(play(CallSnapshot.EMPTY, opened("A", T0, null, List.of())));
        assertEquals(List.of(), vm.bindingsProperty().get());
        assertEquals("", vm.crmHintProperty().get());
        assertEquals("Not linked to CRM", vm.crmTextProperty().get());
    }

    private static final CrmRef LEAD_ONLY = new CrmRef(CrmEntityType.LEAD, 9);
}
