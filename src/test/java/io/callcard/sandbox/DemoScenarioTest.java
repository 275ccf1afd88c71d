package io.callcard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo pass, call by call, as the companion's window will live through it: by default as Bitrix24's own code
 * delivers it (protocol.md §2a), and in the documented behaviour a scenario may choose for comparison.
 */
class DemoScenarioTest {

    private static final long SEED = 20_260_811L;

    private final List<WidgetPost> posts = BuiltInScenarios.demo().render(SEED);
    private final List<List<JsonNode>> calls = new ArrayList<>(BridgeContract.byCall(posts).values());
    private final List<List<JsonNode>> documented = new ArrayList<>(BridgeContract.byCall(
            BuiltInScenarios.demo().withCardBehaviour(CardBehaviour.DOCUMENTED).render(SEED)).values());

    @Test
    void threeCallsEachInOneUnbrokenRunOfPosts() {
        assertEquals(3, calls.size());
        // grouping by callId preserved the flat order: no call's posts interleave with another's
        List<JsonNode> flattened = new ArrayList<>();
        calls.forEach(flattened::addAll);
        for (int i = 0; i < posts.size(); i++) {
            assertEquals(BridgeContract.parse(posts.get(i).json()), flattened.get(i), "post " + i);
        }
    }

    @Test
    void everyCallOpensWithStatusAndEndsWithClosedAloneAsNobodyHoldsTheCard() {
        for (List<JsonNode> call : calls) {
            String callId = call.get(0).get("callId").asText();
            assertEquals("status", call.get(0).get("type").asText());
            assertEquals("closed", call.get(call.size() - 1).get("type").asText());
            for (JsonNode body : call) {
                assertEquals(callId, body.get("callId").asText());
                if (body.has("status")) {
                    assertEquals(callId, body.get("status").get("CALL_ID").asText());
                    if (call.indexOf(body) > 0) {
                        assertNotEquals("status:idle", label(body), "the poll after the end is lost too");
                    }
                }
                assertNotEquals("CallCard::BeforeClose", body.path("event").asText(), "lost with the iframe");
                if (body.path("event").asText().equals("CallCard::CallStateChanged")) {
                    assertEquals(1, body.get("args").size(), "the state alone: " + body);
                    assertNotEquals("idle", body.get("args").get(0).asText(), "the final idle is lost: " + body);
                }
            }
        }
    }

    @Test
    void callOneIsAnAnsweredIncomingCallFromAContact() {
        List<JsonNode> call = calls.get(0);
        assertEquals(List.of("status:connecting", "EntityChanged", "CallStateChanged:connected", "status:connected",
                "closed"), labels(call));
        assertEquals(List.of("connecting", "connected"), BridgeContract.observedStates(call));

        JsonNode status = call.get(0).get("status");
        assertEquals("incoming", status.get("CALL_DIRECTION").asText());
        assertTrue(status.get("PHONE_NUMBER").asText().startsWith("+7495"));
        assertEquals("CONTACT", status.get("CRM_ENTITY_TYPE").asText());
        assertTrue(status.get("CRM_ENTITY_ID").asInt() > 0);
        assertTrue(status.get("CRM_ACTIVITY_ID").asInt() > 0);
        assertEquals(List.of("DEAL", "CONTACT"), bindingTypes(status));

        JsonNode entity = call.get(1).get("args").get(0);
        assertEquals(status.get("PHONE_NUMBER"), entity.get("PHONE_NUMBER"));
        assertEquals("CONTACT", entity.get("CRM_ENTITY_TYPE").asText());
        assertEquals(status.get("CRM_ENTITY_ID"), entity.get("CRM_ENTITY_ID"));
    }

