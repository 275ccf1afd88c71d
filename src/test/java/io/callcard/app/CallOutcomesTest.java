package io.callcard.app;

import static io.callcard.testing.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallDirection;
import io.callcard.call.CallDisplayState;
import io.callcard.call.CallEvent;
import io.callcard.call.CallOutcome;
import io.callcard.call.CallSnapshot;
import io.callcard.call.CallerNumber;
import io.callcard.portal.PortalClient;
import io.callcard.portal.WebhookUrl;
import io.callcard.sandbox.SimulatedWidget;
import io.callcard.sandbox.rest.PlayedCall;
import io.callcard.sandbox.rest.SandboxRestServer;
import io.callcard.testing.ListenerFixture;
import io.callcard.testing.SimulatedTime;
import io.callcard.testing.OpenedParts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The outcome of a call whose end the widget could not tell, learned from the portal's records: the real listener
 * over sockets, a simulated widget page posting to it, the sandbox REST server answering the look-ups. The sandbox's
 * time stands still until a test moves it, so a record appears exactly when the test says; the look-ups run on a
 * fast schedule instead of the standard seconds.
 */
class CallOutcomesTest {

    private static final String STATISTICS = "voximplant.statistic.get";
    /** Fast, and each try far enough from the next that the test's steps come between them. */
    private static final List<Duration> FAST = List.of(Duration.ofMillis(20), Duration.ofMillis(60),
            Duration.ofMillis(120));

    private final SimulatedTime portalTime = new SimulatedTime(Instant.now());
    private final SandboxRestServer server = SandboxRestServer.builder().clock(portalTime)
            .statisticsDelay(Duration.ofSeconds(4)).start();
    private final OpenedParts opened = new OpenedParts();
    private final List<CallSnapshot> seen = new CopyOnWriteArrayList<>();
    private ListenerFixture listener;
    private SimulatedWidget widget;
    private CallOutcomes outcomes;

    @AfterEach
    void stop() throws Exception {
        opened.close();
        server.close();
    }

    private <T extends AutoCloseable> T open(T part) {
        return opened.open(part);
    }

    private PortalClient client(String webhook) throws Exception {
        return open(PortalClient.builder(WebhookUrl.parse(webhook), "test").build());
    }

    private void start(Supplier<Optional<PortalClient>> clients, List<Duration> schedule) throws Exception {
        listener = open(ListenerFixture.start());
        listener.tracker().subscribe(update -> seen.add(update.current()));
        outcomes = open(new CallOutcomes(listener.tracker(), clients, schedule, Clock.systemUTC()));
        widget = open(new SimulatedWidget(listener.baseUri()));
    }

    /** The widget page of an outgoing call to {@code phone} reports it ringing, then its card closes: no idle. */
    private void ringThenCardCloses(String callId) {
        assertTrue(widget.deliver("{\"type\":\"status\",\"callId\":\"" + callId + "\",\"status\":{\"CALL_ID\":\""
                + callId + "\",\"PHONE_NUMBER\":\"+74951234567\",\"LINE_NUMBER\":\"reg1\",\"LINE_NAME\":\"\","
                + "\"CRM_ENTITY_TYPE\":\"\",\"CRM_ENTITY_ID\":0,\"CRM_BINDINGS\":[],\"CALL_DIRECTION\":\"outgoing\","
                + "\"CALL_STATE\":\"connecting\",\"CALL_LIST_MODE\":false}}"));
        assertTrue(widget.deliver("{\"type\":\"closed\",\"callId\":\"" + callId + "\"}"));
    }

    private CallSnapshot current() {
        return listener.tracker().current();
    }

