package io.callcard.sandbox;

import static io.callcard.testing.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.portal.CallRecordLookup;
import io.callcard.portal.PortalCallRecord;
import io.callcard.portal.PortalClient;
import io.callcard.portal.PortalException;
import io.callcard.portal.WebhookUrl;
import io.callcard.sandbox.rest.SandboxRestServer;
import io.callcard.sandbox.rest.TelephonyEventSender;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The calls the sandbox portal plays are written into its REST server's statistics as they end, with no telephony
 * events posted: {@code voximplant.statistic.get} by CALL_ID then tells what the END event would have told.
 */
class SandboxPortalCallRecordsTest {

    private static final long SEED = 27;
    private static final Scenario SCENARIO = ScenarioFiles.parse("records.json", "{\"name\": \"records\","
            + " \"gapBetweenCallsSeconds\": 1, \"calls\": ["
            + "{\"direction\": \"outgoing\", \"caller\": \"berlin\", \"lineNumber\": \"sip1\", \"ringSeconds\": 1,"
            + " \"failedCode\": \"486\"},"
            + "{\"direction\": \"incoming\", \"caller\": \"moscow-landline\", \"lineNumber\": \"reg1\","
            + " \"ringSeconds\": 1, \"talkSeconds\": 3, \"crm\": {\"type\": \"contact\", \"id\": 5, \"activity\": true}}]}");

    @Test
    void eachPlayedCallsRecordTellsWhatItsEndEventWould() throws Exception {
        List<Map<String, String>> ends = SCENARIO.renderPass(SEED).telephonyEvents().stream()
                .filter(post -> post.event().equals(TelephonyEventSender.CALL_END))
                .map(TelephonyEventPost::call).toList();
        assertEquals(2, ends.size());
        try (SandboxRestServer server = SandboxRestServer.builder().statisticsDelay(Duration.ZERO).start();
             PortalClient client = PortalClient.builder(WebhookUrl.parse(server.webhookUrl()), "test").build();
             PortalTestSupport.RecordingListener listener = new PortalTestSupport.RecordingListener();
             SandboxPortal portal = new SandboxPortal(listener.base(), SCENARIO, SEED, 20).recordCallsIn(server)) {
            portal.start();
            CallRecordLookup lookup = new CallRecordLookup(client);
            for (Map<String, String> end : ends) {
                String callId = end.get("CALL_ID");
                waitFor(() -> find(lookup, callId).isPresent(), "the record of " + callId);
                PortalCallRecord record = find(lookup, callId).orElseThrow();
                assertEquals(end.get("CALL_FAILED_CODE"), record.failedCode());
                assertEquals(end.get("CALL_FAILED_REASON"), record.failedReason());
                assertEquals(Long.parseLong(end.get("CALL_DURATION")), record.durationSeconds());
                assertEquals(end.get("PHONE_NUMBER"), record.phoneNumber());
                assertEquals(end.get("PORTAL_NUMBER"), record.portalNumber());
                assertTrue(record.startedAt() != null, "a start date, as the END event's");
            }
            PortalCallRecord busy = find(lookup, ends.get(0).get("CALL_ID")).orElseThrow();
            assertEquals("486", busy.failedCode());
            assertEquals("Busy", busy.failedReason());
            PortalCallRecord answered = find(lookup, ends.get(1).get("CALL_ID")).orElseThrow();
            assertEquals(3, answered.durationSeconds());
            assertEquals("CONTACT", answered.entity().type().name());
            assertEquals(5, answered.entity().id());
            assertEquals(0, portal.telephonyEventsDelivered(), "records are written whether or not events are posted");
        }
    }

    private static Optional<PortalCallRecord> find(CallRecordLookup lookup, String callId) {
        try {
            return lookup.find(callId, null);
        } catch (PortalException e) {
            throw new AssertionError(e);
        }
    }
}
