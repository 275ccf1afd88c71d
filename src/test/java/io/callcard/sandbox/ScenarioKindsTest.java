package io.callcard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.callcard.sandbox.rest.TelephonyEventSender;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each kind of call a scenario file can describe, rendered into the bridge sequence a real card would post. */
class ScenarioKindsTest {

    private static List<WidgetPost> render(String callsJson) {
        return scenario(callsJson).render(11);
    }

    private static List<WidgetPost> renderDocumented(String callsJson) {
        return scenario(callsJson).withCardBehaviour(CardBehaviour.DOCUMENTED).render(11);
    }

    private static Scenario scenario(String callsJson) {
        return ScenarioFiles.parse("kinds.json", "{\"name\": \"kinds\", \"calls\": [" + callsJson + "]}");
    }

    private static List<List<JsonNode>> cards(List<WidgetPost> posts) {
        posts.forEach(post -> BridgeContract.assertValid(post.json()));
        return new ArrayList<>(BridgeContract.byCall(posts).values());
    }

    private static List<String> labels(List<JsonNode> card) {
        return card.stream().map(BridgeContract::label).toList();
    }

    @Test
    void failedCodesReachTheServerEventsVerbatimIncludingUndocumentedOnesAndTheDocumentedCard() {
        List<String> codes = List.of("304", "486", "603", "603-S", "480", "404", "499");
        StringBuilder calls = new StringBuilder();
        for (String code : codes) {
            calls.append(calls.length() == 0 ? "" : ",").append("{\"direction\": \"outgoing\", \"caller\": \"berlin\","
                    + " \"ringSeconds\": 2, \"failedCode\": \"").append(code).append("\"}");
        }
        // Bitrix24: the widget never learns the code; the portal's end event (and statistics) carry it
        RenderedPass pass = scenario(calls.toString()).renderPass(11);
        List<List<JsonNode>> cards = cards(pass.widgetPosts());
        assertEquals(codes.size(), cards.size());
        List<String> ended = new ArrayList<>();
        pass.telephonyEvents().stream().filter(event -> event.event().equals(TelephonyEventSender.CALL_END))
                .forEach(event -> ended.add(event.call().get("CALL_FAILED_CODE")));
        assertEquals(codes, ended);
        for (int i = 0; i < codes.size(); i++) {
            assertEquals(List.of("status:idle", "EntityChanged", "CallStateChanged:connecting", "status:connecting",
                    "closed"), labels(cards.get(i)));
        }
        // documented: the card goes idle with the code, verbatim
        List<List<JsonNode>> documented = cards(renderDocumented(calls.toString()));
        for (int i = 0; i < codes.size(); i++) {
            assertEquals(List.of("status:idle", "EntityChanged", "CallStateChanged:connecting", "status:connecting",
                    "CallStateChanged:idle:" + codes.get(i), "status:idle", "BeforeClose", "closed"),
                    labels(documented.get(i)));
        }
    }

