package io.callcard.app.history;

import io.callcard.call.CallDirection;
import io.callcard.history.FactSource;
import io.callcard.history.HistoryBinding;
import io.callcard.history.HistoryCall;
import io.callcard.history.Outcomes;
import io.callcard.portal.PortalCallRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one of the portal's call records ({@code voximplant.statistic.get}) adds to or corrects in the history's record
 * of the same call. Pure: the same record and call give the same answer, and a call already reconciled with a record
 * comes back unchanged, which is what makes an import run twice change nothing.
 *
 * <p>The portal's record is the authority on what it measures and bills: talk time, failure code and reason, cost and
 * the recording's link replace what the companion heard whenever the portal states them. What the companion may have
 * missed (the number, the line, the direction, the CRM item, the activity, the end) is filled in only where the history
 * has nothing. Every fact changed is marked {@link FactSource#STATISTICS}; the outcome is decided again by
 * {@link Outcomes}.
 */
public final class PortalReconciliation {

    private PortalReconciliation() {
    }

    /** The result of reconciling: the call as it should now be, and the names of the facts that changed. */
    public record Result(HistoryCall call, Set<String> changed) {
        public Result {
            Objects.requireNonNull(call, "call");
            changed = Set.copyOf(changed);
        }

        public boolean changedAnything() {
            return !changed.isEmpty();
        }
    }

    /** The key of a call the companion never heard of, known from the portal's record only: its row id. */
    static String keyOf(PortalCallRecord record) {
        return record.recordId().isEmpty()
                ? "statistics-" + record.callId() + "-" + record.startedAt().toEpochSecond()
                : "statistics-" + record.recordId();
    }

    /** A new history record for a call the companion never heard of; the record must have its start. */
    public static HistoryCall newCall(PortalCallRecord record) {
        Instant start = Objects.requireNonNull(record.startedAt(), "startedAt").toInstant();
        CallDirection direction = record.type().direction();
        String code = record.failedCode().isEmpty() ? null : record.failedCode();
        int talk = (int) record.durationSeconds();
        List<HistoryBinding> bindings = record.entity() == null ? List.of()
                : List.of(new HistoryBinding(record.entity(), null));
        Map<String, FactSource> sources = new HashMap<>();
        for (String fact : List.of("callId", "direction", "number", "line", "entity", "bindings", "activityId",
                "firstHeard", "endedAt", "talkSeconds", "failedCode", "failedReason", "cost", "recordUrl")) {
            sources.put(fact, FactSource.STATISTICS);
        }
        return new HistoryCall(keyOf(record), emptyToNull(record.callId()), direction, record.phoneNumber(),
                record.portalNumber(), "", record.entity(), bindings, record.activityId(), false, start, null,
                start.plusSeconds(talk), null, talk, code, record.failedReason(),
                Outcomes.of(direction, talk > 0, true, code), cost(record), currency(record), record.recordUrl(),
                sources);
    }

    /** {@code known} with what {@code record} adds or corrects. */
    public static Result reconcile(HistoryCall known, PortalCallRecord record) {
        Objects.requireNonNull(known, "known");
        Objects.requireNonNull(record, "record");
        Facts facts = new Facts(known);
        // what the portal measures and bills: it is right whenever it says
        if (!record.failedCode().isEmpty()) {
            facts.talkSeconds = facts.set("talkSeconds", known.talkSeconds(), (int) record.durationSeconds());
            facts.failedCode = facts.set("failedCode", known.failedCode(), record.failedCode());
            facts.failedReason = facts.set("failedReason", known.failedReason(), record.failedReason());
        }
        if (record.cost() != null) {
            facts.cost = facts.set("cost", known.cost(), cost(record));
            facts.costCurrency = facts.set("cost", known.costCurrency(), currency(record));
        }
        if (record.recordUrl() != null) {
            facts.recordUrl = facts.set("recordUrl", known.recordUrl(), record.recordUrl());
        }
        // what the companion may have missed: filled in, never overwritten
        if (known.number().isEmpty() && !record.phoneNumber().isEmpty()) {
            facts.number = facts.set("number", known.number(), record.phoneNumber());
        }
        if (known.lineNumber().isEmpty() && !record.portalNumber().isEmpty()) {
            facts.lineNumber = facts.set("line", known.lineNumber(), record.portalNumber());
        }
        if (known.direction() == CallDirection.UNKNOWN && record.type().direction() != CallDirection.UNKNOWN) {
            facts.direction = facts.set("direction", known.direction(), record.type().direction());
        }
        if (known.entity() == null && record.entity() != null) {
            facts.entity = facts.set("entity", null, record.entity());
            if (known.bindings().stream().noneMatch(b -> b.ref().equals(record.entity()))) {
                List<HistoryBinding> bindings = new ArrayList<>();
                bindings.add(new HistoryBinding(record.entity(), null));
                bindings.addAll(known.bindings());
                facts.bindings = facts.set("bindings", known.bindings(), bindings);
            }
        }
        if (known.activityId() == null && record.activityId() != null) {
            facts.activityId = facts.set("activityId", null, record.activityId());
        }
        if (known.endedAt() == null && !record.failedCode().isEmpty() && record.startedAt() != null) {
            // the portal wrote its record, so the call ended: when, it does not say beyond the talk time
            Instant from = known.connectedAt() != null ? known.connectedAt() : record.startedAt().toInstant();
            facts.endedAt = facts.set("endedAt", null, from.plus(Duration.ofSeconds(record.durationSeconds())));
        }
        return facts.result(known);
    }

    private static String cost(PortalCallRecord record) {
        return record.cost() == null ? null : record.cost().toPlainString();
    }

    private static String currency(PortalCallRecord record) {
        return record.costCurrency().isEmpty() ? null : record.costCurrency();
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    /** The call's facts as they are being reconciled, and which of them changed. */
    private static final class Facts {
        CallDirection direction;
        String number;
        String lineNumber;
        io.callcard.call.CrmRef entity;
        List<HistoryBinding> bindings;
        Long activityId;
        Instant endedAt;
        Integer talkSeconds;
        String failedCode;
        String failedReason;
        String cost;
        String costCurrency;
        String recordUrl;
        final Set<String> changed = new LinkedHashSet<>();

        Facts(HistoryCall known) {
            direction = known.direction();
            number = known.number();
            lineNumber = known.lineNumber();
            entity = known.entity();
            bindings = known.bindings();
            activityId = known.activityId();
            endedAt = known.endedAt();
            talkSeconds = known.talkSeconds();
            failedCode = known.failedCode();
            failedReason = known.failedReason();
            cost = known.cost();
            costCurrency = known.costCurrency();
            recordUrl = known.recordUrl();
        }

        <T> T set(String fact, T before, T after) {
            if (!Objects.equals(before, after)) {
                changed.add(fact);
            }
            return after;
        }

        Result result(HistoryCall known) {
            if (changed.isEmpty()) {
                return new Result(known, changed);
            }
            Map<String, FactSource> sources = new HashMap<>(known.sources());
            for (String fact : changed) {
                sources.put(fact, FactSource.STATISTICS);
            }
            boolean connected = known.connectedAt() != null || (talkSeconds != null && talkSeconds > 0);
            HistoryCall call = new HistoryCall(known.key(), known.callId(), direction, number, lineNumber,
                    known.lineName(), entity, bindings, activityId, known.callListMode(), known.firstHeard(),
                    known.connectedAt(), endedAt, known.ringSeconds(), talkSeconds, failedCode, failedReason,
                    Outcomes.of(direction, connected, endedAt != null, failedCode), cost, costCurrency, recordUrl,
                    sources);
            if (call.outcome() != known.outcome()) {
                changed.add("outcome");
                sources.put("outcome", FactSource.STATISTICS);
                call = new HistoryCall(call.key(), call.callId(), direction, number, lineNumber, call.lineName(),
                        entity, bindings, activityId, call.callListMode(), call.firstHeard(), call.connectedAt(),
                        endedAt, call.ringSeconds(), talkSeconds, failedCode, failedReason, call.outcome(), cost,
                        costCurrency, recordUrl, sources);
            }
            return new Result(call, changed);
        }
    }
}
