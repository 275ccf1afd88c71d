package io.callcard.portal;

import io.callcard.call.CrmRef;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One call of the portal's own history ({@code voximplant.statistic.get}). The portal sends every field as a string
 * or null; absent text reads as {@code ""}, absent numbers, times and links as {@code null}.
 *
 * @param recordId the history row's {@code ID}
 * @param callId the telephony {@code CALL_ID}
 * @param portalUserId the agent's user id, or {@code null}
 * @param portalNumber the line the call went through
 * @param phoneNumber the other party's number
 * @param durationSeconds talk time; 0 when absent
 * @param startedAt {@code CALL_START_DATE} with its offset, or {@code null}
 * @param failedCode {@code CALL_FAILED_CODE} verbatim ({@code "200"}, {@code "603-S"}, ...), {@code ""} when absent
 * @param entity the primary CRM item, or {@code null} when not linked
 * @param activityId the CRM activity, or {@code null}
 * @param cost the cost, or {@code null}
 * @param recordUrl the recording's address, or {@code null} when there is none
 */
public record PortalCallRecord(
        String recordId,
        String callId,
        Long portalUserId,
        String portalNumber,
        String phoneNumber,
        PortalCallType type,
        long durationSeconds,
        OffsetDateTime startedAt,
        String failedCode,
        String failedReason,
        CrmRef entity,
        Long activityId,
        BigDecimal cost,
        String costCurrency,
        String recordUrl) {

    public PortalCallRecord {
        recordId = Objects.requireNonNullElse(recordId, "");
        callId = Objects.requireNonNullElse(callId, "");
        portalNumber = Objects.requireNonNullElse(portalNumber, "");
        phoneNumber = Objects.requireNonNullElse(phoneNumber, "");
        type = Objects.requireNonNullElse(type, PortalCallType.UNKNOWN);
        failedCode = Objects.requireNonNullElse(failedCode, "");
        failedReason = Objects.requireNonNullElse(failedReason, "");
        costCurrency = Objects.requireNonNullElse(costCurrency, "");
        recordUrl = recordUrl == null || recordUrl.isBlank() ? null : recordUrl;
    }
}
