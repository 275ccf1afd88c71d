package io.callcard.contract;

import static io.callcard.testing.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callcard.call.CallDirection;
import io.callcard.call.CallEvent;
import io.callcard.call.CallDisplayState;
import io.callcard.call.CallSnapshot;
import io.callcard.call.CallTracker;
import io.callcard.call.CallerNumber;
import io.callcard.listener.ListenerConfig;
import io.callcard.portal.PortalClient;
import io.callcard.portal.SeedPlacementTransport;
import io.callcard.sandbox.SandboxPortal;
import io.callcard.sandbox.Scenario;
import io.callcard.sandbox.ScenarioFiles;
import io.callcard.sandbox.TelephonyEventPost;
import io.callcard.sandbox.rest.SandboxApplication;
import io.callcard.sandbox.rest.SandboxRestServer;
import io.callcard.sandbox.rest.TelephonyEventSender;
import io.callcard.testing.ListenerFixture;
import io.callcard.testing.SlowTest;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox as the portal, the companion's real listener and tracker as the receiver, nothing in between but HTTP:
 * the server-side telephony events signed with the application token, the scripted widget alongside them, and the
 * legacy placement transport posting CallCard events to the handler the companion bound.
 */
@SlowTest
class PortalEventsEndToEndTest {

    private static final String TOKEN = "sandbox-application-token-5";
    private static final SandboxApplication APP = new SandboxApplication("local.e2e.1", "secret", TOKEN,
            "member-e2e", "sandbox.example.test", "http://127.0.0.1:1/rest/");
    private static final long SEED = 5;
    private static final Scenario SCENARIO = ScenarioFiles.parse("e2e.json", "{\"name\": \"e2e\","
            + " \"gapBetweenCallsSeconds\": 1, \"calls\": ["
            + "{\"direction\": \"incoming\", \"caller\": \"moscow-landline\", \"lineNumber\": \"reg1\", \"ringSeconds\": 1,"
            + " \"talkSeconds\": 2, \"crm\": {\"type\": \"contact\", \"id\": 5, \"activity\": true}},"
            + "{\"direction\": \"outgoing\", \"caller\": \"berlin\", \"lineNumber\": \"sip1\", \"ringSeconds\": 1,"
            + " \"failedCode\": \"486\"},"
            + "{\"direction\": \"callback\", \"caller\": \"hidden\", \"lineNumber\": \"sip1\", \"ringSeconds\": 1,"
            + " \"failedCode\": \"499\"}]}");

    /** The last snapshot the tracker published for each CALL_ID (first pass's calls are all the tests look at). */
    private final Map<String, CallSnapshot> lastByCall = new ConcurrentHashMap<>();
    private final Map<String, Boolean> serverEventsApplied = new ConcurrentHashMap<>();
    /** The calls whose card the widget showed open at some moment (it may close before the call's last snapshot). */
    private final Map<String, Boolean> cardSeenOpen = new ConcurrentHashMap<>();
    @AutoClose
    private ListenerFixture listener;
    private CallTracker tracker;
    private SandboxRestServer server;

    @BeforeEach
    void start() throws Exception {
        listener = ListenerFixture.start(ListenerConfig.loopback(0).withApplicationToken(TOKEN));
        tracker = listener.tracker();
        tracker.subscribe(update -> {
            CallSnapshot now = update.current();
            if (now.callId() != null) {
                lastByCall.put(now.callId(), now);
                if (now.cardOpen()) {
                    cardSeenOpen.put(now.callId(), true);
                }
            }
            CallEvent event = update.event();
            if (event instanceof CallEvent.ServerCallStarted || event instanceof CallEvent.ServerCallAnswered
                    || event instanceof CallEvent.ServerCallEnded) {
                serverEventsApplied.put(event.callId(), true);
            }
        });
    }

