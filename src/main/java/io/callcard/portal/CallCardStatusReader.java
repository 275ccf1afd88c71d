package io.callcard.portal;

import com.fasterxml.jackson.databind.JsonNode;
import io.callcard.call.CallCardStatus;
import io.callcard.call.CallDirection;
import io.callcard.call.CardCallState;
import io.callcard.call.CallerNumber;
import io.callcard.call.CrmRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a {@code getStatus} result that came back over the seed transport into a {@link CallCardStatus}, leniently
 * (ints or strings, PROTOCOL.md §2). The listener has its own normaliser for the widget's messages, but it speaks
 * the listener's rejection types and the portal may not import the listener, so this small reader is the portal's
 * side of the same rules: ids of 0 or "" mean "none", a bad binding is skipped, CALL_ID and CALL_STATE are required.
 */
final class CallCardStatusReader {

    private CallCardStatusReader() {
    }

    /**
     * The status in {@code result} (an object, or an array holding one); empty when the portal says there is no call
     * card ({@code [{"result":"error","errorCode":"Call card is undefined"}]}) or the object has no CALL_ID.
     *
     * @throws PortalException {@link PortalError#ERROR_UNEXPECTED_ANSWER} when CALL_STATE is missing or unknown:
     *                         guessing "idle" would end a live call on the agent's screen
     */
    static Optional<CallCardStatus> read(JsonNode result, String method) throws PortalException {
        JsonNode object = result != null && result.isArray() && result.size() > 0 ? result.get(0) : result;
        if (object == null || !object.isObject() || isNoCallCard(object)) {
            return Optional.empty();
        }
        String callId = LenientJson.text(object, "CALL_ID");
        if (callId.isEmpty()) {
            return Optional.empty();
        }
        Optional<CardCallState> state = CardCallState.parse(LenientJson.text(object, "CALL_STATE"));
        if (state.isEmpty()) {
            throw new PortalException(PortalError.ERROR_UNEXPECTED_ANSWER, "",
                    "getStatus without a known CALL_STATE", 200, method, null);
        }
        JsonNode phone = object.get("PHONE_NUMBER");
        return Optional.of(new CallCardStatus(
                callId,
                CallerNumber.of(phone == null || phone.isNull() ? null : LenientJson.text(object, "PHONE_NUMBER")),
                LenientJson.text(object, "LINE_NUMBER"),
                LenientJson.text(object, "LINE_NAME"),
                entity(object, "CRM_ENTITY_TYPE", "CRM_ENTITY_ID"),
                bindings(object.get("CRM_BINDINGS")),
                LenientJson.id(object, "CRM_ACTIVITY_ID"),
                CallDirection.parse(LenientJson.text(object, "CALL_DIRECTION")),
                state.get(),
                LenientJson.flag(object, "CALL_LIST_MODE")));
    }

    static boolean isNoCallCard(JsonNode object) {
        return "error".equalsIgnoreCase(LenientJson.text(object, "result"));
    }

    private static CrmRef entity(JsonNode object, String typeKey, String idKey) {
        Long id = LenientJson.id(object, idKey);
        return id == null ? null : CrmRef.of(LenientJson.text(object, typeKey), id).orElse(null);
    }

    private static List<CrmRef> bindings(JsonNode array) {
        List<CrmRef> bindings = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode entry : array) {
                CrmRef ref = entity(entry, "ENTITY_TYPE", "ENTITY_ID");
                if (ref != null) {
                    bindings.add(ref);
                }
            }
        }
        return bindings;
    }
}
