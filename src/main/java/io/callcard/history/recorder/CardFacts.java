package io.callcard.history.recorder;

import io.callcard.call.CallSnapshot;
import io.callcard.call.CrmRef;
import io.callcard.history.FactSource;
import io.callcard.history.HistoryBinding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The card's facts about the call it shows, copied from the snapshot after an event into the call's record: the
 * reducer already decided what the event means (stale or not, which word on the code stays), so the record agrees
 * with what the agent saw.
 */
final class CardFacts {

    private CardFacts() {
    }

    static void copy(CallSnapshot s, RecordDraft d, FactSource source) {
        d.direction(s.direction(), source);
        if (s.phone().isKnown() || d.number().isEmpty()) {
            d.number(s.phone().isKnown() ? s.phone().value() : "", source);
        }
        d.line(s.lineNumber(), s.lineName(), source);
        d.entity(s.entity(), source);
        List<HistoryBinding> bindings = new ArrayList<>();
        if (s.entity() != null) {
            bindings.add(binding(s, s.entity()));
        }
        for (CrmRef ref : s.bindings()) {
            if (!ref.equals(s.entity())) {
                bindings.add(binding(s, ref));
            }
        }
        d.bindings(bindings, source);
        d.activityId(s.activityId(), source);
        d.callListMode(s.callListMode(), source);
        d.connectedAt(s.connectedAt(), source);
        d.endedAt(s.endedAt(), source);
        Instant rangUntil = s.connectedAt() != null ? s.connectedAt() : s.endedAt();
        d.ringSeconds(rangUntil == null ? null : RecordDraft.seconds(s.ringTime(rangUntil)), source);
        // talk time is known once the call ended (the portal's figure when it gave one)
        d.talkSeconds(s.endedAt() == null ? null : RecordDraft.seconds(s.talkTime(s.endedAt())), source);
        if (s.outcome().failedCode() != null || d.failedCode() == null) {
            d.failure(s.outcome().failedCode(), s.outcome().failedReason(), source);
        }
    }

    private static HistoryBinding binding(CallSnapshot s, CrmRef ref) {
        return new HistoryBinding(ref, s.crmNames().nameOf(ref).orElse(null));
    }
}