    @AfterEach
    void stopTheSandbox() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void telephonyEventSenderPostsReachTheTrackerThroughBitrixEvents() throws Exception {
        URI handler = listener.uri("bitrix/events");
        TelephonyEventSender sender = new TelephonyEventSender(APP, Clock.systemUTC());
        Map<String, String> record = new LinkedHashMap<>();
        record.put("CALL_ID", "E2E.1773239327.1");
        record.put("CALL_TYPE", "2");
        record.put("PHONE_NUMBER", "+74951234567");
        record.put("PORTAL_NUMBER", "reg1");
        record.put("PORTAL_USER_ID", "1");
        record.put("CALL_DURATION", "42");
        record.put("CALL_START_DATE", TelephonyEventSender.portalDate(OffsetDateTime.now(ZoneOffset.ofHours(3))));
        record.put("CALL_FAILED_CODE", "200");
        record.put("CALL_FAILED_REASON", "");
        record.put("CRM_ACTIVITY_ID", "55");

        assertEquals(200, sender.post(handler, TelephonyEventSender.CALL_INIT, record));
        listener.settle();
        assertEquals(CallDisplayState.CONNECTING, tracker.current().phase());
        assertEquals(CallDirection.INCOMING, tracker.current().direction());
        assertEquals(CallerNumber.of("+74951234567"), tracker.current().phone());
        assertFalse(tracker.current().cardOpen(), "the server does not see the card");

        assertEquals(200, sender.post(handler, TelephonyEventSender.CALL_START, record));
        listener.settle();
        assertEquals(CallDisplayState.CONNECTED, tracker.current().phase());

        assertEquals(200, sender.post(handler, TelephonyEventSender.CALL_END, record));
        listener.settle();
        CallSnapshot call = tracker.current();
        assertEquals("E2E.1773239327.1", call.callId());
        assertEquals(CallDisplayState.ENDED, call.phase());
        assertEquals("200", call.failedCode());
        assertEquals(55L, call.activityId());
        assertTrue(call.wasConnected());
    }

    /*
     * Issue 12: the posts arriving in one burst with CALL_DURATION 42 and no CALL_FAILED_CODE once showed 00:00 (the
     * END's duration was dropped and the card counted START to END). Over the real listener, the card says 42 s.
     */
    @Test
    void anEndWithoutAFailureCodeStillGivesTheCallThePortalsTalkTime() throws Exception {
        URI handler = listener.uri("bitrix/events");
        TelephonyEventSender sender = new TelephonyEventSender(APP, Clock.systemUTC());
        Map<String, String> record = new LinkedHashMap<>();
        record.put("CALL_ID", "E2E.1773239327.42");
        record.put("CALL_TYPE", "2");
        record.put("PHONE_NUMBER", "+74951234567");
        record.put("CALL_DURATION", "42");

        assertEquals(200, sender.post(handler, TelephonyEventSender.CALL_INIT, record));
        assertEquals(200, sender.post(handler, TelephonyEventSender.CALL_START, record));
        assertEquals(200, sender.post(handler, TelephonyEventSender.CALL_END, record));
        listener.settle();

        CallSnapshot call = tracker.current();
        assertEquals("E2E.1773239327.42", call.callId());
        assertEquals(CallDisplayState.ENDED, call.phase());
        assertTrue(call.outcome().isPending(), "no code: how it ended is learned from the record later");
        assertEquals(java.time.Duration.ofSeconds(42), call.talkTime(Instant.now().plusSeconds(600)));
    }

    @Test
    void aSenderWithAnotherApplicationsTokenIsRefusedAndChangesNothing() throws Exception {
        SandboxApplication stranger = new SandboxApplication("local.other", "s", "another-token", "m", "d", "e");
        TelephonyEventSender sender = new TelephonyEventSender(stranger, Clock.systemUTC());

        assertEquals(401, sender.post(listener.uri("bitrix/events"), TelephonyEventSender.CALL_INIT,
                Map.of("CALL_ID", "X", "CALL_TYPE", "2", "PHONE_NUMBER", "+1")));
        listener.settle();
        assertEquals(CallSnapshot.EMPTY, tracker.current());
    }

    @Test
    void serverEventsAloneShowTheScenarioCalls() throws Exception {
        List<String> calls = firstPassCallIds();
        URI nowhere;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nowhere = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
        }
        try (SandboxPortal portal = new SandboxPortal(nowhere, SCENARIO, SEED, 20)
                .sendTelephonyEvents(listener.uri("bitrix/events"), APP)) {
            portal.start();
            waitFor(() -> portal.telephonyEventsDelivered() >= 7,
                    () -> "delivered " + portal.telephonyEventsDelivered());
        }
        listener.settle();

