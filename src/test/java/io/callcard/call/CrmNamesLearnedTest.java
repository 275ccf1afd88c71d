package io.callcard.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.callcard.wire.CardCallState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The reducer keeps CRM names with the call they were looked up for, and nowhere else. */
class CrmNamesLearnedTest {

    private static final CrmRef CONTACT = new CrmRef(CrmEntityType.CONTACT, 797);
    private static final CrmRef DEAL = new CrmRef(CrmEntityType.DEAL, 12);

    private static Instant t(long s) {
        return Instant.ofEpochSecond(1_700_000_000L + s);
    }

    private static CallSnapshot talking(String id, Instant openedAt) {
        return new CallSnapshot(id, CallerNumber.of("+74951234567"), CallDirection.INCOMING, CardCallState.CONNECTED,
                "", "", CONTACT, List.of(CONTACT, DEAL), null, false, null, false, true, false, openedAt, openedAt,
                null, openedAt, CrmNames.NONE);
    }

    @Test
    void namesOfTheCallOnTheCardAreKeptAndMerged() {
        CallSnapshot a = talking("A", t(0));
        CallSnapshot one = CallStateReducer.reduce(a,
                new CallEvent.CrmNamesLearned(t(2), "A", t(0), CrmNames.found(CONTACT, "Ivan Petrov")));
        CallSnapshot both = CallStateReducer.reduce(one,
                new CallEvent.CrmNamesLearned(t(3), "A", t(0), CrmNames.unnamed(DEAL, CrmNames.Missing.NOT_FOUND)));
        assertEquals(Optional.of("Ivan Petrov"), both.crmNames().nameOf(CONTACT));
        assertEquals(Optional.of(CrmNames.Missing.NOT_FOUND), both.crmNames().whyUnnamed(DEAL));
        assertEquals(CardCallState.CONNECTED, both.state(), "names change nothing else");
    }

    @Test
    void namesLookedUpForAnotherCallAreDropped() {
        CallSnapshot b = talking("B", t(10));
        assertSame(b, CallStateReducer.reduce(b,
                new CallEvent.CrmNamesLearned(t(11), "A", t(0), CrmNames.found(CONTACT, "Ivan Petrov"))));
    }

    @Test
    void namesForAnEarlierCallWithTheSameIdAreDropped() {
        CallSnapshot reused = talking("A", t(10));
        assertSame(reused, CallStateReducer.reduce(reused,
                new CallEvent.CrmNamesLearned(t(11), "A", t(0), CrmNames.found(CONTACT, "Ivan Petrov"))));
    }

    @Test
    void anAnswerAfterNoCredentialsClearsTheReasonForAllButKeepsEachItemsOwn() {
        CrmNames none = CrmNames.NONE.with(CrmNames.unavailable(CrmNames.Missing.NO_CREDENTIALS));
        assertEquals(Optional.of(CrmNames.Missing.NO_CREDENTIALS), none.whyUnnamed(DEAL));
        CrmNames later = none.with(CrmNames.unnamed(CONTACT, CrmNames.Missing.PORTAL_ERROR))
                .with(CrmNames.found(DEAL, "Spring order"));
        assertEquals(Optional.of(CrmNames.Missing.PORTAL_ERROR), later.whyUnnamed(CONTACT));
        assertEquals(Optional.empty(), later.whyUnnamed(DEAL));
        assertEquals(Optional.of("Spring order"), later.nameOf(DEAL));
    }
}
