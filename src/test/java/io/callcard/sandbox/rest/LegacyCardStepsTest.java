package io.callcard.sandbox.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.sandbox.CardBehaviour;
import io.callcard.sandbox.RenderedPass;
import io.callcard.sandbox.Scenario;
import io.callcard.sandbox.ScenarioFiles;
import io.callcard.sandbox.WidgetPost;
import io.callcard.wire.CardCallState;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What the seed transport's card does in a pass, read from the widget posts' JSON: documented CallStateChanged
 * arguments whatever the posts carry, and one close per card however many close posts the rendering has.
 */
class LegacyCardStepsTest {

    private static final Scenario SCENARIO = ScenarioFiles.parse("steps.json", "{\"name\": \"steps\","
            + " \"gapBetweenCallsSeconds\": 1, \"calls\": ["
            + "{\"direction\": \"outgoing\", \"caller\": \"berlin\", \"lineNumber\": \"sip1\", \"ringSeconds\": 2,"
            + " \"failedCode\": \"486\", \"holdCardOpen\": true},"
            + "{\"direction\": \"incoming\", \"caller\": \"moscow-landline\", \"lineNumber\": \"reg1\","
            + " \"ringSeconds\": 1, \"talkSeconds\": 3}]}");

    @Test
    void theScenariosOwnPassGivesEachCardItsStatesAndOneClose() {
        // as the player renders it: the documented card (the seed transport loses nothing with an iframe)
        Scenario documented = SCENARIO.withCardBehaviour(CardBehaviour.DOCUMENTED);
        List<LegacyCardSteps.Step> steps = LegacyCardSteps.of(documented.renderPass(7), documented);
        List<LegacyCardSteps.Close> closes = steps.stream().filter(LegacyCardSteps.Close.class::isInstance)
                .map(LegacyCardSteps.Close.class::cast).collect(Collectors.toList());
        assertEquals(2, closes.size(), steps.toString());
        assertTrue(closes.get(0).agentHeld(), "call 1 holds its card open");
        assertTrue(closes.get(0).closedAtMillis() >= closes.get(0).atMillis() + LegacyCallCardPlayer.HELD_CARD_MILLIS,
                "its rendered close comes 65 s after the attempt");
        assertEquals("486", closes.get(0).failedCode());
        assertEquals(false, closes.get(1).agentHeld());
        List<LegacyCardSteps.StateChange> idles = steps.stream().filter(LegacyCardSteps.StateChange.class::isInstance)
                .map(LegacyCardSteps.StateChange.class::cast).filter(s -> s.state() == CardCallState.IDLE)
                .collect(Collectors.toList());
        assertEquals(2, idles.size(), steps.toString());
        assertEquals("{\"failedCode\":\"486\"}", idles.get(0).params().toString());
        assertEquals("{}", idles.get(1).params().toString(), "an answered call ends without a code");
    }

    @Test
    void aStateChangeWithItsFirstArgumentOnlyGetsTheDocumentedObjectAndTheCallsCode() {
        String id = "sandbox.1";
        RenderedPass pass = new RenderedPass(List.of(
                new WidgetPost(0, "{\"type\":\"status\",\"callId\":\"" + id + "\",\"status\":{\"CALL_ID\":\"" + id
                        + "\",\"CALL_STATE\":\"idle\",\"CALL_DIRECTION\":\"outgoing\"}}"),
                new WidgetPost(1_000, "{\"type\":\"event\",\"callId\":\"" + id
                        + "\",\"event\":\"CallCard::CallStateChanged\",\"args\":[\"connecting\"]}"),
                new WidgetPost(3_000, "{\"type\":\"event\",\"callId\":\"" + id
                        + "\",\"event\":\"CallCard::CallStateChanged\",\"args\":[\"idle\"]}"),
                new WidgetPost(3_100, "{\"type\":\"closed\",\"callId\":\"" + id + "\"}")),
                List.of(), 5_000, List.of());
        List<LegacyCardSteps.Step> steps = LegacyCardSteps.of(pass, SCENARIO);
        assertEquals(4, steps.size(), steps.toString());
        assertEquals("{}", ((LegacyCardSteps.StateChange) steps.get(1)).params().toString());
        assertEquals("{\"failedCode\":\"486\"}", ((LegacyCardSteps.StateChange) steps.get(2)).params().toString());
        LegacyCardSteps.Close close = (LegacyCardSteps.Close) steps.get(3);
        assertEquals(3_100, close.atMillis(), "a card whose page only said it closed closes there");
    }
}
