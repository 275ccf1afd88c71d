package io.callcard.portal;

import com.fasterxml.jackson.databind.JsonNode;
import io.callcard.call.CallCardStatus;
import io.callcard.wire.CallCardFields;
import io.callcard.wire.JsonFields;
import io.callcard.wire.WireFormatException;
import java.util.Optional;

/**
 * A {@code getStatus} result that came back over the seed transport, read by {@link CallCardFields} (the one decoder
 * of every channel), with what is particular to REST: the status comes wrapped in an array, and a card that is not
 * there is an answer, not an error.
 */
final class CallCardStatusReader {

    private CallCardStatusReader() {
    }

    /**
     * The status in {@code result} (an object, or an array holding one); empty when the portal says there is no call
     * card ({@code [{"result":"error","errorCode":"Call card is undefined"}]}) or the object has no CALL_ID.
     *
     * @throws PortalException {@link PortalError#ERROR_UNEXPECTED_ANSWER} when CALL_STATE is missing or unknown
     *                         (guessing "idle" would end a live call on the agent's screen) or a field has a type
     *                         no channel sends
     */
    static Optional<CallCardStatus> read(JsonNode result, String method) throws PortalException {
        JsonNode object = result != null && result.isArray() && result.size() > 0 ? result.get(0) : result;
        if (object == null || !object.isObject() || CallCardFields.isErrorAnswer(object)) {
            return Optional.empty();
        }
        try {
            if (JsonFields.textOrEmpty(object, "CALL_ID").isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(CallCardStatus.of(CallCardFields.decode(object)));
        } catch (WireFormatException unexpected) {
            throw new PortalException(PortalError.ERROR_UNEXPECTED_ANSWER, "",
                    "getStatus answer not understood: " + unexpected.getMessage(), 200, method, null);
        }
    }
}
