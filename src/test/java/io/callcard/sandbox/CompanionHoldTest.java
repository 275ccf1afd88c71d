package io.callcard.sandbox;

import static io.callcard.testing.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callcard.call.CallCardStatus;
import io.callcard.call.CallDisplayState;
import io.callcard.call.CallTracker;
import io.callcard.testing.ListenerFixture;
import io.callcard.testing.SlowTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The companion's "hold" against the sandbox, end to end over loopback HTTP: the real listener queues the command for
 * the widget session, the simulated widget long-polls it, runs it on its card and answers; the card then outlives its
 * close attempt. Each test follows the first call only (the portal goes on playing).
 */
@SlowTest
class CompanionHoldTest {

    @AutoClose
    private ListenerFixture listener;
    private CallTracker tracker;
    /** Between the sandbox and the listener: what the widget posted, as it went over the wire. */
    @AutoClose
    private PortalTestSupport.RecordingProxy wire;

    @BeforeEach
    void start() throws Exception {
        listener = ListenerFixture.start();
        tracker = listener.tracker();
        wire = new PortalTestSupport.RecordingProxy(listener.baseUri());
    }

    private static Scenario oneCall(Duration talk, boolean agentHolds, CardBehaviour behaviour) {
        SimulatedCall.Builder call = SimulatedCall.builder(SimulatedCall.Direction.INCOMING)
                .phone(CallerPhone.known(NumberPlan.BERLIN))
                .ringsFor(Duration.ofSeconds(1))
                .talksFor(talk);
        if (agentHolds) {
            call.holdsCardOpen();
        }
        return new Scenario("one call", List.of(call.build()), Duration.ofSeconds(30), behaviour);
    }

    @ParameterizedTest
    @EnumSource(CardBehaviour.class)
    void holdingTheCardKeepsItOpenPastItsCloseAttempt(CardBehaviour behaviour) throws Exception {
        // speed 40: the minute of talk takes 1.5 s, the card's 65 s hold 1.6 s
        try (SandboxPortal portal = new SandboxPortal(wire.base(), oneCall(Duration.ofSeconds(60), false, behaviour),
                1, 40)) {
            portal.start();
            waitFor(() -> tracker.current().phase() == CallDisplayState.CONNECTED, "the call connected");
            String callId = tracker.current().callId();

            listener.callCardChannel().disableAutoClose().get(5, TimeUnit.SECONDS);
            waitFor(() -> tracker.current().autoCloseHeld(), "the hold reached the tracker");
            waitFor(() -> count(callId, "BeforeClose") == 1, "the card tried to close");
            assertEquals(1, count(callId, "CallStateChanged:idle"), "the held card's end is heard");

            CallCardStatus afterAttempt = listener.callCardChannel().getStatus().get(5, TimeUnit.SECONDS);
            assertEquals(callId, afterAttempt.callId(), "the held card is still there after its close attempt");
            waitFor(() -> count(callId, "closed") == 1, "the card closed in the end");

            if (behaviour == CardBehaviour.BITRIX24) {
                assertEquals(List.of("BeforeClose", "result:getStatus", "closed"), closeOf(callId),
                        "the real close's BeforeClose goes with the iframe");
            } else {
                assertEquals(List.of("BeforeClose", "result:getStatus", "BeforeClose", "closed"), closeOf(callId),
                        "BeforeClose fires again at the real close");
            }
        }
    }

    @Test
    void withoutAHoldTheCardClosesWithTheCallAndOnlyClosedIsHeard() throws Exception {
        try (SandboxPortal portal = new SandboxPortal(wire.base(),
                oneCall(Duration.ofSeconds(2), false, CardBehaviour.BITRIX24), 1, 40)) {
            portal.start();
            waitFor(() -> tracker.current().callId() != null, "the card opened");
            String callId = tracker.current().callId();
            waitFor(() -> count(callId, "closed") == 1, "the card closed");
            assertEquals(List.of("status", "EntityChanged", "CallStateChanged:connected", "status", "closed"),
                    wire.labelsOf(callId), "the final idle and BeforeClose go with the iframe");
        }
    }

    @Test
    void withoutAHoldTheDocumentedCardClosesAtItsFirstAttempt() throws Exception {
        try (SandboxPortal portal = new SandboxPortal(wire.base(),
                oneCall(Duration.ofSeconds(2), false, CardBehaviour.DOCUMENTED), 1, 40)) {
            portal.start();
            waitFor(() -> tracker.current().callId() != null, "the card opened");
            String callId = tracker.current().callId();
            waitFor(() -> count(callId, "closed") == 1, "the card closed");
            assertEquals(1, count(callId, "CallStateChanged:idle"));
            assertEquals(List.of("BeforeClose", "closed"), closeOf(callId));
        }
    }

    @ParameterizedTest
    @EnumSource(CardBehaviour.class)
    void enableAutoCloseOnACardTheAgentHoldsClosesItAtOnce(CardBehaviour behaviour) throws Exception {
        // real time: the agent's hold would keep the card 65 s; the wait below gives up long before that
        try (SandboxPortal portal = new SandboxPortal(wire.base(), oneCall(Duration.ofSeconds(1), true, behaviour),
                1, 1)) {
            portal.start();
            waitFor(() -> tracker.current().callId() != null, "the card opened");
            String callId = tracker.current().callId();
            waitFor(() -> count(callId, "BeforeClose") == 1, "the held card tried to close");

            listener.callCardChannel().enableAutoClose().get(5, TimeUnit.SECONDS);
            waitFor(() -> count(callId, "closed") == 1, "the card closed at once");
            assertEquals(behaviour == CardBehaviour.BITRIX24
                    ? List.of("BeforeClose", "result:enableAutoClose", "closed")
                    : List.of("BeforeClose", "result:enableAutoClose", "BeforeClose", "closed"), closeOf(callId));
        }
    }

    private long count(String callId, String label) {
        return wire.labelsOf(callId).stream().filter(label::equals).count();
    }

    /** The call's posts from its first BeforeClose on, labelled. */
    private List<String> closeOf(String callId) {
        List<String> labels = new ArrayList<>();
        for (String label : wire.labelsOf(callId)) {
            if (!labels.isEmpty() || label.equals("BeforeClose")) {
                labels.add(label);
            }
        }
        return labels;
    }


}
