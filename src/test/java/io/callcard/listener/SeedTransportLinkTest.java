package io.callcard.listener;

import static io.callcard.testing.Eventually.result;
import static io.callcard.testing.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallCardChannel;
import io.callcard.call.CallDisplayState;
import io.callcard.call.CallEvent;
import io.callcard.call.CallSnapshot;
import io.callcard.portal.CallRecordLookup;
import io.callcard.portal.PortalClient;
import io.callcard.portal.PortalError;
import io.callcard.portal.PortalException;
import io.callcard.portal.SeedPlacementTransport;
import io.callcard.portal.WebhookUrl;
import io.callcard.sandbox.Scenario;
import io.callcard.sandbox.ScenarioFiles;
import io.callcard.sandbox.rest.LegacyCallCardPlayer;
import io.callcard.sandbox.rest.SandboxRestServer;
import io.callcard.testing.ListenerFixture;
import io.callcard.testing.SlowTest;
import io.callcard.wire.CallCardEventName;
import io.callcard.wire.CardCallState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The seed REST transport end to end, with nothing in between but HTTP: the sandbox's REST server playing a scenario on
 * its call card ({@link LegacyCallCardPlayer}), the companion's real listener receiving the CallCard events it bound,
 * and the {@link SeedTransportLink} polling getStatus into the tracker and sending the hold button's commands.
 */
@SlowTest
class SeedTransportLinkTest {

    private static final Scenario SCENARIO = ScenarioFiles.parse("seed.json", "{\"name\": \"seed\","
            + " \"gapBetweenCallsSeconds\": 1, \"calls\": ["
            + "{\"direction\": \"incoming\", \"caller\": \"moscow-landline\", \"lineNumber\": \"reg1\","
            + " \"ringSeconds\": 1, \"talkSeconds\": 8, \"crm\": {\"type\": \"contact\", \"id\": 5}},"
            + "{\"direction\": \"outgoing\", \"caller\": \"berlin\", \"lineNumber\": \"sip1\", \"ringSeconds\": 2,"
            + " \"failedCode\": \"486\"}]}");

    private final AtomicInteger requests = new AtomicInteger();
    private final Reports reports = new Reports();
    private SandboxRestServer server;
    private ListenerFixture listener;
    private LegacyCallCardPlayer player;
    private SeedTransportLink link;

