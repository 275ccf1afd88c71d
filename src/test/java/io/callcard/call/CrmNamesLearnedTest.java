package io.callcard.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
                new CallEvent.CrmNamesLearned(t(3), "A", t(0), CrmNames.absent(DEAL)));
        assertEquals(Optional.of("Ivan Petrov"), both.crmNames().nameOf(CONTACT));
        assertTrue(both.crmNames().isNotFound(DEAL));
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
    void aNameAfterAFailureClearsTheFailure() {
        CrmNames failed = CrmNames.NONE.with(CrmNames.unavailable(CrmNames.Missing.PORTAL_ERROR));
        assertEquals(CrmNames.Missing.PORTAL_ERROR, failed.missing());
        assertEquals(null, failed.with(CrmNames.found(CONTACT, "Ivan")).missing());
    }
}
