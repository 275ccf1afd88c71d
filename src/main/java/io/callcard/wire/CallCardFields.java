package io.callcard.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The call card's data object, decoded once whichever channel brought it: the {@code getStatus} result (ints and
 * bools) and the widget's {@code PLACEMENT_OPTIONS} (every value a string), protocol.md §2. Lenient about types and
 * about the portal's many ways of saying "none" (see {@link JsonFields}); strict only where a wrong value would
 * mislead: CALL_ID is required and CALL_STATE must be one of the three. The values stay the wire's own (the domain
 * types are built from them in {@code io.callcard.call.CallCardStatus}), because this package imports nothing of ours.
 *
 * @param phoneNumber the PHONE_NUMBER as sent ({@code "hidden"}, {@code "unknown"} included), or {@code null}
 * @param entity      the CRM item the card shows, or {@code null} for "not linked" (no type, or id 0)
 * @param bindings    the usable CRM_BINDINGS entries; a malformed entry is skipped, not fatal
 * @param activityId  the CRM activity, or {@code null} while the card has none
 * @param direction   CALL_DIRECTION as sent ({@code incoming}, {@code incomingTransfer}, ...), or {@code null}
 */
public record CallCardFields(
        String callId,
        String phoneNumber,
        String lineNumber,
        String lineName,
        CrmItem entity,
        List<CrmItem> bindings,
        Long activityId,
        String direction,
        CardCallState state,
        boolean callListMode) {

    /** A CRM item as the card names it: the entity type as sent ({@code CONTACT}, {@code DEAL}, ...), a positive id. */
    public record CrmItem(String type, long id) {
    }

    public CallCardFields {
        bindings = List.copyOf(bindings);
    }

    /**
     * @throws WireFormatException {@link WireFormatException.Problem#INVALID_FIELD} without a CALL_ID or with a field
     *                             of a type no channel sends; {@link WireFormatException.Problem#UNKNOWN_CALL_STATE}
     *                             when CALL_STATE is missing or not a call card state (guessing "idle" would end a
     *                             live call on the agent's screen)
     */
    public static CallCardFields decode(JsonNode object) {
        if (object == null || !object.isObject()) {
            throw WireFormatException.invalidField("the call card status must be an object");
        }
        String callId = JsonFields.text(object, "CALL_ID");
        if (callId == null || callId.isEmpty()) {
            throw WireFormatException.invalidField("CALL_ID is required");
        }
        return new CallCardFields(
                callId,
                JsonFields.text(object, "PHONE_NUMBER"),
                JsonFields.textOrEmpty(object, "LINE_NUMBER"),
                JsonFields.textOrEmpty(object, "LINE_NAME"),
                entity(object, "CRM_ENTITY_TYPE", "CRM_ENTITY_ID"),
                bindings(object.get("CRM_BINDINGS")),
                JsonFields.id(object, "CRM_ACTIVITY_ID"),
                JsonFields.text(object, "CALL_DIRECTION"),
                state(object.get("CALL_STATE")),
                JsonFields.flag(object, "CALL_LIST_MODE"));
    }

    /** The item named by a type key and an id key; {@code null} for the portal's "not linked" (empty type, id 0). */
    public static CrmItem entity(JsonNode object, String typeKey, String idKey) {
        String type = JsonFields.text(object, typeKey);
        Long id = JsonFields.id(object, idKey);
        return id == null || type == null || type.isEmpty() ? null : new CrmItem(type, id);
    }

    /** A CALL_STATE value (the card's or a CallStateChanged event's first argument): a string naming one of three. */
    public static CardCallState state(JsonNode value) {
        String text = value != null && value.isTextual() ? value.asText() : null;
        return CardCallState.parse(text).orElseThrow(() -> new WireFormatException(
                WireFormatException.Problem.UNKNOWN_CALL_STATE, "CALL_STATE must be idle, connecting or connected"));
    }

    /**
     * Whether a command's answer is the card's error, {@code [{"result":"error","errorCode":"..."}]}: the only one
     * Bitrix24 documents is "Call card is undefined", i.e. there is no card to ask.
     */
    public static boolean isErrorAnswer(JsonNode result) {
        JsonNode first = result != null && result.isArray() ? result.get(0) : result;
        return first != null && first.isObject() && "error".equalsIgnoreCase(first.path("result").asText(""));
    }

    private static List<CrmItem> bindings(JsonNode array) {
        List<CrmItem> bindings = new ArrayList<>();
        if (array == null || !array.isArray()) {
            return bindings;
        }
        for (JsonNode entry : array) {
            try {
                CrmItem item = entry.isObject() ? entity(entry, "ENTITY_TYPE", "ENTITY_ID") : null;
                if (item != null) {
                    bindings.add(item);
                }
            } catch (WireFormatException badEntry) {
                // one malformed binding must not cost the whole status
            }
        }
        return bindings;
    }
}
