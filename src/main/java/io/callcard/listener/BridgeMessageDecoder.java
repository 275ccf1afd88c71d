package io.callcard.listener;

import com.fasterxml.jackson.databind.JsonNode;
import io.callcard.call.CallCardStatus;
import io.callcard.call.CallEvent;
import io.callcard.call.CallerNumber;
import io.callcard.call.CrmRef;
import io.callcard.wire.CallCardCommand;
import io.callcard.wire.CallCardEventName;
import io.callcard.wire.CallCardFields;
import io.callcard.wire.JsonFields;
import io.callcard.wire.WireFormatException;
import java.time.Instant;
import java.util.Objects;

/**
 * Decodes what the widget bridge posts to {@code /bridge/events}. The browser bridge script and the sandbox's
 * simulated widget post exactly this; one JSON object per request:
 *
 * <pre>
 * {"type":"status","callId":"X","status":{...getStatus result...}}             -&gt; StatusPolled (id from status.CALL_ID)
 * {"type":"event","callId":"X","event":"CallCard::CallStateChanged","args":["idle",{"failedCode":"486"}]}
 *                                                                              -&gt; StateChanged
 * {"type":"event","callId":"X","event":"CallCard::EntityChanged",
 *  "args":[{"PHONE_NUMBER":"+19001234567","CRM_ENTITY_TYPE":"CONTACT","CRM_ENTITY_ID":123}]} -&gt; EntityChanged
 * {"type":"event","callId":"X","event":"CallCard::BeforeClose","args":[]}     -&gt; BeforeClose
 * {"type":"result","callId":"X","command":"disableAutoClose","result":[]}     -&gt; AutoCloseChanged(held = true)
 * {"type":"result","callId":"X","command":"enableAutoClose","result":[]}      -&gt; AutoCloseChanged(held = false)
 * {"type":"result","callId":"X","command":"getStatus","result":{...}}         -&gt; StatusPolled
 * {"type":"result",...,"result":[{"result":"error","errorCode":"Call card is undefined"}]} -&gt; BridgeLost
 * {"type":"closed","callId":"X"}                                              -&gt; BridgeLost
 * </pre>
 *
 * <ul>
 *   <li>{@code args} are the JavaScript callback's positional arguments, always an array. CallStateChanged:
 *       {@code [state, additionalParams]}, where {@code additionalParams} may be missing, null or an object and its
 *       {@code failedCode} a string or number, kept verbatim as a string. EntityChanged: {@code [object]}, with
 *       PHONE_NUMBER {@code "unknown"} or absent for no number and CRM_ENTITY_ID 0 or an empty type for no entity.
 *       BeforeClose ignores its arguments.</li>
 *   <li>{@code callId} is optional: absent, null or blank means the call the card shows now.</li>
 *   <li>A command answering {@code [{"result":"error",...}]} means the card could not be reached; the only error
 *       Bitrix24 documents is "Call card is undefined", so every error answer becomes BridgeLost.</li>
 *   <li>Unknown extra keys are ignored for forward compatibility. The delivery fields {@code session},
 *       {@code seq} and {@code commandId} are read and enforced by {@link BridgeEnvelope}, not here.</li>
 *   <li>The event time is when the listener received the message.</li>
 * </ul>
 *
 * Rejections are 400s: {@code malformed_json}, {@code invalid_message} (not an object, missing or mistyped keys,
 * args of the wrong shape), {@code unknown_type}, {@code unknown_event}, {@code unknown_command},
 * {@code invalid_state}. The call card's fields are read by {@link CallCardFields}, the one decoder of every channel.
 */
public final class BridgeMessageDecoder {

    /** The message in {@code json}, parsed here; {@link BridgeEventsRoute} parses once and uses the other form. */
    public CallEvent decode(byte[] json, Instant receivedAt) {
        return decode(JsonBodies.parse(json), receivedAt);
    }

    public CallEvent decode(JsonNode message, Instant receivedAt) {
        Objects.requireNonNull(receivedAt, "receivedAt");
        try {
            return decodeMessage(message, receivedAt);
        } catch (WireFormatException refused) {
            throw RequestRejected.of(refused);
        }
    }