    @Test
    void anAnsweredCallWrittenWith200EndsWithoutAFailedCode() {
        String call = "{\"direction\": \"incoming\", \"caller\": \"new-york\", \"ringSeconds\": 2,"
                + " \"talkSeconds\": 3, \"failedCode\": \"200\"}";
        assertEquals(List.of("status:connecting", "EntityChanged", "CallStateChanged:connected", "status:connected",
                "CallStateChanged:idle", "status:idle", "BeforeClose", "closed"), labels(cards(renderDocumented(call)).get(0)));
        assertEquals(List.of("status:connecting", "EntityChanged", "CallStateChanged:connected", "status:connected",
                "closed"), labels(cards(render(call)).get(0)));
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
    void aHeldCardDeliversTheEndAndTheFirstBeforeCloseThenCloses65SecondsLater() {
        List<WidgetPost> posts = render("{\"direction\": \"incoming\", \"caller\": \"berlin\", \"ringSeconds\": 2,"
                + " \"talkSeconds\": 5, \"holdCardOpen\": true}");
        List<Long> beforeCloses = new ArrayList<>();
        for (WidgetPost post : posts) {
            if (post.json().contains("CallCard::BeforeClose")) {
                beforeCloses.add(post.atMillis());
                assertTrue(post.json().contains("\"args\":[[]]"), "one argument, an empty array: " + post.json());
            }
        }
        assertEquals(1, beforeCloses.size(), "the real close's BeforeClose goes with the iframe");
        assertEquals(List.of("status:connecting", "EntityChanged", "CallStateChanged:connected", "status:connected",
                "CallStateChanged:idle", "status:idle", "BeforeClose", "closed"), labels(cards(posts).get(0)));
        WidgetPost closed = posts.get(posts.size() - 1);
        assertEquals(beforeCloses.get(0) + 65_000 + 100, closed.atMillis(), "closed 65 s after the attempt");
    }

    @Test
    void aHeldDocumentedCardFiresBeforeCloseTwice65SecondsApart() {
        List<WidgetPost> posts = renderDocumented("{\"direction\": \"incoming\", \"caller\": \"berlin\","
                + " \"ringSeconds\": 2, \"talkSeconds\": 5, \"holdCardOpen\": true}");
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
    void aCallWhoseCardOpensAnotherTabFirstPostsNothingButKeepsItsTimeAndServerEvents() {
        String first = "{\"direction\": \"incoming\", \"caller\": \"berlin\", \"ringSeconds\": 2,"
                + " \"talkSeconds\": 5, \"defaultTab\": \"webForm\"},";
        String second = "{\"direction\": \"outgoing\", \"caller\": \"new-york\", \"ringSeconds\": 2,"
                + " \"failedCode\": \"486\"}";
        RenderedPass pass = scenario(first + second).renderPass(11);
        RenderedPass loaded = scenario(first.replace("\"webForm\"", "\"companion\"") + second).renderPass(11);
        List<List<JsonNode>> cards = cards(pass.widgetPosts());
        assertEquals(1, cards.size(), "only the second call's widget posts");
        assertEquals(cards(loaded.widgetPosts()).get(1), cards.get(0), "the second card is as if the first had loaded");
        assertEquals(loaded.telephonyEvents(), pass.telephonyEvents(), "the portal's events go out all the same");
        assertEquals(loaded.widgetPosts().get(loaded.widgetPosts().size() - 1).atMillis(),
                pass.widgetPosts().get(pass.widgetPosts().size() - 1).atMillis());
        assertEquals(false, scenario(first + second).calls().get(0).widgetLoads());
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
        // the card stays for the call list: the end is heard, the next client shown, then it closes at once
        assertEquals(List.of("status:idle", "EntityChanged", "CallStateChanged:connecting", "status:connecting",
                "CallStateChanged:connected", "status:connected", "CallStateChanged:idle", "status:idle",
                "EntityChanged", "closed"), labels(first));
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
        RenderedPass pass = day.renderPass(5);
        List<WidgetPost> posts = pass.widgetPosts();
        List<String> all = new ArrayList<>();
        for (List<JsonNode> card : cards(posts)) {
            all.addAll(labels(card));
        }
        List<String> ended = new ArrayList<>();
        pass.telephonyEvents().stream().filter(event -> event.event().equals(TelephonyEventSender.CALL_END))
                .forEach(event -> ended.add(event.call().get("CALL_FAILED_CODE")));
        List<String> documented = new ArrayList<>();
        for (List<JsonNode> card : cards(day.withCardBehaviour(CardBehaviour.DOCUMENTED).render(5))) {
            documented.addAll(labels(card));
        }
        for (String code : List.of("304", "486", "603", "603-S", "480", "404", "499")) {
            assertTrue(ended.contains(code), code);
            assertTrue(documented.contains("CallStateChanged:idle:" + code), code);
        }
        assertTrue(all.contains("CallStateChanged:connected"));
        String text = posts.stream().map(WidgetPost::json).reduce("", String::concat);
        for (String needle : List.of("\"incoming\"", "\"outgoing\"", "\"callback\"", "\"PHONE_NUMBER\":\"hidden\"",
                "\"PHONE_NUMBER\":\"unknown\"", "\"CRM_ENTITY_TYPE\":\"CONTACT\"", "\"CRM_ENTITY_TYPE\":\"COMPANY\"",
                "\"CRM_ENTITY_TYPE\":\"LEAD\"", "\"CRM_ENTITY_TYPE\":\"DEAL\"", "\"CALL_LIST_MODE\":true")) {
            assertTrue(text.contains(needle), needle);
        }
        assertFalse(text.contains("failedCode"), "no failure code reaches a widget in a real portal");
        long held = BridgeContract.byCard(posts).stream()
                .filter(card -> labels(card).stream().filter("BeforeClose"::equals).count() == 1).count();
        assertEquals(2, held, "two cards are held open: their first BeforeClose is heard");
        assertEquals(CallerPhone.sameAsCall(2), day.calls().get(2).phone());
        assertEquals(java.util.OptionalInt.of(2), day.calls().get(2).sameCallIdAs(), "call 3 reuses call 2's CALL_ID");
        assertEquals(1, day.calls().stream().filter(call -> !call.widgetLoads()).count(),
                "one call's card opens another tab first");
        assertEquals(16, ended.size(), "sixteen calls end at the portal");
        Map<String, List<JsonNode>> byCall = BridgeContract.byCall(posts);
        assertEquals(14, byCall.size(), "fifteen CALL_IDs, one of whose widget never loads");
        List<List<JsonNode>> cards = BridgeContract.byCard(posts);
        assertEquals(15, cards.size(), "sixteen cards, one without the widget");
        assertEquals(cards.get(1).get(0).get("callId"), cards.get(2).get(0).get("callId"));
    }
}
