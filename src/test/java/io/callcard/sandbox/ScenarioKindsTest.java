package io.callcard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each kind of call a scenario file can describe, rendered into the bridge sequence a real card would post. */
class ScenarioKindsTest {

    private static List<WidgetPost> render(String callsJson) {
        return ScenarioFiles.parse("kinds.json", "{\"name\": \"kinds\", \"calls\": [" + callsJson + "]}").render(11);
    }

    private static List<List<JsonNode>> cards(List<WidgetPost> posts) {
        posts.forEach(post -> BridgeContract.assertValid(post.json()));
        return new ArrayList<>(BridgeContract.byCall(posts).values());
    }

    private static List<String> labels(List<JsonNode> card) {
        return card.stream().map(BridgeContract::label).toList();
    }

    @Test
    void failedCodesReachTheCardVerbatimIncludingUndocumentedOnes() {
        List<String> codes = List.of("304", "486", "603", "603-S", "480", "404", "499");
        StringBuilder calls = new StringBuilder();
        for (String code : codes) {
            calls.append(calls.length() == 0 ? "" : ",").append("{\"direction\": \"outgoing\", \"caller\": \"berlin\","
                    + " \"ringSeconds\": 2, \"failedCode\": \"").append(code).append("\"}");
        }
        List<List<JsonNode>> cards = cards(render(calls.toString()));
        assertEquals(codes.size(), cards.size());
        for (int i = 0; i < codes.size(); i++) {
            assertEquals(List.of("status:idle", "EntityChanged", "CallStateChanged:connecting", "status:connecting",
                    "CallStateChanged:idle:" + codes.get(i), "status:idle", "BeforeClose", "closed"),
                    labels(cards.get(i)));
        }
    }

    @Test
    void anAnsweredCallWrittenWith200EndsWithoutAFailedCode() {
        List<JsonNode> card = cards(render("{\"direction\": \"incoming\", \"caller\": \"new-york\", \"ringSeconds\": 2,"
                + " \"talkSeconds\": 3, \"failedCode\": \"200\"}")).get(0);
        assertEquals(List.of("status:connecting", "EntityChanged", "CallStateChanged:connected", "status:connected",
                "CallStateChanged:idle", "status:idle", "BeforeClose", "closed"), labels(card));
    }

    @Test
    void hiddenNumbersSayHiddenAndUnknownNumbersAreLeftOut() {
        List<List<JsonNode>> cards = cards(render(
                "{\"direction\": \"incoming\", \"caller\": \"hidden\", \"ringSeconds\": 4, \"failedCode\": \"304\"},"
                + "{\"direction\": \"incoming\", \"caller\": \"unknown\", \"ringSeconds\": 4, \"failedCode\": \"304\"}"));
        JsonNode hiddenStatus = cards.get(0).get(0).get("status");
        assertEquals("hidden", hiddenStatus.get("PHONE_NUMBER").asText());
        assertEquals("hidden", cards.get(0).get(1).get("args").get(0).get("PHONE_NUMBER").asText());
        JsonNode unknownStatus = cards.get(1).get(0).get("status");
        assertFalse(unknownStatus.has("PHONE_NUMBER"), unknownStatus.toString());
        assertEquals("unknown", cards.get(1).get(1).get("args").get(0).get("PHONE_NUMBER").asText());
    }

    @Test
    void aDealWithSeveralBindingsIsThePrimaryItemAndTheBindingsAreListed() {
        JsonNode status = cards(render("{\"direction\": \"callback\", \"caller\": \"russian-mobile\","
                + " \"ringSeconds\": 2, \"talkSeconds\": 2, \"crm\": {\"type\": \"deal\", \"id\": 4615, \"activity\": true,"
                + " \"bindings\": [{\"type\": \"deal\", \"id\": 4615}, {\"type\": \"contact\", \"id\": 797},"
                + " {\"type\": \"company\", \"id\": 643}]}}")).get(0).get(0).get("status");
        assertEquals("DEAL", status.get("CRM_ENTITY_TYPE").asText());
        assertEquals(4615, status.get("CRM_ENTITY_ID").asInt());
        assertTrue(status.get("CRM_ACTIVITY_ID").isInt());
        assertEquals("[{\"ENTITY_TYPE\":\"DEAL\",\"ENTITY_ID\":4615},{\"ENTITY_TYPE\":\"CONTACT\",\"ENTITY_ID\":797},"
                + "{\"ENTITY_TYPE\":\"COMPANY\",\"ENTITY_ID\":643}]", status.get("CRM_BINDINGS").toString());
        assertEquals("callback", status.get("CALL_DIRECTION").asText());
    }

    @Test
    void aHeldCardFiresBeforeCloseTwice65SecondsApart() {
        List<WidgetPost> posts = render("{\"direction\": \"incoming\", \"caller\": \"berlin\", \"ringSeconds\": 2,"
                + " \"talkSeconds\": 5, \"holdCardOpen\": true}");
        List<Long> beforeCloses = new ArrayList<>();
        for (WidgetPost post : posts) {
            if (post.json().contains("CallCard::BeforeClose")) {
                beforeCloses.add(post.atMillis());
            }
        }
        assertEquals(2, beforeCloses.size());
        assertEquals(65_000L, beforeCloses.get(1) - beforeCloses.get(0));
        assertEquals(List.of("status:connecting", "EntityChanged", "CallStateChanged:connected", "status:connected",
                "CallStateChanged:idle", "status:idle", "BeforeClose", "BeforeClose", "closed"),
                labels(cards(posts).get(0)));
        WidgetPost closed = posts.get(posts.size() - 1);
        assertEquals(beforeCloses.get(1) + 100, closed.atMillis(), "the card closes right after the second one");
    }