    @Test
    void callTwoIsABusyOutgoingCallToACompanyWhoseCodeNeverReachesTheWidget() {
        List<JsonNode> call = calls.get(1);
        assertEquals(List.of("status:idle", "EntityChanged", "CallStateChanged:connecting", "status:connecting",
                "closed"), labels(call));
        assertEquals(List.of("idle", "connecting"), BridgeContract.observedStates(call));
        JsonNode status = call.get(0).get("status");
        assertEquals("outgoing", status.get("CALL_DIRECTION").asText());
        assertEquals("COMPANY", status.get("CRM_ENTITY_TYPE").asText());
        assertFalse(status.has("CRM_ACTIVITY_ID"));
        assertEquals(List.of("COMPANY"), bindingTypes(status));
        call.forEach(body -> assertFalse(body.toString().contains("failedCode"), body.toString()));
        long connectingFor = atOf(call, 4) - atOf(call, 2);
        assertEquals(2_600, connectingFor, "connecting 2.5 s until the busy signal closes the card, and its beacon");
    }

    @Test
    void callThreeIsAMissedCallFromAHiddenNumber() {
        List<JsonNode> call = calls.get(2);
        assertEquals(List.of("status:connecting", "EntityChanged", "closed"), labels(call));
        for (JsonNode body : call) {
            if (body.has("status")) {
                assertEquals("hidden", body.get("status").get("PHONE_NUMBER").asText());
                assertEquals("", body.get("status").get("CRM_ENTITY_TYPE").asText());
                assertEquals(0, body.get("status").get("CRM_ENTITY_ID").asInt());
                assertEquals(0, body.get("status").get("CRM_BINDINGS").size());
                assertFalse(body.get("status").has("CRM_ACTIVITY_ID"));
            }
        }
        JsonNode entity = call.get(1).get("args").get(0);
        assertEquals("hidden", entity.get("PHONE_NUMBER").asText());
        assertEquals("", entity.get("CRM_ENTITY_TYPE").asText());
        assertEquals(0, entity.get("CRM_ENTITY_ID").asInt());
    }

    @Test
    void documentedEachCallEndsIdleWithItsFailedCodeThenBeforeCloseThenClosed() {
        assertEquals(List.of("status:connecting", "EntityChanged", "CallStateChanged:connected", "status:connected",
                "CallStateChanged:idle", "status:idle", "BeforeClose", "closed"), labels(documented.get(0)));
        assertEquals(0, documented.get(0).get(4).get("args").get(1).size(), "a successful call goes idle with {}");
        assertEquals(List.of("status:idle", "EntityChanged", "CallStateChanged:connecting", "status:connecting",
                "CallStateChanged:idle:486", "status:idle", "BeforeClose", "closed"), labels(documented.get(1)));
        assertEquals(List.of("status:connecting", "EntityChanged", "CallStateChanged:idle:304", "status:idle",
                "BeforeClose", "closed"), labels(documented.get(2)));
        for (List<JsonNode> call : documented) {
            assertEquals(0, call.get(call.size() - 2).get("args").size(), "documented BeforeClose has no arguments");
        }
    }

    @Test
    void callsAreAboutThreeSecondsApart() {
        for (int i = 1; i < calls.size(); i++) {
            long previousClosed = atOf(calls.get(i - 1), calls.get(i - 1).size() - 1);
            long nextOpened = atOf(calls.get(i), 0);
            assertEquals(3_000, nextOpened - previousClosed);
        }
    }

    private static String label(JsonNode body) {
        return BridgeContract.label(body);
    }

    private static List<String> labels(List<JsonNode> call) {
        return call.stream().map(BridgeContract::label).toList();
    }

    private static List<String> bindingTypes(JsonNode status) {
        List<String> types = new ArrayList<>();
        status.get("CRM_BINDINGS").forEach(binding -> types.add(binding.get("ENTITY_TYPE").asText()));
        return types;
    }

    /** The offset of the {@code index}-th post of {@code call} within the pass. */
    private long atOf(List<JsonNode> call, int index) {
        JsonNode wanted = call.get(index);
        for (WidgetPost post : posts) {
            if (BridgeContract.parse(post.json()).equals(wanted)) {
                return post.atMillis();
            }
        }
        throw new AssertionError("not in the pass: " + wanted);
    }
}
