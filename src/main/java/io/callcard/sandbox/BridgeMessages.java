package io.callcard.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callcard.wire.CallCardEventName;
import io.callcard.wire.CardCallState;
import io.callcard.wire.StrictJson;
import java.io.UncheckedIOException;

/**
 * The bodies the widget page posts to the listener's {@code bridge/events}: the one place in the sandbox that knows
 * that wire format. Types follow the getStatus result and the CallCard event arguments exactly (ints and bools where
 * the JS interface gives ints and bools, protocol.md §2), and keys are written in a fixed order so that a pass renders
 * to the same bytes every time.
 */
final class BridgeMessages {

    static final String IDLE = CardCallState.IDLE.wireName();
    static final String CONNECTING = CardCallState.CONNECTING.wireName();
    static final String CONNECTED = CardCallState.CONNECTED.wireName();

    static final String STATE_CHANGED = CallCardEventName.CALL_STATE_CHANGED.wireName();
    static final String ENTITY_CHANGED = CallCardEventName.ENTITY_CHANGED.wireName();
    static final String BEFORE_CLOSE = CallCardEventName.BEFORE_CLOSE.wireName();

    private static final ObjectMapper JSON = StrictJson.MAPPER;

    private BridgeMessages() {
    }

    /** {@code {"type":"status","callId":..,"status":{getStatus result}}} for the card showing {@code callState}. */
    static String status(DrawnCall drawn, String callState) {
        SimulatedCall call = drawn.call();
        ObjectNode status = JSON.createObjectNode();
        status.put("CALL_ID", drawn.callId());
        if (drawn.phoneNumber() != null) {
            status.put("PHONE_NUMBER", drawn.phoneNumber()); // getStatus leaves the key out when the number is unknown
        }
        status.put("LINE_NUMBER", call.lineNumber());
        status.put("LINE_NAME", call.lineName());
        status.put("CRM_ENTITY_TYPE", call.crm().map(link -> link.type().name()).orElse(""));
        status.put("CRM_ENTITY_ID", call.crm().map(CrmLink::id).orElse(0));
        drawn.activityId().ifPresent(id -> status.put("CRM_ACTIVITY_ID", id));
        ArrayNode bindings = status.putArray("CRM_BINDINGS");
        call.crm().ifPresent(link -> link.bindings().forEach(binding -> bindings.addObject()
                .put("ENTITY_TYPE", binding.type().name())
                .put("ENTITY_ID", binding.id())));
        status.put("CALL_DIRECTION", call.direction().wireName());
        status.put("CALL_STATE", callState);
        status.put("CALL_LIST_MODE", call.callListMode());
        ObjectNode body = envelope("status", drawn.callId());
        body.set("status", status);
        return write(body);
    }

    /**
     * CallStateChanged as the widget receives it: in Bitrix24 the state alone ({@code ["idle"]}; the portal forwards
     * only the event's first argument, protocol.md §2a); documented, {@code [state, {failedCode}]} with
     * {@code failedCode} null for every change but an unsuccessful call going idle.
     */
    static String stateChanged(DrawnCall drawn, String callState, String failedCode, CardBehaviour behaviour) {
        ArrayNode args = JSON.createArrayNode().add(callState);
        if (behaviour == CardBehaviour.DOCUMENTED) {
            ObjectNode params = args.addObject();
            if (failedCode != null) {
                params.put("failedCode", failedCode);
            }
        }
        return event(drawn.callId(), STATE_CHANGED, args);
    }

    /** EntityChanged as fired when the card has loaded its CRM data ({@code "unknown"}, {@code ""} and 0 for none). */
    static String entityChanged(DrawnCall drawn) {
        return entityChanged(drawn.callId(), drawn);
    }

    /** EntityChanged fired in card {@code callId} showing {@code client}: a campaign card moving to the next client. */
    static String entityChanged(String callId, DrawnCall client) {
        SimulatedCall call = client.call();
        ObjectNode entity = JSON.createObjectNode()
                .put("PHONE_NUMBER", client.phoneNumber() == null ? "unknown" : client.phoneNumber())
                .put("CRM_ENTITY_TYPE", call.crm().map(link -> link.type().name()).orElse(""))
                .put("CRM_ENTITY_ID", call.crm().map(CrmLink::id).orElse(0));
        return event(callId, ENTITY_CHANGED, JSON.createArrayNode().add(entity));
    }

    /** BeforeClose: in Bitrix24 its one argument, an empty array ({@code [[]]}); documented, no arguments. */
    static String beforeClose(DrawnCall drawn, CardBehaviour behaviour) {
        ArrayNode args = JSON.createArrayNode();
        if (behaviour == CardBehaviour.BITRIX24) {
            args.addArray();
        }
        return event(drawn.callId(), BEFORE_CLOSE, args);
    }

    /** The page's own notice that the card (and with it the widget iframe) is gone: its pagehide beacon. */
    static String closed(DrawnCall drawn) {
        return write(envelope("closed", drawn.callId()));
    }

    /**
     * The CALL_CARD handler form's {@code PLACEMENT_OPTIONS} for the call a getStatus object describes, typed the way
     * the portal types it (protocol.md §2): every value a string, {@code "0"} for no entity, {@code "undefined"} for
     * no activity, {@code "true"}/{@code "false"}, PHONE_NUMBER and CRM_BINDINGS left out when there are none.
     */
    static String placementOptions(JsonNode status) {
        ObjectNode options = JSON.createObjectNode();
        status.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (field.getKey().equals("CRM_BINDINGS")) {
                if (value.isArray() && value.size() > 0) {
                    ArrayNode bindings = options.putArray("CRM_BINDINGS");
                    value.forEach(binding -> bindings.addObject()
                            .put("ENTITY_TYPE", binding.path("ENTITY_TYPE").asText())
                            .put("ENTITY_ID", binding.path("ENTITY_ID").asText()));
                }
            } else if (!value.isNull() && !value.isContainerNode()) {
                options.put(field.getKey(), value.asText());
            }
        });
        if (!options.has("CRM_ACTIVITY_ID")) {
            options.put("CRM_ACTIVITY_ID", "undefined");
        }
        return write(options);
    }

    /**
     * {@code message} as the bridge script sends it: {@code type}, {@code callId}, then the page's {@code session} and
     * its {@code seq}, then the message's own fields (the script's key order).
     */
    static String withSession(JsonNode message, String session, long seq) {
        ObjectNode copy = JSON.createObjectNode();
        copy.set("type", message.get("type"));
        copy.set("callId", message.get("callId"));
        copy.put("session", session);
        copy.put("seq", seq);
        message.fields().forEachRemaining(field -> {
            if (!copy.has(field.getKey())) {
                copy.set(field.getKey(), field.getValue());
            }
        });
        return write(copy);
    }

    /**
     * The page's answer to the companion's command {@code commandId}: what the card gave the command's callback
     * ({@code []}, a getStatus object, or the card's error array).
     */
    static JsonNode result(String callId, String command, JsonNode result, long commandId) {
        ObjectNode body = envelope("result", callId);
        body.put("command", command);
        body.set("result", result);
        body.put("commandId", commandId);
        return body;
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String event(String callId, String name, ArrayNode args) {
        ObjectNode body = envelope("event", callId);
        body.put("event", name);
        body.set("args", args);
        return write(body);
    }

    private static ObjectNode envelope(String type, String callId) {
        return JSON.createObjectNode().put("type", type).put("callId", callId);
    }

    private static String write(ObjectNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException impossible) {
            // a tree of plain strings, numbers and booleans always serialises
            throw new UncheckedIOException(impossible);
        }
    }
}
