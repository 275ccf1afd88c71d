package io.callcard.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callcard.call.CallDirection;
import io.callcard.call.CrmEntityType;
import io.callcard.call.CrmRef;
import io.callcard.testing.BitrixExamples;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The portal's call history: every page, as few requests as the batch allows, every row mapped. */
@Timeout(30)
class CallStatisticsImportTest {

    private static final OffsetDateTime FROM = OffsetDateTime.parse("2026-03-01T00:00:00+01:00");
    private static final OffsetDateTime UNTIL = OffsetDateTime.parse("2026-04-01T00:00:00+01:00");

    private final MockWebServer server = new MockWebServer();
    private PortalClient client;

    @BeforeEach
    void start() throws IOException {
        server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
        client = TestPortals.client(TestPortals.webhook(server)).build();
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.shutdown();
    }

    @Test
    void hundredTwentyCallsTakeOnePageAndOneBatchInOrder() throws Exception {
        StatisticsPortal portal = new StatisticsPortal(120);
        server.setDispatcher(portal);
        List<int[]> progress = new ArrayList<>();

        List<PortalCallRecord> calls = new CallStatisticsImport(client)
                .fetch(FROM, UNTIL, (done, total) -> progress.add(new int[] {done, total}));

        assertEquals(2, server.getRequestCount());
        assertEquals(120, calls.size());
        for (int i = 0; i < 120; i++) {
            assertEquals(String.valueOf(i + 1), calls.get(i).recordId());
            assertEquals(i, calls.get(i).durationSeconds());
        }
        assertEquals(List.of("1/3", "3/3"), progress.stream().map(p -> p[0] + "/" + p[1]).toList());

        JsonNode first = portal.bodies.get(0);
        assertEquals("2026-03-01T00:00:00+01:00", first.get("FILTER").get(">=CALL_START_DATE").asText());
        assertEquals("2026-04-01T00:00:00+01:00", first.get("FILTER").get("<CALL_START_DATE").asText());
        assertEquals("CALL_START_DATE", first.get("SORT").asText());
        assertEquals("ASC", first.get("ORDER").asText());
        assertEquals(0, first.get("start").asInt());

        JsonNode batch = portal.bodies.get(1);
        assertEquals(0, batch.get("halt").asInt());
        // PHP reads a bare "+" in a query as a space: the offset's plus sign must travel encoded
        assertTrue(batch.get("cmd").get("p50").asText().contains("2026-03-01T00%3A00%3A00%2B01%3A00"));
        List<String> commands = new ArrayList<>();
        batch.get("cmd").elements().forEachRemaining(c -> commands.add(URLDecoder.decode(c.asText(),
                StandardCharsets.UTF_8)));
        assertEquals(2, commands.size());
        assertEquals("voximplant.statistic.get?FILTER[>=CALL_START_DATE]=2026-03-01T00:00:00+01:00"
                + "&FILTER[<CALL_START_DATE]=2026-04-01T00:00:00+01:00&SORT=CALL_START_DATE&ORDER=ASC&start=50",
                commands.get(0));
        assertTrue(commands.get(1).endsWith("&start=100"), commands.get(1));
    }

    @Test
    void moreThanFiftyRemainingPagesTakeSeveralBatchesAndALastSinglePage() throws Exception {
        server.setDispatcher(new StatisticsPortal(52 * 50));
        List<Integer> done = new ArrayList<>();

        List<PortalCallRecord> calls = new CallStatisticsImport(client).fetch(FROM, UNTIL, (d, total) -> {
            assertEquals(52, total);
            done.add(d);
        });

        assertEquals(2600, calls.size());
        assertEquals("2600", calls.get(2599).recordId());
        assertEquals(3, server.getRequestCount()); // page 1, a batch of 50 pages, then page 52 alone
        assertEquals(List.of(1, 51, 52), done);
    }

