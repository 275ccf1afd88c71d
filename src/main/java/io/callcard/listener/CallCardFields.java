package io.callcard.listener;

import com.fasterxml.jackson.databind.JsonNode;
import io.callcard.call.CallCardStatus;
import io.callcard.call.CallDirection;
import io.callcard.call.CardCallState;
import io.callcard.call.CallerNumber;
import io.callcard.call.CrmRef;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The one normaliser for the call card's data object, whichever channel brought it: the {@code getStatus} result
 * (ints and bools) and the widget's {@code PLACEMENT_OPTIONS} (every value a string). Lenient about types and about
 * the portal's many ways of saying "none"; strict only where a wrong value would mislead: CALL_ID and CALL_STATE.
 */
public final class CallCardFields {

    private CallCardFields() {
    }

    /**
     * @throws RequestRejected {@code invalid_message} without a CALL_ID or with a field of a type no channel sends;
     *                         {@code invalid_state} when CALL_STATE is missing or not a call card state
     */
    public static CallCardStatus status(JsonNode object) {
        if (object == null || !object.isObject()) {
            throw JsonFields.invalid("the call card status must be an object");
        }
        String callId = JsonFields.optionalText(object, "CALL_ID");
        if (callId == null || callId.isBlank()) {
            throw JsonFields.invalid("CALL_ID is required");
        }
        return new CallCardStatus(
                callId.trim(),
                CallerNumber.of(JsonFields.optionalText(object, "PHONE_NUMBER")),
                JsonFields.optionalText(object, "LINE_NUMBER"),
                JsonFields.optionalText(object, "LINE_NAME"),
                entity(object, "CRM_ENTITY_TYPE", "CRM_ENTITY_ID"),
                bindings(object.get("CRM_BINDINGS")),
                activityId(object),
                CallDirection.parse(JsonFields.optionalText(object, "CALL_DIRECTION")),
                state(object),
                JsonFields.optionalFlag(object, "CALL_LIST_MODE"));
    }

    /** A CRM item from a type key and an id key; {@code null} for the portal's "not linked" (empty type, id 0). */
    static CrmRef entity(JsonNode object, String typeKey, String idKey) {
        String type = JsonFields.optionalText(object, typeKey);
        OptionalLong id = JsonFields.optionalId(object, idKey);
        if (id.isEmpty()) {
            return null;
        }
        return CrmRef.of(type, id.getAsLong()).orElse(null);
    }

    /** CRM_BINDINGS is secondary data: an entry that is not a usable item is skipped, not fatal. */
    private static List<CrmRef> bindings(JsonNode array) {
        List<CrmRef> bindings = new ArrayList<>();
        if (array == null || !array.isArray()) {
            return bindings;
        }
        for (JsonNode entry : array) {
            if (!entry.isObject()) {
                continue;
            }
            try {
                CrmRef ref = entity(entry, "ENTITY_TYPE", "ENTITY_ID");
                if (ref != null) {
                    bindings.add(ref);
                }
            } catch (RequestRejected badEntry) {
                // one malformed binding must not cost the whole status
            }
        }
        return bindings;
    }

    private static Long activityId(JsonNode object) {
        OptionalLong id = JsonFields.optionalId(object, "CRM_ACTIVITY_ID");
        return id.isPresent() && id.getAsLong() > 0 ? id.getAsLong() : null;
    }

    /** Missing is not "idle": guessing would end a live call on the agent's screen. */
    private static CardCallState state(JsonNode object) {
        JsonNode value = object.get("CALL_STATE");
        String text = value != null && value.isTextual() ? value.asText() : null;
        return CardCallState.parse(text).orElseThrow(() -> RequestRejected.badRequest(RequestRejected.INVALID_STATE,
                "CALL_STATE must be idle, connecting or connected"));
    }
}
