package io.callcard.call;

import io.callcard.wire.CallCardFields;
import io.callcard.wire.CardCallState;
import java.util.List;
import java.util.Objects;

/**
 * What the call card says about its call, normalised once at the edge: the widget's {@code PLACEMENT_OPTIONS}
 * (every value a string) and the {@code getStatus} result (ints and bools) both become this.
 *
 * @param activityId the CRM activity, or {@code null} when the card has none yet
 */
public record CallCardStatus(
        String callId,
        CallerNumber phone,
        String lineNumber,
        String lineName,
        CrmRef entity,
        List<CrmRef> bindings,
        Long activityId,
        CallDirection direction,
        CardCallState state,
        boolean callListMode) {

    public CallCardStatus {
        if (callId == null || callId.isBlank()) {
            throw new IllegalArgumentException("a call card status needs a CALL_ID");
        }
        phone = Objects.requireNonNullElse(phone, CallerNumber.UNKNOWN);
        lineNumber = Objects.requireNonNullElse(lineNumber, "");
        lineName = Objects.requireNonNullElse(lineName, "");
        bindings = bindings == null ? List.of() : List.copyOf(bindings);
        direction = Objects.requireNonNullElse(direction, CallDirection.UNKNOWN);
        Objects.requireNonNull(state, "state");
    }

    /** The domain's reading of the card's decoded fields: CRM items of a type we do not know are left out. */
    public static CallCardStatus of(CallCardFields fields) {
        return new CallCardStatus(
                fields.callId(),
                CallerNumber.of(fields.phoneNumber()),
                fields.lineNumber(),
                fields.lineName(),
                CrmRef.of(fields.entity()).orElse(null),
                fields.bindings().stream().flatMap(item -> CrmRef.of(item).stream()).toList(),
                fields.activityId(),
                CallDirection.parse(fields.direction()),
                fields.state(),
                fields.callListMode());
    }
}