    private static CallEvent decodeMessage(JsonNode message, Instant receivedAt) {
        if (!message.isObject()) {
            throw RequestRejected.invalidMessage("a bridge message must be a JSON object");
        }
        String callId = callId(message);
        String type = requiredText(message, "type");
        switch (type) {
            case "status":
                return new CallEvent.StatusPolled(receivedAt, status(message.get("status")));
            case "event":
                return event(message, callId, receivedAt);
            case "result":
                return result(message, callId, receivedAt);
            case "closed":
                return new CallEvent.BridgeLost(receivedAt, callId);
            default:
                throw RequestRejected.badRequest(RequestRejected.UNKNOWN_TYPE, "unknown message type");
        }
    }

    private static CallCardStatus status(JsonNode object) {
        return CallCardStatus.of(CallCardFields.decode(object));
    }

    private static CallEvent event(JsonNode message, String callId, Instant at) {
        CallCardEventName name = CallCardEventName.ofWireName(requiredText(message, "event")).orElseThrow(() ->
                RequestRejected.badRequest(RequestRejected.UNKNOWN_EVENT, "unknown call card event"));
        return callCardEvent(name, message.get("args"), callId, at);
    }

    /**
     * One call card event from its name and its JavaScript callback arguments, whichever route brought them (the
     * widget bridge here, the seed transport's handler in {@link PlacementEventsRoute}).
     */
    static CallEvent callCardEvent(CallCardEventName name, JsonNode args, String callId, Instant at) {
        if (args == null || !args.isArray()) {
            throw RequestRejected.invalidMessage("args must be an array");
        }
        try {
            return switch (name) {
                case CALL_STATE_CHANGED -> stateChanged(args, callId, at);
                case ENTITY_CHANGED -> entityChanged(args, callId, at);
                case BEFORE_CLOSE -> new CallEvent.BeforeClose(at, callId);
            };
        } catch (WireFormatException refused) {
            throw RequestRejected.of(refused);
        }
    }

    private static CallEvent stateChanged(JsonNode args, String callId, Instant at) {
        JsonNode params = args.get(1);
        String failedCode = null;
        if (params != null && !params.isNull()) {
            if (!params.isObject()) {
                throw RequestRejected.invalidMessage("args[1] must be an object");
            }
            failedCode = JsonFields.text(params, "failedCode");
        }
        return new CallEvent.StateChanged(at, callId, CallCardFields.state(args.get(0)), failedCode);
    }

    private static CallEvent entityChanged(JsonNode args, String callId, Instant at) {
        JsonNode data = args.get(0);
        if (data == null || !data.isObject()) {
            throw RequestRejected.invalidMessage("args[0] must be an object");
        }
        return new CallEvent.EntityChanged(at, callId,
                CallerNumber.of(JsonFields.text(data, "PHONE_NUMBER")),
                CrmRef.of(CallCardFields.entity(data, "CRM_ENTITY_TYPE", "CRM_ENTITY_ID")).orElse(null));
    }

    private static CallEvent result(JsonNode message, String callId, Instant at) {
        String name = requiredText(message, "command");
        JsonNode result = message.get("result");
        if (result == null || !(result.isArray() || result.isObject())) {
            throw RequestRejected.invalidMessage("result must be an array or an object");
        }
        CallCardCommand command = CallCardCommand.ofWireName(name).orElseThrow(() ->
                RequestRejected.badRequest(RequestRejected.UNKNOWN_COMMAND, "unknown call card command"));
        if (result.isArray() && CallCardFields.isErrorAnswer(result)) {
            return new CallEvent.BridgeLost(at, callId);
        }
        return switch (command) {
            case GET_STATUS -> {
                if (!result.isObject()) {
                    throw RequestRejected.invalidMessage("a getStatus result must be an object");
                }
                yield new CallEvent.StatusPolled(at, status(result));
            }
            case DISABLE_AUTO_CLOSE -> new CallEvent.AutoCloseChanged(at, callId, true);
            case ENABLE_AUTO_CLOSE -> new CallEvent.AutoCloseChanged(at, callId, false);
        };
    }

    private static String callId(JsonNode message) {
        JsonNode value = message.get("callId");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw RequestRejected.invalidMessage("callId must be a string");
        }
        String id = value.asText().trim();
        return id.isEmpty() ? null : id;
    }

    private static String requiredText(JsonNode message, String key) {
        JsonNode value = message.get(key);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw RequestRejected.invalidMessage(key + " must be a non-empty string");
        }
        return value.asText();
    }
}