    @AfterEach
    void stop() {
        if (link != null) {
            link.close();
        }
        if (player != null) {
            player.close();
        }
        if (listener != null) {
            listener.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** The companion's client for the sandbox's webhook, every request it puts on the wire counted. */
    private PortalClient client() throws Exception {
        OkHttpClient counting = new OkHttpClient.Builder().addNetworkInterceptor(chain -> {
            requests.incrementAndGet();
            return chain.proceed(chain.request());
        }).build();
        return PortalClient.builder(WebhookUrl.parse(server.webhookUrl()), "seed-test").httpClient(counting).build();
    }

    @Test
    void theScenarioOnTheRestCardReachesTheTrackerByPollAndByBoundEventsAndTheHoldActsOnIt() throws Exception {
        server = SandboxRestServer.builder().legacyPlacementRest(true).statisticsDelay(Duration.ofMillis(50)).start();
        listener = ListenerFixture.start(ListenerConfig.loopback(0)
                .withApplicationToken(server.application().applicationToken()));
        CallLog calls = new CallLog();
        listener.tracker().subscribe(update -> calls.record(update.event(), update.current()));
        player = new LegacyCallCardPlayer(server, SCENARIO, 3, 4);
        player.start();
        link = SeedTransportLink.start(listener.listener(), client(), reports);
        waitFor(() -> reports.live.get() != null, "the seed transport going live");
        assertTrue(reports.live.get(), "all three events bound");
        String handler = SeedPlacementTransport.eventsHandlerUrl(listener.baseUri());
        for (CallCardEventName event : CallCardEventName.values()) {
            assertEquals(List.of(handler), server.callCard().handlers(event.wireName()), event.wireName());
        }
        SeedPlacementTransport asker = new SeedPlacementTransport(client());
        CallCardChannel hold = reports.channel.get();

        // call 1: getStatus answers the live card while it talks; the hold keeps the card past its close attempt
        waitFor(() -> calls.first() != null && calls.phases(calls.first()).contains(CallDisplayState.CONNECTED),
                () -> "call 1 connected: " + calls);
        // the source line's facts: the seed transport heard, its poll showing a card; no widget page, no server post
        assertTrue(listener.listener().heard().last(InputChannel.SEED_TRANSPORT).isPresent());
        waitFor(link::cardShown, "the poll showing call 1's card");
        assertEquals(Optional.empty(), listener.listener().heard().last(InputChannel.WIDGET_BRIDGE));
        assertFalse(listener.listener().widgetPageOpen());
        String first = calls.first();
        assertEquals(CardCallState.CONNECTED, asker.getStatus().orElseThrow().state());
        assertEquals(first, asker.getStatus().orElseThrow().callId());
        result(hold.disableAutoClose(), "disableAutoClose");
        assertTrue(server.callCard().autoCloseHeld());
        assertTrue(listener.tracker().current().autoCloseHeld(), "the card's answer reached the tracker");
        waitFor(() -> calls.closing.contains(first), () -> "call 1's BeforeClose: " + calls);
        assertEquals(first, asker.getStatus().orElseThrow().callId(), "held: the card stays after BeforeClose");
        assertEquals(0, player.cardsClosed());
        result(hold.enableAutoClose(), "enableAutoClose");
        waitFor(() -> player.cardsClosed() == 1, "the card closing at once once released");

        // call 2: busy; the documented [state, {failedCode}] reaches the tracker through the bound handler
        waitFor(() -> calls.ids().size() == 2 && calls.last(calls.ids().get(1)) != null
                && calls.last(calls.ids().get(1)).phase() == CallDisplayState.FAILED, () -> "call 2 failed: " + calls);
        String second = calls.ids().get(1);
        assertEquals("486", calls.last(second).failedCode(), "a getStatus never carries failedCode");
        waitFor(() -> calls.closing.contains(second), () -> "call 2's BeforeClose: " + calls);

        CallSnapshot talked = calls.last(first);
        assertEquals(CallDisplayState.ENDED, talked.phase(), talked.toString());
        assertEquals("CONTACT 5", String.valueOf(talked.entity()));
        assertTrue(calls.polledBy.contains(first) && calls.polledBy.contains(second), "both seen by the poll");

        // and the portal's statistics agree with what the card showed
        CallRecordLookup statistics = new CallRecordLookup(client());
        waitFor(() -> statistics.find(second, null).isPresent(), "call 2's statistics record");
        assertEquals("486", statistics.find(second, null).orElseThrow().failedCode());
        assertEquals("200", statistics.find(first, null).orElseThrow().failedCode());
    }

    /** What the link reported. */
    static final class Reports implements SeedTransportLink.Report {
        final AtomicReference<Boolean> live = new AtomicReference<>();
        final AtomicReference<CallCardChannel> channel = new AtomicReference<>();
        final AtomicReference<PortalException> refused = new AtomicReference<>();
        final AtomicReference<PortalException> failed = new AtomicReference<>();

        @Override
        public void live(CallCardChannel channel, boolean eventsBound) {
            this.channel.set(channel);
            live.set(eventsBound);
        }

        @Override
        public void refused(PortalException refusal) {
            refused.set(refusal);
        }

        @Override
        public void failed(PortalException failure) {
            failed.set(failure);
        }
    }

    /** Every call the tracker showed: its phases, its last snapshot, and which kinds of event changed it. */
    static final class CallLog {
        private final List<String> order = new CopyOnWriteArrayList<>();
        private final Map<String, Set<CallDisplayState>> phases = new ConcurrentHashMap<>();
        private final Map<String, CallSnapshot> last = new ConcurrentHashMap<>();
        final Map<String, Set<String>> changedBy = new ConcurrentHashMap<>();
        final Set<String> polledBy = ConcurrentHashMap.newKeySet();
        final Set<String> closing = ConcurrentHashMap.newKeySet();

        void record(CallEvent event, CallSnapshot now) {
            String id = now.callId();
            if (id == null) {
                return;
            }
            if (!order.contains(id)) {
                order.add(id);
            }
            phases.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(now.phase());
            changedBy.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(event.getClass().getSimpleName());
            if (event instanceof CallEvent.StatusPolled) {
                polledBy.add(id);
            }
            if (now.closing()) {
                closing.add(id);
            }
            last.put(id, now);
        }

        String first() {
            return order.isEmpty() ? null : order.get(0);
        }

        List<String> ids() {
            return List.copyOf(order);
        }

        Set<CallDisplayState> phases(String id) {
            return phases.getOrDefault(id, Set.of());
        }

        CallSnapshot last(String id) {
            return last.get(id);
        }

        @Override
        public String toString() {
            return order + " " + phases + " by " + changedBy;
        }
    }
}