    @Test
    void theSameNumberCallsTwiceWithinMinutesWithDifferentCallIds() {
        List<WidgetPost> posts = render(
                "{\"direction\": \"incoming\", \"caller\": \"russian-mobile\", \"ringSeconds\": 20,"
                + " \"failedCode\": \"304\", \"gapAfterSeconds\": 45},"
                + "{\"direction\": \"incoming\", \"caller\": \"same as call 1\", \"ringSeconds\": 3, \"talkSeconds\": 9}");
        List<List<JsonNode>> cards = cards(posts);
        String first = cards.get(0).get(0).get("status").get("PHONE_NUMBER").asText();
        String second = cards.get(1).get(0).get("status").get("PHONE_NUMBER").asText();
        assertTrue(first.matches("\\+7916\\d{7}"), first);
        assertEquals(first, second);
        assertNotEquals(cards.get(0).get(0).get("callId").asText(), cards.get(1).get(0).get("callId").asText());
        long firstClosed = posts.stream().filter(post -> post.json().contains("\"closed\"")).findFirst()
                .orElseThrow().atMillis();
        long secondOpens = posts.stream().filter(post -> post.json().contains(second)
                && !post.json().contains(cards.get(0).get(0).get("callId").asText())).findFirst().orElseThrow().atMillis();
        assertEquals(45_000L, secondOpens - firstClosed, "the call's own gap replaces the scenario's");
        assertTrue(secondOpens < 120_000L, "within minutes: " + secondOpens);
    }

    @Test
    void aCampaignCardMovesToTheNextClientWithEntityChanged() {
        List<List<JsonNode>> cards = cards(render(
                "{\"direction\": \"outgoing\", \"caller\": \"moscow-landline\", \"ringSeconds\": 3, \"talkSeconds\": 4,"
                + " \"callListMode\": true, \"crm\": {\"type\": \"contact\", \"id\": 830}},"
                + "{\"direction\": \"outgoing\", \"caller\": \"berlin\", \"ringSeconds\": 5, \"failedCode\": \"486\","
                + " \"callListMode\": true, \"crm\": {\"type\": \"company\", \"id\": 660}},"
                + "{\"direction\": \"incoming\", \"caller\": \"new-york\", \"ringSeconds\": 2, \"failedCode\": \"304\"}"));
        List<JsonNode> first = cards.get(0);
        assertEquals(List.of("status:idle", "EntityChanged", "CallStateChanged:connecting", "status:connecting",
                "CallStateChanged:connected", "status:connected", "CallStateChanged:idle", "status:idle",
                "EntityChanged", "BeforeClose", "closed"), labels(first));
        first.stream().filter(body -> body.get("type").asText().equals("status"))
                .forEach(body -> assertTrue(body.get("status").get("CALL_LIST_MODE").asBoolean(), body.toString()));
        JsonNode nextClient = first.get(8).get("args").get(0);
        JsonNode secondStatus = cards.get(1).get(0).get("status");
        assertEquals(secondStatus.get("PHONE_NUMBER").asText(), nextClient.get("PHONE_NUMBER").asText());
        assertEquals("COMPANY", nextClient.get("CRM_ENTITY_TYPE").asText());
        assertEquals(660, nextClient.get("CRM_ENTITY_ID").asInt());
        // the last campaign call has no next client, and a call outside the campaign is not in call-list mode
        assertEquals(1, labels(cards.get(1)).stream().filter("EntityChanged"::equals).count());
        assertFalse(cards.get(2).get(0).get("status").get("CALL_LIST_MODE").asBoolean());
    }

    @Test
    void theFullDayCoversEveryKind() {
        Scenario day = BuiltInScenarios.named("full-day");
        List<WidgetPost> posts = day.render(5);
        List<String> all = new ArrayList<>();
        for (List<JsonNode> card : cards(posts)) {
            all.addAll(labels(card));
        }
        for (String code : List.of("304", "486", "603", "603-S", "480", "404", "499")) {
            assertTrue(all.contains("CallStateChanged:idle:" + code), code);
        }
        assertTrue(all.contains("CallStateChanged:connected"));
        String text = posts.stream().map(WidgetPost::json).reduce("", String::concat);
        for (String needle : List.of("\"incoming\"", "\"outgoing\"", "\"callback\"", "\"PHONE_NUMBER\":\"hidden\"",
                "\"PHONE_NUMBER\":\"unknown\"", "\"CRM_ENTITY_TYPE\":\"CONTACT\"", "\"CRM_ENTITY_TYPE\":\"COMPANY\"",
                "\"CRM_ENTITY_TYPE\":\"LEAD\"", "\"CRM_ENTITY_TYPE\":\"DEAL\"", "\"CALL_LIST_MODE\":true")) {
            assertTrue(text.contains(needle), needle);
        }
        Map<String, List<JsonNode>> byCall = BridgeContract.byCall(posts);
        long held = BridgeContract.byCard(posts).stream()
                .filter(card -> labels(card).stream().filter("BeforeClose"::equals).count() == 2).count();
        assertEquals(2, held, "two cards are held open");
        assertEquals(CallerPhone.sameAsCall(2), day.calls().get(2).phone());
        assertEquals(java.util.OptionalInt.of(2), day.calls().get(2).sameCallIdAs(), "call 3 reuses call 2's CALL_ID");
        assertEquals(15, byCall.size(), "sixteen calls, fifteen CALL_IDs");
        List<List<JsonNode>> cards = BridgeContract.byCard(posts);
        assertEquals(16, cards.size());
        assertEquals(cards.get(1).get(0).get("callId"), cards.get(2).get(0).get("callId"));
    }
}