    @Test
    void onePageNeedsOneRequest() throws Exception {
        server.enqueue(new MockResponse().setBody(BitrixExamples.text("resp_voximplant_statistic_get.jsonc")));
        List<Integer> done = new ArrayList<>();

        List<PortalCallRecord> calls = new CallStatisticsImport(client).fetch(FROM, UNTIL, (d, t) -> done.add(d));

        assertEquals(1, server.getRequestCount());
        assertEquals(List.of(1), done);
        PortalCallRecord declined = calls.get(0);
        assertEquals("11018129443EB80D.1754478570.11438214", declined.callId());
        assertEquals(1L, declined.portalUserId());
        assertEquals("+19061234567", declined.phoneNumber());
        assertEquals(PortalCallType.OUTGOING, declined.type());
        assertEquals(0, declined.durationSeconds());
        assertEquals(OffsetDateTime.parse("2025-08-06T14:08:40+01:00"), declined.startedAt());
        assertEquals("603-S", declined.failedCode());
        assertEquals("Decline self", declined.failedReason());
        assertEquals(new CrmRef(CrmEntityType.CONTACT, 275), declined.entity());
        assertEquals(7739L, declined.activityId());
        assertEquals(new BigDecimal("0.0000"), declined.cost());
        assertEquals("EUR", declined.costCurrency());
        assertNull(declined.recordUrl());
        PortalCallRecord answered = calls.get(1);
        assertEquals(PortalCallType.INCOMING, answered.type());
        assertEquals(CallDirection.INCOMING, answered.type().direction());
        assertEquals(95, answered.durationSeconds());
        assertEquals("200", answered.failedCode());
        assertEquals("", answered.costCurrency());
    }

    @Test
    void aRowWithNullsEverywhereStillMaps() {
        ObjectNode row = BitrixExamples.MAPPER.createObjectNode();
        Iterator<String> keys = BitrixExamples.json("resp_voximplant_statistic_get.jsonc").get("result").get(0)
                .fieldNames();
        keys.forEachRemaining(row::putNull);

        PortalCallRecord empty = PortalCallRecords.read(row);

        assertEquals("", empty.callId());
        assertNull(empty.portalUserId());
        assertEquals(PortalCallType.UNKNOWN, empty.type());
        assertEquals(0, empty.durationSeconds());
        assertNull(empty.startedAt());
        assertEquals("", empty.failedCode());
        assertNull(empty.entity());
        assertNull(empty.activityId());
        assertNull(empty.cost());
        assertNull(empty.recordUrl());
        assertEquals(empty, PortalCallRecords.read(BitrixExamples.MAPPER.createObjectNode()));
    }

    @Test
    void oddValuesReadAsAbsentAndUnknownCodesStayVerbatim() throws Exception {
        JsonNode row = BitrixExamples.MAPPER.readTree("{\"CALL_TYPE\":9,\"CALL_DURATION\":\"n/a\","
                + "\"CALL_START_DATE\":\"yesterday\",\"CALL_FAILED_CODE\":\"499-X\",\"COST\":1.25,"
                + "\"CRM_ENTITY_TYPE\":\"QUOTE\",\"CRM_ENTITY_ID\":\"4\",\"CALL_RECORD_URL\":\"https://r/1.mp3\"}");

        PortalCallRecord odd = PortalCallRecords.read(row);

        assertEquals(PortalCallType.UNKNOWN, odd.type());
        assertEquals(0, odd.durationSeconds());
        assertNull(odd.startedAt());
        assertEquals("499-X", odd.failedCode());
        assertEquals(new BigDecimal("1.25"), odd.cost());
        assertNull(odd.entity());
        assertEquals("https://r/1.mp3", odd.recordUrl());
    }

    @Test
    void aFailedBatchCommandArrivesTyped() {
        server.enqueue(new MockResponse().setBody("{\"result\":[],\"total\":120,\"next\":50}"));
        server.enqueue(new MockResponse().setBody("{\"result\":{\"result\":{\"p50\":[]},"
                + "\"result_error\":{\"p100\":{\"error\":\"ACCESS_DENIED\",\"error_description\":\"Access denied!\"}},"
                + "\"result_total\":[],\"result_next\":[]}}"));

        PortalException e = assertThrows(PortalException.class,
                () -> new CallStatisticsImport(client).fetch(FROM, UNTIL, StatisticsProgress.NONE));

        assertEquals(PortalError.ACCESS_DENIED, e.error());
        assertTrue(e.getMessage().contains("voximplant.statistic.get"), e.getMessage());
        assertEquals(2, server.getRequestCount());
    }
}
