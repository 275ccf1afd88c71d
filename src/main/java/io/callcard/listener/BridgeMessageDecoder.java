package io.callcard.listener;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callcard.call.CallEvent;
import io.callcard.call.CardCallState;
import io.callcard.call.CallerNumber;
import java.io.IOException;
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
 * {@code invalid_state}.
 */
public final class BridgeMessageDecoder {

    static final String STATE_CHANGED = "CallCard::CallStateChanged";
    static final String ENTITY_CHANGED = "CallCard::EntityChanged";
    static final String BEFORE_CLOSE = "CallCard::BeforeClose";

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    public CallEvent decode(byte[] json, Instant receivedAt) {
        Objects.requireNonNull(receivedAt, "receivedAt");
        JsonNode message = parse(json);
        if (!message.isObject()) {
            throw JsonFields.invalid("a bridge message must be a JSON object");
        }
        String callId = callId(message);
        String type = requiredText(message, "type");
        switch (type) {
            case "status":
                return new CallEvent.StatusPolled(receivedAt, CallCardFields.status(message.get("status")));
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

    private JsonNode parse(byte[] json) {
        try {
            JsonNode node = mapper.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw RequestRejected.malformedJson(); // empty body
            }
            return node;
        } catch (JsonProcessingException malformed) {
            throw RequestRejected.malformedJson();
        } catch (IOException unreadable) {
            throw RequestRejected.malformedJson();
        }
    }

    private static CallEvent event(JsonNode message, String callId, Instant at) {
        return callCardEvent(requiredText(message, "event"), message.get("args"), callId, at);
    }

    /** Whether {@code name} is one of the three call card events. */
    static boolean isCallCardEvent(String name) {
        return STATE_CHANGED.equals(name) || ENTITY_CHANGED.equals(name) || BEFORE_CLOSE.equals(name);
    }

    /**
     * One call card event from its name and its JavaScript callback arguments, whichever route brought them (the
     * widget bridge here, the seed transport's handler in {@link PlacementEventsRoute}).
     */
    static CallEvent callCardEvent(String name, JsonNode args, String callId, Instant at) {
        if (args == null || !args.isArray()) {
            throw JsonFields.invalid("args must be an array");
        }
        switch (name) {
            case STATE_CHANGED:
                return stateChanged(args, callId, at);
            case ENTITY_CHANGED:
                return entityChanged(args, callId, at);
            case BEFORE_CLOSE:
                return new CallEvent.BeforeClose(at, callId);
            default:
                throw RequestRejected.badRequest(RequestRejected.UNKNOWN_EVENT, "unknown call card event");
        }
    }

    private static CallEvent stateChanged(JsonNode args, String callId, Instant at) {
        JsonNode state = args.get(0);
        CardCallState parsed = CardCallState.parse(state != null && state.isTextual() ? state.asText() : null)
                .orElseThrow(() -> RequestRejected.badRequest(RequestRejected.INVALID_STATE,
                        "args[0] must be idle, connecting or connected"));
        JsonNode params = args.get(1);
        String failedCode = null;
        if (params != null && !params.isNull()) {
            if (!params.isObject()) {
                throw JsonFields.invalid("args[1] must be an object");
            }
            failedCode = JsonFields.optionalText(params, "failedCode");
        }
        return new CallEvent.StateChanged(at, callId, parsed, failedCode);
    }

    private static CallEvent entityChanged(JsonNode args, String callId, Instant at) {
        JsonNode data = args.get(0);
        if (data == null || !data.isObject()) {
            throw JsonFields.invalid("args[0] must be an object");
        }
        return new CallEvent.EntityChanged(at, callId,
                CallerNumber.of(JsonFields.optionalText(data, "PHONE_NUMBER")),
                CallCardFields.entity(data, "CRM_ENTITY_TYPE", "CRM_ENTITY_ID"));
    }

    private static CallEvent result(JsonNode message, String callId, Instant at) {
        String command = requiredText(message, "command");
        JsonNode result = message.get("result");
        if (result == null || !(result.isArray() || result.isObject())) {
            throw JsonFields.invalid("result must be an array or an object");
        }
        boolean known = command.equals("getStatus") || command.equals("disableAutoClose")
                || command.equals("enableAutoClose");
        if (!known) {
            throw RequestRejected.badRequest(RequestRejected.UNKNOWN_COMMAND, "unknown call card command");
        }
        if (isCommandError(result)) {
            return new CallEvent.BridgeLost(at, callId);
        }
        switch (command) {
            case "getStatus":
                if (!result.isObject()) {
                    throw JsonFields.invalid("a getStatus result must be an object");
                }
                return new CallEvent.StatusPolled(at, CallCardFields.status(result));
            case "disableAutoClose":
                return new CallEvent.AutoCloseChanged(at, callId, true);
            default:
                return new CallEvent.AutoCloseChanged(at, callId, false);
        }
    }

    /** The card's error answer: {@code [{"result":"error","errorCode":"..."}]}. */
    private static boolean isCommandError(JsonNode result) {
        JsonNode first = result.isArray() ? result.get(0) : null;
        return first != null && first.isObject() && "error".equals(first.path("result").asText(null));
    }

    private static String callId(JsonNode message) {
        JsonNode value = message.get("callId");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw JsonFields.invalid("callId must be a string");
        }
        String id = value.asText().trim();
        return id.isEmpty() ? null : id;
    }

    private static String requiredText(JsonNode message, String key) {
        JsonNode value = message.get(key);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw JsonFields.invalid(key + " must be a non-empty string");
        }
        return value.asText();
    }
}
