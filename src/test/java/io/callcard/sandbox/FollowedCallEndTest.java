package io.callcard.sandbox;

import static io.callcard.testing.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallFollower;
import io.callcard.testing.ListenerFixture;
import io.callcard.testing.SlowTest;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Follow calls to the end" against the sandbox's card, which plays Bitrix24's own rules (protocol.md §2a): unfollowed,
 * a busy call's card closes with the call and only the page's beacon is heard; followed, the card is held while the
 * call rings, so its final idle reaches the companion, and is let go at once after it. Real listener, real widget
 * posts over loopback HTTP.
 */
@SlowTest
class FollowedCallEndTest {

    private static final long SEED = 5;
    /** 10 s of ringing pass in half a second: time enough for the hold to reach the card; its 65 s in 3.25 s. */
    private static final double SPEED = 20;
    private static final String BUSY = "{\"direction\": \"outgoing\", \"caller\": \"berlin\", \"ringSeconds\": 10,"
            + " \"failedCode\": \"486\"}";

    @AutoClose
    private ListenerFixture listener;
    @AutoClose
    private PortalTestSupport.RecordingProxy wire;

    @BeforeEach
    void start() throws Exception {
        listener = ListenerFixture.start();
        wire = new PortalTestSupport.RecordingProxy(listener.baseUri());
    }

    @Test
    void aFollowedCallsCardIsHeldWhileItRingsSoItsEndIsHeardThenLetGo() throws Exception {
        listener.tracker().subscribe(new CallFollower(listener.callCardChannel()));
        Scenario scenario = ScenarioFiles.parse("busy.json", "{\"name\": \"busy\", \"gapBetweenCallsSeconds\": 30,"
                + " \"calls\": [" + BUSY + "]}");
        String callId = scenario.renderPass(SEED).telephonyEvents().get(0).call().get("CALL_ID");
        try (SandboxPortal portal = new SandboxPortal(wire.base(), scenario, SEED, SPEED)) {
            portal.start();
            waitFor(() -> wire.labelsOf(callId).contains("closed"), () -> "the card closed: " + wire.labelsOf(callId));
        }
        List<String> heard = wire.labelsOf(callId);
        int held = heard.indexOf("result:disableAutoClose");
        int idle = heard.indexOf("CallStateChanged:idle");
        int released = heard.indexOf("result:enableAutoClose");
        // the hold's answer may be posted after the idle: the page's command loop and its events are two senders
        assertTrue(held >= 0 && idle >= 0 && released > Math.max(idle, held) && heard.indexOf("closed") > released,
                "held while ringing, the end heard, then let go and closed: " + heard + " " + wire.events);
        // let go before or after its close attempt, it closes at once: never the second BeforeClose of a held card
        assertTrue(heard.stream().filter("BeforeClose"::equals).count() <= 1,
                "the card closed at once when let go, not after its 65 s: " + heard);
    }

    @Test
    void unfollowedTheSameCallsEndGoesWithItsCard() throws Exception {
        Scenario scenario = ScenarioFiles.parse("busy.json", "{\"name\": \"busy\", \"gapBetweenCallsSeconds\": 30,"
                + " \"calls\": [" + BUSY + "]}");
        String callId = scenario.renderPass(SEED).telephonyEvents().get(0).call().get("CALL_ID");
        try (SandboxPortal portal = new SandboxPortal(wire.base(), scenario, SEED, SPEED)) {
            portal.start();
            waitFor(() -> wire.labelsOf(callId).contains("closed"), () -> "the card closed: " + wire.labelsOf(callId));
        }
        assertTrue(!wire.labelsOf(callId).contains("CallStateChanged:idle"), "no idle without the hold: " + wire.labelsOf(callId));
    }

}
