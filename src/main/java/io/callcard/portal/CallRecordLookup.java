package io.callcard.portal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The portal's record of one call, found by its CALL_ID ({@code voximplant.statistic.get} with
 * {@code FILTER {CALL_ID}}): where a real portal tells the outcome of a call the widget could not (the failure code
 * and its words, the talk time; protocol.md §2a). The record appears some seconds after the call ended, so "no record"
 * usually means "not yet". One request per look-up; runs on the calling thread.
 */
public final class CallRecordLookup {

    /** {@code CALL_START_DATE} as the portal writes it, with the offset as {@code +00:00}. */
    private static final DateTimeFormatter PORTAL_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private final PortalClient client;

    public CallRecordLookup(PortalClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * The newest record of call {@code callId} that started at or after {@code startedNotBefore}, or empty when the
     * portal has none (yet). Bitrix24 may give one CALL_ID to two calls within 30 minutes: {@code startedNotBefore}
     * (null: no bound) keeps an earlier call's record from answering for a later one.
     */
    public Optional<PortalCallRecord> find(String callId, Instant startedNotBefore) throws PortalException {
        if (callId == null || callId.isBlank()) {
            throw new IllegalArgumentException("a CALL_ID is needed");
        }
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("CALL_ID", callId.trim());
        if (startedNotBefore != null) {
            filter.put(">=CALL_START_DATE", PORTAL_DATE.format(OffsetDateTime.ofInstant(startedNotBefore,
                    ZoneOffset.UTC)));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("FILTER", filter);
        params.put("SORT", "CALL_START_DATE");
        params.put("ORDER", "DESC");
        JsonNode rows = client.call(CallStatisticsImport.METHOD, params).result();
        if (!rows.isArray()) {
            return Optional.empty();
        }
        Optional<PortalCallRecord> newest = Optional.empty();
        for (JsonNode row : rows) {
            if (!row.isObject()) {
                continue;
            }
            PortalCallRecord record = PortalCallRecords.read(row);
            // the filter asked for this CALL_ID; a portal that ignored it must not hand us another call's outcome
            if (record.callId().equals(callId.trim())) {
                newest = newest.isEmpty() || NEWEST_FIRST.compare(record, newest.get()) < 0 ? Optional.of(record)
                        : newest;
            }
        }
        return newest;
    }

    /** Newest start first; a record without a start date last. */
    private static final Comparator<PortalCallRecord> NEWEST_FIRST = Comparator.comparing(PortalCallRecord::startedAt,
            Comparator.nullsLast(Comparator.<OffsetDateTime>reverseOrder()));
}
