package io.callcard.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.portal.CallStatisticsImport;
import io.callcard.portal.PortalCallRecord;
import io.callcard.portal.PortalClient;
import io.callcard.sandbox.rest.SandboxRestServer;
import io.callcard.sandbox.rest.SandboxTruth;
import io.callcard.testing.SlowTest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code voximplant.statistic.get} through {@link CallStatisticsImport} against the sandbox's generated history:
 * every record, in order, none twice, in one plain page request plus one {@code batch} per 50 further pages (a lone
 * last page goes without the batch envelope).
 */
@SlowTest
class CallStatisticsContractTest {

    private static final long SEED = 11;
    private static final int RECORDS = 2_600; // 52 pages: 1 + a batch of 50 + 1 lone page
    private static final Instant FIRST_CALL = Instant.parse("2026-03-02T06:00:00Z");
    private static final ZoneOffset ZONE = ZoneOffset.ofHours(3);

    private final ContractPortal.Wire wire = new ContractPortal.Wire();
    private final SandboxRestServer server = SandboxRestServer.builder().seed(SEED).callRecords(RECORDS)
            .firstCallAt(FIRST_CALL).portalZone(ZONE).start();
    private final List<Map<String, String>> history = SandboxTruth.history(SEED, RECORDS, FIRST_CALL, ZONE);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theWholeHistoryArrivesInOrderInOnePageAndTwoMoreRequests() throws Exception {
        List<int[]> progress = new ArrayList<>();
        List<PortalCallRecord> records;
        try (PortalClient client = ContractPortal.client(server, ContractPortal.webhook(server), wire).build()) {
            records = new CallStatisticsImport(client).fetch(OffsetDateTime.parse("2026-01-01T00:00:00+03:00"),
                    OffsetDateTime.parse("2030-01-01T00:00:00+03:00"), (done, total) -> progress.add(
                            new int[] {done, total}));
        }
        assertSame(history, records);
        int pages = (RECORDS + 49) / 50;
        int expectedRequests = 1 + (pages - 1 + 49) / 50;
        assertEquals(3, expectedRequests);
        assertEquals(expectedRequests, wire.count(), "requests: " + wire.exchanges);
        assertEquals(1, wire.count("/batch"));
        assertEquals(2, wire.count("/voximplant.statistic.get"));
        int[] last = progress.get(progress.size() - 1);
        assertEquals(pages, last[0]);
        assertEquals(pages, last[1]);
    }

    @Test
    void aDateRangeBringsExactlyTheCallsThatStartedInIt() throws Exception {
        OffsetDateTime from = OffsetDateTime.parse(history.get(100).get("CALL_START_DATE"));
        OffsetDateTime until = OffsetDateTime.parse(history.get(250).get("CALL_START_DATE"));
        List<PortalCallRecord> records;
        try (PortalClient client = ContractPortal.client(server, ContractPortal.webhook(server), wire).build()) {
            // asked in another offset than the portal's: the range is instants, not wall-clock text
            records = new CallStatisticsImport(client).fetch(from.withOffsetSameInstant(ZoneOffset.UTC),
                    until.withOffsetSameInstant(ZoneOffset.ofHours(-5)), (done, total) -> { });
        }
        assertSame(history.subList(100, 250), records);
        assertEquals(2, wire.count(), "150 calls: a first page and a batch of the other two");
    }

    private static void assertSame(List<Map<String, String>> expected, List<PortalCallRecord> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            Map<String, String> want = expected.get(i);
            PortalCallRecord got = actual.get(i);
            assertEquals(want.get("ID"), got.recordId(), "row " + i);
            assertEquals(want.get("CALL_ID"), got.callId(), "row " + i);
            assertEquals(want.get("PHONE_NUMBER"), got.phoneNumber(), "row " + i);
            assertEquals(want.get("CALL_FAILED_CODE"), got.failedCode(), "row " + i);
            assertEquals(Long.parseLong(want.get("CALL_DURATION")), got.durationSeconds(), "row " + i);
            assertTrue(OffsetDateTime.parse(want.get("CALL_START_DATE")).isEqual(got.startedAt()), "row " + i);
        }
    }
}
