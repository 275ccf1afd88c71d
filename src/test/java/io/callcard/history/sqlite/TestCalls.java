package io.callcard.history.sqlite;

import io.callcard.call.CallDirection;
import io.callcard.call.CrmEntityType;
import io.callcard.call.CrmRef;
import io.callcard.history.FactSource;
import io.callcard.history.HistoryBinding;
import io.callcard.history.HistoryCall;
import io.callcard.history.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Calls for the store's tests, each fact given outright. */
final class TestCalls {

    static final Instant NOON = Instant.parse("2026-12-01T12:00:00Z");

    private TestCalls() {
    }

    /** An answered incoming call from {@code number}, linked to contact {@code contactId} named {@code name}. */
    static HistoryCall answered(String key, Instant at, String number, long contactId, String name, int talk) {
        CrmRef contact = new CrmRef(CrmEntityType.CONTACT, contactId);
        return new HistoryCall(key, "call-" + key, CallDirection.INCOMING, number, "reg1", "Main line", contact,
                List.of(new HistoryBinding(contact, name)), 77L, false, at, at.plusSeconds(5),
                at.plusSeconds(5 + talk), 5, talk, "200", "", Outcome.ANSWERED, "1.20", "RUB", null,
                Map.of("talkSeconds", FactSource.SERVER_EVENTS, "failedCode", FactSource.STATISTICS));
    }

    /** An unlinked call of {@code direction} with {@code outcome}, no talk. */
    static HistoryCall unlinked(String key, Instant at, String number, CallDirection direction, Outcome outcome) {
        return new HistoryCall(key, null, direction, number, "", "", null, List.of(), null, false, at, null,
                outcome == Outcome.IN_PROGRESS ? null : at.plusSeconds(20), 20, null, null, null, outcome, null, null,
                null, Map.of());
    }
}
