package io.callcard.portal;

import com.fasterxml.jackson.databind.JsonNode;
import io.callcard.call.CrmRef;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Maps one {@code voximplant.statistic.get} row to a {@link PortalCallRecord}, leniently: no field is required. */
final class PortalCallRecords {

    private PortalCallRecords() {
    }

    static PortalCallRecord read(JsonNode row) {
        Long duration = LenientJson.number(row, "CALL_DURATION");
        Long entityId = LenientJson.id(row, "CRM_ENTITY_ID");
        CrmRef entity = entityId == null ? null
                : CrmRef.of(LenientJson.text(row, "CRM_ENTITY_TYPE"), entityId).orElse(null);
        return new PortalCallRecord(
                LenientJson.text(row, "ID"),
                LenientJson.text(row, "CALL_ID"),
                LenientJson.id(row, "PORTAL_USER_ID"),
                LenientJson.text(row, "PORTAL_NUMBER"),
                LenientJson.text(row, "PHONE_NUMBER"),
                PortalCallType.of(LenientJson.number(row, "CALL_TYPE")),
                duration == null || duration < 0 ? 0 : duration,
                startedAt(LenientJson.text(row, "CALL_START_DATE")),
                LenientJson.text(row, "CALL_FAILED_CODE"),
                LenientJson.text(row, "CALL_FAILED_REASON"),
                entity,
                LenientJson.id(row, "CRM_ACTIVITY_ID"),
                LenientJson.decimal(row, "COST"),
                LenientJson.text(row, "COST_CURRENCY"),
                LenientJson.textOrNull(row, "CALL_RECORD_URL"));
    }

    private static OffsetDateTime startedAt(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
