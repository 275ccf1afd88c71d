package io.callcard.sandbox;

import io.callcard.call.CrmRef;
import io.callcard.sandbox.rest.PlayedCall;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A drawn call as the portal's records tell it: the string fields that {@code voximplant.statistic.get} and the
 * {@code ONVOXIMPLANT*} events share (protocol.md §4, §5), agreeing with what the widget showed for the same call: the
 * same CALL_ID, number, line and activity. {@code CALL_START_DATE} is left to the player (see
 * {@link TelephonyEventPost}).
 */
final class TelephonyRecords {

    /** The user the sandbox's calls are routed to; the sandbox portal has one agent. */
    static final String AGENT_USER_ID = "1";

    /** The portal's words for the codes it documents; an undocumented code comes without words, as on a portal. */
    private static final Map<String, String> REASONS = Map.of(
            "200", "", "304", "Missed call", "486", "Busy", "603", "Declined", "603-S", "Call canceled",
            "480", "Temporarily unavailable", "404", "Invalid number", "484", "Direction unavailable",
            "403", "Forbidden", "402", "Insufficient funds");

    private TelephonyRecords() {
    }

    static Map<String, String> record(DrawnCall drawn) {
        SimulatedCall call = drawn.call();
        String failedCode = call.failedCode().orElse("200");
        Map<String, String> r = new LinkedHashMap<>();
        r.put("CALL_ID", drawn.callId());
        r.put("CALL_TYPE", call.direction().callType());
        r.put("PHONE_NUMBER", drawn.phoneNumber() == null ? "" : drawn.phoneNumber());
        r.put("PORTAL_NUMBER", call.lineNumber());
        r.put("PORTAL_USER_ID", AGENT_USER_ID);
        // whole seconds of talk, rounded as the portal's statistics show them
        r.put("CALL_DURATION", Long.toString((call.talkTime().toMillis() + 500) / 1000));
        r.put("COST", "0.0000");
        r.put("COST_CURRENCY", "RUB");
        r.put("CALL_FAILED_CODE", failedCode);
        r.put("CALL_FAILED_REASON", REASONS.getOrDefault(failedCode, ""));
        r.put("CRM_ACTIVITY_ID", drawn.activityId().isPresent() ? Integer.toString(drawn.activityId().getAsInt()) : "");
        // the statistics' fields the END event does not carry
        r.put("CRM_ENTITY_TYPE", call.crm().map(link -> link.type().name()).orElse(""));
        r.put("CRM_ENTITY_ID", call.crm().map(link -> Integer.toString(link.id())).orElse(""));
        return r;
    }

    /** The portal's record of a call that ended: {@code record} as {@link #record} made it, started at {@code at}. */
    static PlayedCall played(Map<String, String> record, OffsetDateTime startedAt) {
        String entityType = record.getOrDefault("CRM_ENTITY_TYPE", "");
        String entityId = record.getOrDefault("CRM_ENTITY_ID", "");
        CrmRef entity = entityType.isEmpty() || entityId.isEmpty() ? null
                : CrmRef.of(entityType, Long.parseLong(entityId)).orElse(null);
        String activity = record.getOrDefault("CRM_ACTIVITY_ID", "");
        return new PlayedCall(record.get("CALL_ID"), Integer.parseInt(record.get("CALL_TYPE")),
                record.get("PHONE_NUMBER"), record.get("PORTAL_NUMBER"), record.get("PORTAL_USER_ID"), startedAt,
                Duration.ofSeconds(Long.parseLong(record.get("CALL_DURATION"))), record.get("CALL_FAILED_CODE"),
                record.get("CALL_FAILED_REASON"), entity, activity.isEmpty() ? null : Long.parseLong(activity));
    }
}
