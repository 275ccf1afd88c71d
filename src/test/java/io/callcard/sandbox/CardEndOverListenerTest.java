package io.callcard.sandbox;

import static io.callcard.testing.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.callcard.call.CallTracker;
import io.callcard.testing.ListenerFixture;
import io.callcard.testing.SlowTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The end of a call as the companion's real listener hears it from the sandbox, over loopback HTTP: by Bitrix24's rules
 * by default (protocol.md §2a), by the documentation when the scenario says so. The portal plays at speed 40, so a held
 * card's 65 s pass in 1.6 s; each test follows the first pass only.
 */
@SlowTest
class CardEndOverListenerTest {

    private static final long SEED = 5;

    @AutoClose
    private ListenerFixture listener;
    private CallTracker tracker;
    @AutoClose
    private PortalTestSupport.RecordingProxy wire;

    /** Every failure code the tracker's snapshots showed, in order. */
    private final List<String> failedCodes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        listener = ListenerFixture.start();
        tracker = listener.tracker();
        tracker.subscribe(update -> {
            if (update.current().failedCode() != null) {
                failedCodes.add(update.current().failedCode());
            }
        });
        wire = new PortalTestSupport.RecordingProxy(listener.baseUri());
    }

    private static Scenario scenario(String behaviour, String calls) {
        return ScenarioFiles.parse("end.json", "{\"name\": \"end\", \"gapBetweenCallsSeconds\": 30,"
                + (behaviour == null ? "" : " \"cardBehaviour\": \"" + behaviour + "\",") + " \"calls\": [" + calls + "]}");
    }

    private static final String BUSY = "{\"direction\": \"outgoing\", \"caller\": \"berlin\", \"ringSeconds\": 1,"
            + " \"failedCode\": \"486\"}";
    private static final String HELD = "{\"direction\": \"incoming\", \"caller\": \"new-york\", \"ringSeconds\": 1,"
            + " \"talkSeconds\": 2, \"holdCardOpen\": true}";

    @Test
    void anUnheldBusyCallIsHeardOnlyUntilItsCardClosesWithNoFailedCode() throws Exception {
        Scenario scenario = scenario(null, BUSY);
        String callId = callIds(scenario).get(0);
        try (SandboxPortal portal = new SandboxPortal(wire.base(), scenario, SEED, 40)) {
            portal.start();
            waitFor(() -> labels(callId).contains("closed"), () -> "the card closed: " + labels(callId));
            portal.close();
            assertEquals(portal.postsSent(), portal.postsDelivered(), "the listener accepted every post");
        }
        assertEquals(List.of("status", "EntityChanged", "CallStateChanged:connecting", "status", "closed"),
                labels(callId), "the final idle and BeforeClose went with the iframe; the page's beacon came");
        for (JsonNode body : bodies(callId)) {
            assertFalse(body.toString().contains("failedCode"), body.toString());
            if (body.path("event").asText().equals("CallCard::CallStateChanged")) {
                assertEquals(1, body.get("args").size(), "one argument: " + body);
            }
        }
        assertEquals(List.of(), failedCodes, "the widget never learns the code");
    }

    @Test
    void aHeldCallDeliversItsEndAndTheFirstBeforeCloseThenOnlyClosed() throws Exception {
        Scenario scenario = scenario("bitrix24", HELD);
        String callId = callIds(scenario).get(0);
        try (SandboxPortal portal = new SandboxPortal(wire.base(), scenario, SEED, 40)) {
            portal.start();
            waitFor(() -> labels(callId).contains("closed"), () -> "the card closed: " + labels(callId));
        }
        assertEquals(List.of("status", "EntityChanged", "CallStateChanged:connected", "status",
                "CallStateChanged:idle", "status", "BeforeClose", "closed"), labels(callId));
        JsonNode beforeClose = bodies(callId).get(6);
        assertEquals("[[]]", beforeClose.get("args").toString(), "BeforeClose's one argument, an empty array");
        assertEquals("[\"idle\"]", bodies(callId).get(4).get("args").toString());
    }

    @Test
    void theDocumentedCardDeliversItsEndWithTheFailedCodeAndBeforeCloseAsBefore() throws Exception {
        Scenario scenario = scenario("documented", BUSY);
        String callId = callIds(scenario).get(0);
        try (SandboxPortal portal = new SandboxPortal(wire.base(), scenario, SEED, 40)) {
            portal.start();
            waitFor(() -> labels(callId).contains("closed"), () -> "the card closed: " + labels(callId));
        }
        assertEquals(List.of("status", "EntityChanged", "CallStateChanged:connecting", "status",
                "CallStateChanged:idle", "status", "BeforeClose", "closed"), labels(callId));
        assertEquals("[\"idle\",{\"failedCode\":\"486\"}]", bodies(callId).get(4).get("args").toString());
        assertEquals("[]", bodies(callId).get(6).get("args").toString());
        waitFor(() -> failedCodes.contains("486"), () -> "the tracker learned 486 from the widget: " + failedCodes);
    }

    @Test
    void aCallWhoseWidgetDoesNotLoadPostsNothingFromTheWidget() throws Exception {
        Scenario scenario = scenario(null, BUSY.replace("}", ", \"defaultTab\": \"callList\"}") + ", " + HELD);
        List<String> ids = callIds(scenario);
        try (SandboxPortal portal = new SandboxPortal(wire.base(), scenario, SEED, 40)) {
            portal.start();
            waitFor(() -> labels(ids.get(1)).contains("closed"), () -> "the second card closed: " + labels(ids.get(1)));
        }
        assertEquals(List.of(), labels(ids.get(0)), "nothing of the first call reached the listener");
        assertTrue(wire.events.stream().allMatch(json -> json.contains(ids.get(1))), "only the second call's posts");
        assertEquals(ids.get(1), tracker.current().callId());
    }

    /** The CALL_ID of each call of the first pass, in call order, from the portal's server events. */
    private static List<String> callIds(Scenario scenario) {
        List<String> ids = new ArrayList<>();
        for (TelephonyEventPost event : scenario.renderPass(SEED).telephonyEvents()) {
            String id = event.call().get("CALL_ID");
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** The widget's posts about the call, the companion's command results left out. */
    private List<JsonNode> bodies(String callId) {
        return wire.bodiesOf(callId).stream().filter(body -> !body.path("type").asText().equals("result"))
                .collect(Collectors.toList());
    }

    /** "status", "EntityChanged", "CallStateChanged:idle", "BeforeClose", "closed": the widget's own words. */
    private List<String> labels(String callId) {
        return wire.labelsOf(callId).stream().filter(label -> !label.startsWith("result:")).collect(Collectors.toList());
    }
}
