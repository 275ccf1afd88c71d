package io.callcard.history.export;

import io.callcard.history.HistoryBinding;
import io.callcard.history.HistoryCall;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.BiFunction;

/**
 * The columns of an export, in file order, each named once for the CSV header and the JSON keys. Names are stable
 * English identifiers (not the window's words), so scripts reading exports survive a change of language.
 *
 * <p>A value is text, a whole number, a boolean, the call's {@linkplain HistoryCall#bindings() bindings}, its
 * {@linkplain HistoryCall#sources() sources}, or null when unknown; the writers render each kind in their own way.
 * Phone numbers, CALL_IDs, codes and costs are text: digits with meaning (a leading {@code +} or {@code 0}, "603-S",
 * "0.0150") must reach the file as the portal wrote them.
 */
public enum ExportColumn {
    KEY("key", (call, zone) -> call.key()),
    CALL_ID("call_id", (call, zone) -> call.callId()),
    FIRST_HEARD("first_heard", (call, zone) -> time(call.firstHeard(), zone)),
    DIRECTION("direction", (call, zone) -> call.direction().name()),
    NUMBER("number", (call, zone) -> call.number()),
    LINE_NUMBER("line_number", (call, zone) -> call.lineNumber()),
    LINE_NAME("line_name", (call, zone) -> call.lineName()),
    CRM_ENTITY_TYPE("crm_entity_type", (call, zone) -> call.entity() == null ? null : call.entity().type().name()),
    CRM_ENTITY_ID("crm_entity_id", (call, zone) -> call.entity() == null ? null : call.entity().id()),
    CRM_NAME("crm_name", (call, zone) -> call.crmName()),
    BINDINGS("bindings", (call, zone) -> call.bindings()),
    ACTIVITY_ID("activity_id", (call, zone) -> call.activityId()),
    CALL_LIST_MODE("call_list_mode", (call, zone) -> call.callListMode()),
    CONNECTED_AT("connected_at", (call, zone) -> time(call.connectedAt(), zone)),
    ENDED_AT("ended_at", (call, zone) -> time(call.endedAt(), zone)),
    RING_SECONDS("ring_seconds", (call, zone) -> whole(call.ringSeconds())),
    TALK_SECONDS("talk_seconds", (call, zone) -> whole(call.talkSeconds())),
    OUTCOME("outcome", (call, zone) -> call.outcome().name()),
    FAILED_CODE("failed_code", (call, zone) -> call.failedCode()),
    FAILED_REASON("failed_reason", (call, zone) -> call.failedReason()),
    COST("cost", (call, zone) -> call.cost()),
    COST_CURRENCY("cost_currency", (call, zone) -> call.costCurrency()),
    RECORD_URL("record_url", (call, zone) -> call.recordUrl()),
    SOURCES("sources", (call, zone) -> call.sources());

    private final String header;
    private final BiFunction<HistoryCall, ZoneId, Object> value;

    ExportColumn(String header, BiFunction<HistoryCall, ZoneId, Object> value) {
        this.header = header;
        this.value = value;
    }

    /** The CSV header's cell and the JSON key. */
    public String header() {
        return header;
    }

    /**
     * The call's value in this column: a {@link String}, a {@link Long}, a {@link Boolean}, a list of
     * {@link HistoryBinding}, a map of fact names to sources, or null when unknown.
     */
    Object valueOf(HistoryCall call, ZoneId zone) {
        return value.apply(call, zone);
    }

    /** Times as ISO-8601 with the offset of the zone asked for: local to the reader, and unambiguous. */
    private static String time(Instant at, ZoneId zone) {
        return at == null ? null : ExportTimes.format(at, zone);
    }

    private static Long whole(Integer seconds) {
        return seconds == null ? null : seconds.longValue();
    }
}