    private void recordBusy(String callId) {
        server.recordCall(new PlayedCall(callId, 1, "+74951234567", "reg1", "1",
                OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC), Duration.ZERO, "486", "Busy", null, null));
    }

    /** Waits until the call on the card ended with its outcome out of pending, and returns that snapshot. */
    private CallSnapshot settled() throws InterruptedException {
        waitFor(() -> current().endedAt() != null && !current().outcome().isPending() && !outcomes.isLooking(),
                () -> "the outcome of " + current());
        return current();
    }

    @Test
    void aBusyCallEndedByTheClosedBeaconShowsPendingThenFailed486FromThePortalsRecord() throws Exception {
        PortalClient client = client(server.webhookUrl());
        start(() -> Optional.of(client), List.of(Duration.ofMillis(20), Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(3)));
        ringThenCardCloses("c-busy");
        recordBusy("c-busy"); // the portal writes it at the end; it appears 4 s (portal time) later
        waitFor(() -> server.requestsFor(STATISTICS) == 1, "the first look-up, before the record is written");
        assertTrue(current().outcome().isPending(), current().toString());
        portalTime.advance(Duration.ofSeconds(4));

        CallSnapshot done = settled();
        assertEquals(CallDisplayState.FAILED, done.phase());
        assertEquals("486", done.failedCode());
        assertEquals("Busy", done.outcome().failedReason());
        assertEquals(CallOutcome.Source.STATISTICS, done.outcome().source());
        assertEquals(Duration.ZERO, done.talkTime(Instant.now()));
        long requests = server.requestsFor(STATISTICS);
        assertTrue(requests >= 2 && requests <= 4, "one miss, then found: " + requests);
        assertEquals(requests, outcomes.lookups(), "every look-up is one request");

        // the card said "ended, outcome pending" before it said "busy"
        int pendingAt = firstIndex(s -> s.phase() == CallDisplayState.ENDED && s.outcome().isPending());
        int failedAt = firstIndex(s -> s.phase() == CallDisplayState.FAILED);
        assertTrue(pendingAt >= 0 && pendingAt < failedAt, "pending at " + pendingAt + ", failed at " + failedAt);
    }

    private int firstIndex(java.util.function.Predicate<CallSnapshot> test) {
        for (int i = 0; i < seen.size(); i++) {
            if (test.test(seen.get(i))) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void theLookUpsStopAsSoonAsThePortalsEndEventTellsTheOutcome() throws Exception {
        PortalClient client = client(server.webhookUrl());
        start(() -> Optional.of(client), List.of(Duration.ofMillis(20), Duration.ofMinutes(10)));
        ringThenCardCloses("c-end");
        waitFor(() -> server.requestsFor(STATISTICS) == 1, "the first look-up");
        assertTrue(outcomes.isLooking(), "the next try is planned");
        listener.tracker().submit(new CallEvent.ServerCallEnded(Instant.now(), "c-end", CallDirection.OUTGOING,
                CallerNumber.of("+74951234567"), Duration.ZERO, null, "603", "Declined", null));

        CallSnapshot done = settled();
        assertEquals(CallOutcome.Source.SERVER_EVENT, done.outcome().source());
        assertEquals("603", done.failedCode());
        assertEquals(1, server.requestsFor(STATISTICS), "no look-up after the outcome was known");
    }

    @Test
    void withoutCredentialsTheOutcomeIsUnavailableAtOnce() throws Exception {
        start(Optional::empty, FAST);
        ringThenCardCloses("c-nocreds");
        CallSnapshot done = settled();
        assertEquals(CallOutcome.State.UNAVAILABLE, done.outcome().state());
        assertEquals(CallOutcome.Missing.NO_CREDENTIALS, done.outcome().missing());
        assertEquals(CallDisplayState.ENDED, done.phase());
        assertEquals(0, outcomes.lookups());
        assertEquals(0, server.requestsFor(STATISTICS));
    }

    @Test
    void aRecordThatNeverAppearsIsGivenUpAfterTheBoundedTries() throws Exception {
        PortalClient client = client(server.webhookUrl());
        start(() -> Optional.of(client), FAST);
        ringThenCardCloses("c-norecord");
        CallSnapshot done = settled();
        assertEquals(CallOutcome.Missing.NO_RECORD, done.outcome().missing());
        assertEquals(FAST.size(), server.requestsFor(STATISTICS), "one request per planned try, no more");
        assertEquals(FAST.size(), outcomes.lookups());
    }

    @Test
    void aPortalThatRefusesTheStatisticsMakesTheOutcomeUnavailableWithoutAskingAgain() throws Exception {
        server.addWebhook("nostatistics1", Set.of("user", "crm"));
        PortalClient client = client(server.baseUri() + "rest/1/nostatistics1/");
        start(() -> Optional.of(client), FAST);
        ringThenCardCloses("c-refused");
        CallSnapshot done = settled();
        assertEquals(CallOutcome.Missing.PORTAL_ERROR, done.outcome().missing());
        assertEquals(1, outcomes.lookups(), "a missing scope is not mended by asking again");
        assertFalse(done.outcome().isKnown());
    }
}
