package io.callcard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The listener's side of the wire contract, written independently of {@link BridgeMessages}: what a body must look
 * like for the listener to decode it. Also small readers the tests share.
 */
final class BridgeContract {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final Set<String> STATES = Set.of("idle", "connecting", "connected");
    private static final Set<String> DIRECTIONS = Set.of("incoming", "outgoing", "callback");
    private static final Set<String> STATUS_KEYS = Set.of("CALL_ID", "PHONE_NUMBER", "LINE_NUMBER", "LINE_NAME",
            "CRM_ENTITY_TYPE", "CRM_ENTITY_ID", "CRM_ACTIVITY_ID", "CRM_BINDINGS", "CALL_DIRECTION", "CALL_STATE",
            "CALL_LIST_MODE");

    private BridgeContract() {
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not valid JSON: " + json, e);
        }
    }

    /**
     * Fails unless {@code json} is, without the page's {@code session} and {@code seq} (which it must then carry as a
     * string and an integer &gt;= 1), one of the body shapes of the bridge/events contract.
     */
    static JsonNode assertValidDelivered(String json) {
        JsonNode body = parse(json);
        assertTrue(body.path("session").isTextual() && !body.get("session").asText().isEmpty(), "session: " + json);
        assertTrue(body.path("seq").isIntegralNumber() && body.get("seq").asLong() >= 1, "seq: " + json);
        ObjectNode bare = ((ObjectNode) body).deepCopy();
        bare.remove("session");
        bare.remove("seq");
        return assertValid(bare.toString());
    }

    /** Fails unless {@code json} is one of the body shapes of the bridge/events contract. */
    static JsonNode assertValid(String json) {
        JsonNode body = parse(json);
        assertTrue(body.isObject(), json);
        assertTrue(body.path("type").isTextual(), "type: " + json);
        assertTrue(body.path("callId").isTextual() && !body.get("callId").asText().isEmpty(), "callId: " + json);
        String callId = body.get("callId").asText();
        switch (body.get("type").asText()) {
            case "status":
                assertKeys(body, Set.of("type", "callId", "status"));
                assertStatus(body.get("status"), callId, json);
                break;
            case "event":
                assertKeys(body, Set.of("type", "callId", "event", "args"));
                assertEvent(body.get("event").asText(), body.get("args"), json);
                break;
            case "closed":
                assertKeys(body, Set.of("type", "callId"));
                break;
            case "result":
                assertTrue(Set.of("getStatus", "enableAutoClose", "disableAutoClose").contains(
                        body.path("command").asText()), json);
                assertKeys(body, body.has("commandId") ? Set.of("type", "callId", "command", "result", "commandId")
                        : Set.of("type", "callId", "command", "result"));
                assertTrue(!body.has("commandId") || body.get("commandId").isIntegralNumber(), json);
                JsonNode result = body.get("result");
                if (result.isObject()) {
                    assertStatus(result, callId, json);
                } else {
                    assertTrue(result.isArray(), json);
                }
                break;
            default:
                fail("unknown type: " + json);
        }
        return body;
    }

    private static void assertStatus(JsonNode status, String callId, String json) {
        assertTrue(status.isObject(), json);
        fieldNames(status).forEach(key -> assertTrue(STATUS_KEYS.contains(key), "unexpected key " + key + ": " + json));
        assertEquals(callId, status.path("CALL_ID").asText(null), "CALL_ID equals callId: " + json);
        assertTrue(!status.has("PHONE_NUMBER") || status.get("PHONE_NUMBER").isTextual(), json);
        assertTrue(status.path("LINE_NUMBER").isTextual(), json);
        assertTrue(status.path("LINE_NAME").isTextual(), json);
        assertTrue(status.path("CRM_ENTITY_TYPE").isTextual(), json);
        assertTrue(status.path("CRM_ENTITY_ID").isInt(), json);
        assertTrue(!status.has("CRM_ACTIVITY_ID") || status.get("CRM_ACTIVITY_ID").isInt(), json);
        assertTrue(status.path("CRM_BINDINGS").isArray(), json);
        for (JsonNode binding : status.get("CRM_BINDINGS")) {
            assertTrue(binding.path("ENTITY_TYPE").isTextual() && binding.path("ENTITY_ID").isInt(), json);
        }
        assertTrue(DIRECTIONS.contains(status.path("CALL_DIRECTION").asText()), json);
        assertTrue(STATES.contains(status.path("CALL_STATE").asText()), json);
        assertTrue(status.path("CALL_LIST_MODE").isBoolean(), json);
        if (status.path("CRM_ENTITY_TYPE").asText().isEmpty()) {
            assertEquals(0, status.get("CRM_ENTITY_ID").asInt(), "no CRM link means id 0: " + json);
        }
    }

    private static void assertEvent(String event, JsonNode args, String json) {
        assertTrue(args.isArray(), json);
        switch (event) {
            case "CallCard::CallStateChanged":
                // the state alone, as a real portal delivers it (protocol.md §2a), or the documented [state, params]
                assertTrue(args.size() == 1 || args.size() == 2, json);
                assertTrue(STATES.contains(args.get(0).asText()), json);
                if (args.size() == 1) {
                    break;
                }
                assertTrue(args.get(1).isObject(), json);
                if (args.get(1).has("failedCode")) {
                    assertEquals("idle", args.get(0).asText(), "failedCode only on the move to idle: " + json);
                    assertTrue(args.get(1).get("failedCode").isTextual(), json);
                    assertEquals(1, args.get(1).size(), json);
                } else {
                    assertEquals(0, args.get(1).size(), json);
                }
                break;
            case "CallCard::EntityChanged":
                assertEquals(1, args.size(), json);
                JsonNode entity = args.get(0);
                assertKeys(entity, Set.of("PHONE_NUMBER", "CRM_ENTITY_TYPE", "CRM_ENTITY_ID"));
                assertTrue(entity.get("PHONE_NUMBER").isTextual(), json);
                assertFalse(entity.get("PHONE_NUMBER").asText().isEmpty(), json);
                assertTrue(entity.get("CRM_ENTITY_TYPE").isTextual(), json);
                assertTrue(entity.get("CRM_ENTITY_ID").isInt(), json);
                break;
            case "CallCard::BeforeClose":
                // no arguments as documented, or the one [] a real portal delivers
                assertTrue(args.size() == 0 || args.size() == 1 && args.get(0).isArray() && args.get(0).size() == 0,
                        json);
                break;
            default:
                fail("unknown event: " + json);
        }
    }

    private static void assertKeys(JsonNode node, Set<String> expected) {
        assertEquals(expected, Set.copyOf(fieldNames(node)), node.toString());
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    /** Posts grouped by callId, in the order each id first appears; each group keeps the posts' order. */
    static Map<String, List<JsonNode>> byCall(List<WidgetPost> posts) {
        Map<String, List<JsonNode>> calls = new LinkedHashMap<>();
        for (WidgetPost post : posts) {
            JsonNode body = parse(post.json());
            calls.computeIfAbsent(body.get("callId").asText(), id -> new ArrayList<>()).add(body);
        }
        return calls;
    }

    /**
     * Posts grouped by card, in order: a card runs from its first post to its {@code closed}. Unlike {@link #byCall},
     * two cards that Bitrix24 gave the same CALL_ID stay apart.
     */
    static List<List<JsonNode>> byCard(List<WidgetPost> posts) {
        List<List<JsonNode>> cards = new ArrayList<>();
        List<JsonNode> card = new ArrayList<>();
        for (WidgetPost post : posts) {
            JsonNode body = parse(post.json());
            card.add(body);
            if (body.get("type").asText().equals("closed")) {
                cards.add(card);
                card = new ArrayList<>();
            }
        }
        return cards;
    }

    /** A short label per body: "status:connecting", "CallStateChanged:idle:486", "EntityChanged", "closed". */
    static String label(JsonNode body) {
        switch (body.get("type").asText()) {
            case "status":
                return "status:" + body.get("status").get("CALL_STATE").asText();
            case "closed":
                return "closed";
            default:
                String event = body.get("event").asText().substring("CallCard::".length());
                if (event.equals("CallStateChanged")) {
                    JsonNode args = body.get("args");
                    String code = args.get(1).path("failedCode").asText("");
                    return event + ":" + args.get(0).asText() + (code.isEmpty() ? "" : ":" + code);
                }
                return event;
        }
    }

    /** The card states a call goes through, from status and CallStateChanged alike, repeats collapsed. */
    static List<String> observedStates(List<JsonNode> bodies) {
        List<String> states = new ArrayList<>();
        for (JsonNode body : bodies) {
            String state = null;
            if (body.get("type").asText().equals("status")) {
                state = body.get("status").get("CALL_STATE").asText();
            } else if (body.path("event").asText().equals("CallCard::CallStateChanged")) {
                state = body.get("args").get(0).asText();
            }
            if (state != null && (states.isEmpty() || !states.get(states.size() - 1).equals(state))) {
                states.add(state);
            }
        }
        return states;
    }
}
