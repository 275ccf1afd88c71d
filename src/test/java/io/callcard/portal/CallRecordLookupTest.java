package io.callcard.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CrmEntityType;
import io.callcard.call.CrmRef;
import io.callcard.sandbox.rest.PlayedCall;
import io.callcard.sandbox.rest.SandboxRestServer;
import io.callcard.testing.SimulatedTime;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One call's record by CALL_ID, from the sandbox REST server over real HTTP; the server's time moves by hand. */
class CallRecordLookupTest {

    private static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");
    private static final String STATISTICS = "voximplant.statistic.get";

    private final SimulatedTime time = new SimulatedTime(NOW);
    private final SandboxRestServer server = SandboxRestServer.builder().clock(time)
            .statisticsDelay(Duration.ofSeconds(5)).start();
    private final PortalClient client = client();
    private final CallRecordLookup lookup = new CallRecordLookup(client);

    private PortalClient client() {
        try {
            return PortalClient.builder(WebhookUrl.parse(server.webhookUrl()), "test").build();
        } catch (WebhookUrlException e) {
            throw new AssertionError(e);
        }
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static PlayedCall call(String callId, Instant startedAt, long talkedSeconds, String code, String reason) {
        return new PlayedCall(callId, 1, "+74951234567", "reg1", "1", OffsetDateTime.ofInstant(startedAt,
                ZoneOffset.ofHours(3)), Duration.ofSeconds(talkedSeconds), code, reason,
                new CrmRef(CrmEntityType.CONTACT, 5), 7001L);
    }

    @Test
    void aPlayedCallsRecordAppearsOnlyOnceThePortalWroteIt() throws Exception {
        server.recordCall(call("c-busy", NOW.minusSeconds(20), 0, "486", "Busy"));
        assertEquals(Optional.empty(), lookup.find("c-busy", null), "not written yet");
        time.advance(Duration.ofSeconds(4));
        assertEquals(Optional.empty(), lookup.find("c-busy", null), "still not written");
        time.advance(Duration.ofSeconds(1));
        PortalCallRecord record = lookup.find("c-busy", NOW.minusSeconds(60)).orElseThrow();
        assertEquals("c-busy", record.callId());
        assertEquals("486", record.failedCode());
        assertEquals("Busy", record.failedReason());
        assertEquals(0, record.durationSeconds());
        assertEquals(PortalCallType.of(1L), record.type());
        assertEquals("+74951234567", record.phoneNumber());
        assertEquals(new CrmRef(CrmEntityType.CONTACT, 5), record.entity());
        assertEquals(7001L, record.activityId());
        assertEquals(NOW.minusSeconds(20), record.startedAt().toInstant());
        assertEquals(3, server.requestsFor(STATISTICS), "one request per look-up");
    }

    @Test
    void theFilterFindsTheOneCallAmongTheGeneratedHistoryAndOtherPlayedCalls() throws Exception {
        server.recordCall(call("c-one", NOW.minusSeconds(100), 65, "200", ""));
        server.recordCall(call("c-two", NOW.minusSeconds(30), 0, "603", "Declined"));
        time.advance(Duration.ofSeconds(5));
        PortalCallRecord one = lookup.find("c-one", null).orElseThrow();
        assertEquals("200", one.failedCode());
        assertEquals(65, one.durationSeconds());
        assertEquals("603", lookup.find("c-two", null).orElseThrow().failedCode());
        assertTrue(lookup.find("c-nobody-made", null).isEmpty());
        // the played calls join the generated history: their IDs follow its last one
        assertTrue(Long.parseLong(one.recordId()) > 120, one.recordId());
    }

    @Test
    void anEarlierCallUnderTheSameCallIdDoesNotAnswerForALaterOne() throws Exception {
        server.recordCall(call("c-reused", NOW.minus(Duration.ofMinutes(20)), 0, "486", "Busy"));
        time.advance(Duration.ofSeconds(5));
        Instant laterCallOpened = NOW.minus(Duration.ofMinutes(1));
        assertTrue(lookup.find("c-reused", laterCallOpened).isEmpty(), "the later call's record is not written yet");
        server.recordCall(call("c-reused", laterCallOpened, 42, "200", ""));
        time.advance(Duration.ofSeconds(5));
        assertEquals("200", lookup.find("c-reused", laterCallOpened).orElseThrow().failedCode());
        assertEquals("200", lookup.find("c-reused", null).orElseThrow().failedCode(), "without a bound: the newest");
    }

    @Test
    void aLookupNeedsACallId() {
        assertThrows(IllegalArgumentException.class, () -> lookup.find(" ", null));
        assertEquals(0, server.requestsFor(STATISTICS));
    }
}
