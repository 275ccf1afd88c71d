package io.callcard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.callcard.call.CrmEntityType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ScenarioRendererTest {

    private static final Pattern CALL_ID = Pattern.compile("sandbox\\.[0-9A-F]{16}\\.\\d+");

    private final Scenario demo = BuiltInScenarios.demo();

    @Test
    void sameSeedGivesTheSamePostsByteForByte() {
        assertEquals(demo.render(42), demo.render(42));
        assertEquals(BuiltInScenarios.demo().render(-7), demo.render(-7));
    }

    @Test
    void anotherSeedGivesOtherCallIdsAndNumbers() {
        Map<String, List<JsonNode>> a = BridgeContract.byCall(demo.render(1));
        Map<String, List<JsonNode>> b = BridgeContract.byCall(demo.render(2));
        assertEquals(3, a.size());
        assertEquals(3, b.size());
        Set<String> shared = new TreeSet<>(a.keySet());
        shared.retainAll(b.keySet());
        assertTrue(shared.isEmpty(), "CALL_IDs shared between seeds: " + shared);
        assertNotEquals(knownNumbers(a), knownNumbers(b));
    }

    @Test
    void callIdsLookLikeBitrixIdsAndCountCallsWithinAPass() {
        List<String> ids = new ArrayList<>(BridgeContract.byCall(demo.render(99)).keySet());
        for (int i = 0; i < ids.size(); i++) {
            assertTrue(CALL_ID.matcher(ids.get(i)).matches(), ids.get(i));
            assertTrue(ids.get(i).endsWith("." + (i + 1)), ids.get(i));
        }
    }

    @Test
    void offsetsNeverGoBackAndStartAtZero() {
        for (long seed = 0; seed < 20; seed++) {
            List<WidgetPost> posts = demo.render(seed);
            assertEquals(0, posts.get(0).atMillis());
            for (int i = 1; i < posts.size(); i++) {
                assertTrue(posts.get(i).atMillis() >= posts.get(i - 1).atMillis(), "post " + i + " goes back in time");
            }
        }
    }

    @Test
    void everyBodyMatchesTheBridgeContract() {
        for (long seed = 0; seed < 20; seed++) {
            for (WidgetPost post : demo.render(seed)) {
                BridgeContract.assertValid(post.json());
            }
        }
    }

    @Test
    void knownNumbersFollowTheirPlan() {
        for (long seed = 0; seed < 50; seed++) {
            Map<String, List<JsonNode>> calls = BridgeContract.byCall(demo.render(seed));
            List<String> numbers = knownNumbers(calls);
            assertTrue(numbers.get(0).matches("\\+7495[2-9]\\d{6}"), numbers.get(0));
            assertTrue(numbers.get(1).matches("\\+4930[2-9]\\d{7}"), numbers.get(1));
        }
    }

    @Test
    void unknownNumberIsLeftOutOfStatusAndUnknownInEntityChanged() {
        SimulatedCall call = SimulatedCall.builder(SimulatedCall.Direction.CALLBACK)
                .phone(CallerPhone.unknown())
                .line("sip7", "Support")
                .ringsFor(Duration.ofSeconds(2))
                .talksFor(Duration.ofSeconds(4))
                .build();
        List<WidgetPost> posts = new Scenario("unknown", List.of(call), Duration.ZERO).render(5);
        List<String> labels = new ArrayList<>();
        for (WidgetPost post : posts) {
            JsonNode body = BridgeContract.assertValid(post.json());
            labels.add(BridgeContract.label(body));
            if (body.get("type").asText().equals("status")) {
                assertFalse(body.get("status").has("PHONE_NUMBER"), post.json());
                assertFalse(body.get("status").has("CRM_ACTIVITY_ID"), post.json());
                assertEquals("callback", body.get("status").get("CALL_DIRECTION").asText());
                assertEquals("", body.get("status").get("CRM_ENTITY_TYPE").asText());
                assertEquals(0, body.get("status").get("CRM_BINDINGS").size());
            }
            if (body.path("event").asText().equals("CallCard::EntityChanged")) {
                assertEquals("unknown", body.get("args").get(0).get("PHONE_NUMBER").asText());
            }
        }
        // a callback opens idle like an outgoing call, is dialled, then answered; its card closes with the call
        assertEquals(List.of("status:idle", "EntityChanged", "CallStateChanged:connecting", "status:connecting",
                "CallStateChanged:connected", "status:connected", "closed"), labels);
    }

    @Test
    void timingFollowsRingTalkAndGap() {
        SimulatedCall first = SimulatedCall.builder(SimulatedCall.Direction.INCOMING)
                .phone(CallerPhone.known(NumberPlan.NEW_YORK))
                .linkedTo(new CrmLink(CrmEntityType.LEAD, 12, List.of(), true))
                .ringsFor(Duration.ofSeconds(2))
                .talksFor(Duration.ofSeconds(10))
                .build();
        Scenario scenario = new Scenario("timing", List.of(first, first), Duration.ofSeconds(4));
        List<WidgetPost> posts = scenario.render(3);
        // incoming: open 0, CRM 700, connected 2000 (+200 poll), the call ends at 12000 and its card closes at once:
        // closed 12100
        assertEquals(List.of(0L, 700L, 2_000L, 2_200L, 12_100L),
                posts.subList(0, 5).stream().map(WidgetPost::atMillis).toList());
        assertEquals(12_100L + 4_000L, posts.get(5).atMillis(), "the next card opens one gap after closed");
        JsonNode status = BridgeContract.parse(posts.get(0).json()).get("status");
        assertTrue(status.get("PHONE_NUMBER").asText().matches("\\+1212[2-9]\\d{6}"));
        assertEquals("LEAD", status.get("CRM_ENTITY_TYPE").asText());
        assertEquals(12, status.get("CRM_ENTITY_ID").asInt());

        List<WidgetPost> documented = scenario.withCardBehaviour(CardBehaviour.DOCUMENTED).render(3);
        // documented: idle 12000 (+200), BeforeClose 14000, closed 14100
        assertEquals(List.of(0L, 700L, 2_000L, 2_200L, 12_000L, 12_200L, 14_000L, 14_100L),
                documented.subList(0, 8).stream().map(WidgetPost::atMillis).toList());
        assertEquals(14_100L + 4_000L, documented.get(8).atMillis(), "the next card opens one gap after closed");
    }

    @Test
    void eachEventCarriesItsFirstArgumentOnlyAsBitrix24DeliversIt() {
        SimulatedCall busy = SimulatedCall.builder(SimulatedCall.Direction.OUTGOING)
                .phone(CallerPhone.known(NumberPlan.BERLIN))
                .ringsFor(Duration.ofSeconds(2))
                .failsWith("486")
                .holdsCardOpen()
                .build();
        Scenario scenario = new Scenario("busy", List.of(busy), Duration.ZERO);
        assertEquals(CardBehaviour.BITRIX24, scenario.cardBehaviour(), "the default");
        List<String> events = new ArrayList<>();
        for (WidgetPost post : scenario.render(8)) {
            JsonNode body = BridgeContract.assertValid(post.json());
            if (body.get("type").asText().equals("event")) {
                events.add(body.get("event").asText() + " " + body.get("args"));
            }
        }
        assertEquals(List.of("CallCard::EntityChanged [{\"PHONE_NUMBER\":\"" + number(scenario.render(8))
                + "\",\"CRM_ENTITY_TYPE\":\"\",\"CRM_ENTITY_ID\":0}]",
                "CallCard::CallStateChanged [\"connecting\"]", "CallCard::CallStateChanged [\"idle\"]",
                "CallCard::BeforeClose [[]]"), events);

        List<String> documented = new ArrayList<>();
        for (WidgetPost post : scenario.withCardBehaviour(CardBehaviour.DOCUMENTED).render(8)) {
            JsonNode body = BridgeContract.parse(post.json());
            if (body.path("event").asText().startsWith("CallCard::C") || body.path("event").asText().endsWith("Close")) {
                documented.add(body.get("event").asText() + " " + body.get("args"));
            }
        }
        assertEquals(List.of("CallCard::CallStateChanged [\"connecting\",{}]",
                "CallCard::CallStateChanged [\"idle\",{\"failedCode\":\"486\"}]", "CallCard::BeforeClose []",
                "CallCard::BeforeClose []"), documented);
    }

    private static String number(List<WidgetPost> posts) {
        return BridgeContract.parse(posts.get(0).json()).get("status").get("PHONE_NUMBER").asText();
    }

    private static List<String> knownNumbers(Map<String, List<JsonNode>> calls) {
        List<String> numbers = new ArrayList<>();
        for (List<JsonNode> bodies : calls.values()) {
            String number = bodies.get(0).get("status").path("PHONE_NUMBER").asText("");
            if (number.startsWith("+")) {
                numbers.add(number);
            }
        }
        return numbers;
    }
}