        assertEndedAsScenarioSays(calls);
        for (String id : calls) {
            assertFalse(lastByCall.get(id).cardOpen(), "no widget: " + lastByCall.get(id));
        }
    }

    @Test
    void serverEventsAndTheWidgetTogetherTellOneStoryPerCall() throws Exception {
        List<String> calls = firstPassCallIds();
        try (SandboxPortal portal = new SandboxPortal(listener.baseUri(), SCENARIO, SEED, 20)
                .sendTelephonyEvents(listener.uri("bitrix/events"), APP)) {
            portal.start();
            waitFor(() -> portal.telephonyEventsDelivered() >= 7,
                    () -> "delivered " + portal.telephonyEventsDelivered());
            waitFor(() -> calls.stream().allMatch(id -> lastByCall.containsKey(id)
                    && lastByCall.get(id).endedAt() != null), () -> "calls: " + lastByCall);
        }
        listener.settle();

        assertEndedAsScenarioSays(calls);
        // the widget's card closes with each call (Bitrix24's own code, protocol.md §2a): it was open, and the
        // outcome came from the server events, not from the widget
        assertTrue(cardSeenOpen.containsKey(calls.get(0)), "the widget's card was seen: " + lastByCall.get(calls.get(0)));
    }

    @Test
    void theLegacyPlacementPostsReachTheTrackerThroughTheSeedHandler() throws Exception {
        server = SandboxRestServer.builder().legacyPlacementRest(true).start();
        ContractPortal.Wire wire = new ContractPortal.Wire();
        // the companion is set up with the portal's application token, as it would be for event posts
        try (ListenerFixture seedListener = ListenerFixture.start(ListenerConfig.loopback(0)
                     .withApplicationToken(server.application().applicationToken()));
             PortalClient client = ContractPortal.client(server, ContractPortal.webhook(server), wire).build()) {
            CallTracker seedTracker = seedListener.tracker();
            SeedPlacementTransport seed = new SeedPlacementTransport(client);
            assertTrue(seed.bindEvents(seedListener.baseUri()));
            assertEquals(List.of(SeedPlacementTransport.eventsHandlerUrl(seedListener.baseUri())),
                    server.callCard().handlers("CallCard::BeforeClose"));

            ObjectMapper json = new ObjectMapper();
            server.callCard().show((ObjectNode) json.readTree("{\"CALL_ID\":\"seed.1\",\"PHONE_NUMBER\":\"+19999999666\","
                    + "\"CRM_ENTITY_TYPE\":\"\",\"CRM_ENTITY_ID\":0,\"CALL_DIRECTION\":\"outgoing\","
                    + "\"CALL_STATE\":\"connecting\",\"CALL_LIST_MODE\":false}"));
            seedTracker.submit(new CallEvent.StatusPolled(Instant.now(), seed.getStatus().orElseThrow()))
                    .get(2, TimeUnit.SECONDS);

            assertEquals(1, server.postEventToBoundHandlers("CallCard::CallStateChanged",
                    json.readTree("[\"connected\",{}]")));
            assertEquals(1, server.postEventToBoundHandlers("CallCard::EntityChanged",
                    json.readTree("[{\"PHONE_NUMBER\":\"+19999999666\",\"CRM_ENTITY_TYPE\":\"CONTACT\","
                            + "\"CRM_ENTITY_ID\":797}]")));
            assertEquals(1, server.postEventToBoundHandlers("CallCard::CallStateChanged",
                    json.readTree("[\"idle\",{\"failedCode\":\"603\"}]")));
            assertEquals(1, server.postEventToBoundHandlers("CallCard::BeforeClose", json.readTree("[]")));
            seedListener.settle();

            CallSnapshot call = seedTracker.current();
            assertEquals("seed.1", call.callId());
            assertEquals(CallDisplayState.FAILED, call.phase());
            assertEquals("603", call.failedCode());
            assertTrue(call.wasConnected());
            assertEquals("CONTACT 797", String.valueOf(call.entity()));
            assertTrue(call.closing());
        }
    }

    private void assertEndedAsScenarioSays(List<String> calls) {
        CallSnapshot answered = lastByCall.get(calls.get(0));
        CallSnapshot busy = lastByCall.get(calls.get(1));
        CallSnapshot callback = lastByCall.get(calls.get(2));
        assertNotNull(answered, "call 1 seen: " + lastByCall.keySet());
        assertNotNull(busy, "call 2 seen: " + lastByCall.keySet());
        assertNotNull(callback, "call 3 seen: " + lastByCall.keySet());
        assertEquals(CallDisplayState.ENDED, answered.phase(), answered.toString());
        assertTrue(answered.wasConnected(), answered.toString());
        assertEquals(CallDirection.INCOMING, answered.direction());
        assertNotNull(answered.activityId(), "the activity of call 1: " + answered);
        assertEquals(CallDisplayState.FAILED, busy.phase(), busy.toString());
        assertEquals("486", busy.failedCode());
        assertEquals(CallDirection.OUTGOING, busy.direction());
        assertEquals(CallDisplayState.FAILED, callback.phase(), callback.toString());
        assertEquals("499", callback.failedCode());
        assertEquals(CallDirection.CALLBACK, callback.direction());
        assertEquals(CallerNumber.Kind.HIDDEN, callback.phone().kind());
        calls.forEach(id -> assertTrue(serverEventsApplied.containsKey(id) || lastByCall.get(id).cardOpen(),
                "some channel showed call " + id));
    }

    private static List<String> firstPassCallIds() {
        return SCENARIO.renderPass(SEED).telephonyEvents().stream()
                .filter(post -> post.event().equals(TelephonyEventSender.CALL_INIT))
                .map(TelephonyEventPost::call).map(call -> call.get("CALL_ID")).toList();
    }

}
