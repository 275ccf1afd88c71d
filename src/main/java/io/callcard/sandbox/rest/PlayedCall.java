package io.callcard.sandbox.rest;

import io.callcard.call.CrmRef;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A call the sandbox played, as the portal records it once it ended ({@link SandboxRestServer#recordCall}): what
 * {@code voximplant.statistic.get} then answers about it, and what {@code ONVOXIMPLANTCALLEND} said.
 *
 * @param callType     {@code CALL_TYPE}: 1 outgoing, 2 incoming, 3 incoming redirected, 4 callback, 5 info call
 * @param portalUserId the agent the call was routed to
 * @param talked       {@code CALL_DURATION}, rounded to whole seconds in the record
 * @param failedCode   {@code CALL_FAILED_CODE} verbatim, {@code "200"} for success
 * @param entity       the primary CRM item, or null
 * @param activityId   the CRM activity logged for the call, or null
 */
public record PlayedCall(String callId, int callType, String phoneNumber, String portalNumber, String portalUserId,
                         OffsetDateTime startedAt, Duration talked, String failedCode, String failedReason,
                         CrmRef entity, Long activityId) {

    public PlayedCall {
        if (callId == null || callId.isBlank()) {
            throw new IllegalArgumentException("a played call has a CALL_ID");
        }
        if (callType < 1 || callType > 5) {
            throw new IllegalArgumentException("CALL_TYPE is 1..5: " + callType);
        }
        phoneNumber = Objects.requireNonNullElse(phoneNumber, "");
        portalNumber = Objects.requireNonNullElse(portalNumber, "");
        portalUserId = Objects.requireNonNullElse(portalUserId, "1");
        Objects.requireNonNull(startedAt, "startedAt");
        talked = talked == null || talked.isNegative() ? Duration.ZERO : talked;
        failedCode = failedCode == null || failedCode.isBlank() ? "200" : failedCode.trim();
        failedReason = Objects.requireNonNullElse(failedReason, "");
    }
}
