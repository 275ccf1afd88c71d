package io.callcard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bitrix24 may give a second call the CALL_ID of one within the last 30 minutes (protocol.md §6); scenarios can say so. */
class CallIdReuseTest {

    private static final String FIRST = "{\"direction\": \"incoming\", \"caller\": \"berlin\", \"ringSeconds\": 2,"
            + " \"failedCode\": \"304\"}";

    private static Scenario parse(String second, double gapSeconds) {
        return ScenarioFiles.parse("reuse.json", "{\"name\": \"reuse\", \"gapBetweenCallsSeconds\": " + gapSeconds
                + ", \"calls\": [" + FIRST + ", " + second + "]}");
    }

    private static final String SECOND = "{\"direction\": \"incoming\", \"caller\": \"same as call 1\","
            + " \"callId\": \"same as call 1\", \"ringSeconds\": 2, \"talkSeconds\": 5}";

    @Test
    void theSecondCardCarriesTheFirstCardsCallIdInEveryPostAndServerEvent() {
        RenderedPass pass = parse(SECOND, 30).renderPass(42);
        List<List<JsonNode>> cards = BridgeContract.byCard(pass.widgetPosts());
        assertEquals(2, cards.size());
        String first = cards.get(0).get(0).get("callId").asText();
        cards.get(1).forEach(body -> assertEquals(first, body.get("callId").asText(), body.toString()));
        assertEquals(first, cards.get(1).get(0).get("status").get("CALL_ID").asText());
        pass.telephonyEvents().forEach(event -> assertEquals(first, event.call().get("CALL_ID")));
        assertEquals(List.of("status:connecting", "EntityChanged", "CallStateChanged:connected", "status:connected",
                "closed"), cards.get(1).stream().map(BridgeContract::label).toList(), "an ordinary second card");
        pass.widgetPosts().forEach(post -> BridgeContract.assertValid(post.json()));
    }

    @Test
    void sameScenarioAndSeedGiveTheSameSequenceAndAnotherSeedAnotherId() {
        assertEquals(parse(SECOND, 30).renderPass(42), parse(SECOND, 30).renderPass(42));
        List<WidgetPost> a = parse(SECOND, 30).render(1);
        List<WidgetPost> b = parse(SECOND, 30).render(2);
        assertNotEquals(BridgeContract.byCall(a).keySet(), BridgeContract.byCall(b).keySet());
        assertEquals(1, BridgeContract.byCall(a).size(), "one id for both calls");
    }

    @Test
    void reusingAnIdChangesNothingElseTheSeedDecides() {
        String fresh = SECOND.replace(" \"callId\": \"same as call 1\",", "");
        List<JsonNode> reused = BridgeContract.byCard(parse(SECOND, 30).render(7)).get(1);
        List<JsonNode> other = BridgeContract.byCard(parse(fresh, 30).render(7)).get(1);
        assertNotEquals(reused.get(0).get("callId"), other.get(0).get("callId"));
        assertEquals(reused.get(0).get("status").get("PHONE_NUMBER"), other.get(0).get("status").get("PHONE_NUMBER"));
    }

    @Test
    void anIdIsReusedWithinThirtyMinutesOnlyAndOfAnEarlierCall() {
        ScenarioFileException late = assertThrows(ScenarioFileException.class, () -> parse(SECOND, 1_800));
        assertTrue(late.getMessage().contains("within 30 minutes"), late.getMessage());
        ScenarioFileException self = assertThrows(ScenarioFileException.class, () -> parse(
                SECOND.replace("\"callId\": \"same as call 1\"", "\"callId\": \"same as call 2\""), 30));
        assertEquals("callId", self.field());
        ScenarioFileException typo = assertThrows(ScenarioFileException.class, () -> parse(
                SECOND.replace("\"callId\": \"same as call 1\"", "\"callId\": \"E45D40253D1C2D2F\""), 30));
        assertEquals("callId", typo.field());
    }
}
