package io.callcard.history.recorder;

import io.callcard.call.CallDirection;
import io.callcard.call.CrmRef;
import io.callcard.history.FactSource;
import io.callcard.history.HistoryBinding;
import io.callcard.history.HistoryCall;
import io.callcard.history.Outcome;
import io.callcard.history.Outcomes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One call's record while the recorder folds events into it: the facts of {@link HistoryCall}, changed one at a time,
 * each change noting the source it came from (a fact set again to the value it had keeps its first source). The
 * outcome is never set: {@link Outcomes} derives it at {@link #build()}.
 */
final class RecordDraft {

    final String key;
    final String callId;
    final Instant firstHeard;
    private CallDirection direction = CallDirection.UNKNOWN;
    private String number = "";
    private String lineNumber = "";
    private String lineName = "";
    private CrmRef entity;
    private List<HistoryBinding> bindings = List.of();
    private Long activityId;
    private boolean callListMode;
    private Instant connectedAt;
    private Instant endedAt;
    private Integer ringSeconds;
    private Integer talkSeconds;
    private String failedCode;
    private String failedReason = "";
    private final Map<String, FactSource> sources = new HashMap<>();
    /** Facts only another source (the portal's call records) gives, kept as a resumed record had them. */
    private String cost;
    private String costCurrency;
    private String recordUrl;

    RecordDraft(String key, String callId, Instant firstHeard, FactSource source) {
        this.key = Objects.requireNonNull(key, "key");
        this.callId = callId;
        this.firstHeard = Objects.requireNonNull(firstHeard, "firstHeard");
        sources.put("firstHeard", source);
    }

    /**
     * The draft of a call recorded before (by this companion before a restart), to go on folding its events into:
     * every fact and its source as stored.
     */
    static RecordDraft resumed(HistoryCall call) {
        RecordDraft d = new RecordDraft(call.key(), call.callId(), call.firstHeard(), FactSource.WIDGET);
        d.direction = call.direction();
        d.number = call.number();
        d.lineNumber = call.lineNumber();
        d.lineName = call.lineName();
        d.entity = call.entity();
        d.bindings = call.bindings();
        d.activityId = call.activityId();
        d.callListMode = call.callListMode();
        d.connectedAt = call.connectedAt();
        d.endedAt = call.endedAt();
        d.ringSeconds = call.ringSeconds();
        d.talkSeconds = call.talkSeconds();
        d.failedCode = call.failedCode();
        d.failedReason = call.failedReason();
        d.cost = call.cost();
        d.costCurrency = call.costCurrency();
        d.recordUrl = call.recordUrl();
        d.sources.clear();
        d.sources.putAll(call.sources());
        return d;
    }

    boolean ended() {
        return endedAt != null;
    }

    Instant endedAt() {
        return endedAt;
    }

    Instant connectedAt() {
        return connectedAt;
    }

    CallDirection direction() {
        return direction;
    }

    String number() {
        return number;
    }

    String failedCode() {
        return failedCode;
    }

    Integer talkSeconds() {
        return talkSeconds;
    }

    String failedReason() {
        return failedReason;
    }

    void direction(CallDirection value, FactSource source) {
        direction = set("direction", direction, value, source);
    }

    void number(String value, FactSource source) {
        number = set("number", number, value, source);
    }

    void line(String newNumber, String newName, FactSource source) {
        lineNumber = set("lineNumber", lineNumber, newNumber, source);
        lineName = set("lineName", lineName, newName, source);
    }

    void entity(CrmRef value, FactSource source) {
        entity = set("entity", entity, value, source);
    }

    void bindings(List<HistoryBinding> value, FactSource source) {
        bindings = set("bindings", bindings, List.copyOf(value), source);
    }

    void activityId(Long value, FactSource source) {
        activityId = set("activityId", activityId, value, source);
    }

    void callListMode(boolean value, FactSource source) {
        callListMode = set("callListMode", callListMode, value, source);
    }

    void connectedAt(Instant value, FactSource source) {
        connectedAt = set("connectedAt", connectedAt, value, source);
    }

    void endedAt(Instant value, FactSource source) {
        endedAt = set("endedAt", endedAt, value, source);
    }

    void ringSeconds(Integer value, FactSource source) {
        ringSeconds = set("ringSeconds", ringSeconds, value, source);
    }

    void talkSeconds(Integer value, FactSource source) {
        talkSeconds = set("talkSeconds", talkSeconds, value, source);
    }

    void failure(String code, String reason, FactSource source) {
        failedCode = set("failedCode", failedCode, code, source);
        failedReason = set("failedReason", failedReason, reason == null ? "" : reason, source);
    }

    /** Whole seconds, as the portal counts them; null stays null. */
    static Integer seconds(Duration d) {
        return d == null ? null : (int) Math.min(Integer.MAX_VALUE, Math.max(0, d.getSeconds()));
    }

    HistoryCall build() {
        boolean talked = connectedAt != null || talkSeconds != null && talkSeconds > 0;
        Outcome outcome = Outcomes.of(direction, talked, endedAt != null, failedCode);
        return new HistoryCall(key, callId, direction, number, lineNumber, lineName, entity, bindings, activityId,
                callListMode, firstHeard, connectedAt, endedAt, ringSeconds, talkSeconds, failedCode, failedReason,
                outcome, cost, costCurrency, recordUrl, sources);
    }

    private <T> T set(String fact, T old, T value, FactSource source) {
        if (!Objects.equals(old, value)) {
            if (value == null || "".equals(value) || value instanceof List<?> list && list.isEmpty()) {
                sources.remove(fact);
            } else {
                sources.put(fact, source);
            }
        }
        return value;
    }
}
