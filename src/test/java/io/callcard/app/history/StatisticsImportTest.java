package io.callcard.app.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.callcard.call.CallDirection;
import io.callcard.call.CrmEntityType;
import io.callcard.call.CrmRef;
import io.callcard.history.FactSource;
import io.callcard.history.HistoryCall;
import io.callcard.history.HistoryQuery;
import io.callcard.history.HistoryWrite;
import io.callcard.history.Outcome;
import io.callcard.history.sqlite.SqliteCallHistory;
import io.callcard.portal.PortalCallRecord;
import io.callcard.portal.PortalCallType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reconciling the portal's call records with a real history file: one CALL_ID handed out twice, what the portal
 * corrects and what it only fills in, and a second run changing nothing.
 */
class StatisticsImportTest {

    private static final Instant TEN = Instant.parse("2026-12-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    private SqliteCallHistory history;

    @BeforeEach
    void open() {
        history = SqliteCallHistory.open(folder.resolve("history.db"));
    }

    @AfterEach
    void close() {
        history.close();
    }

    /** What the companion heard of a call: its start only, its end never. */
    private static HistoryCall heardStartOnly(String key, String callId, Instant at, String number) {
        return new HistoryCall(key, callId, CallDirection.INCOMING, number, "reg1", "Sales", null, List.of(), null,
                false, at, null, null, null, null, null, null, Outcome.IN_PROGRESS, null, null, null,
                Map.of("number", FactSource.WIDGET, "firstHeard", FactSource.WIDGET));
    }

    private static PortalCallRecord record(String id, String callId, Instant start, String number, long talk,
            String code, String reason) {
        return new PortalCallRecord(id, callId, 1L, "reg7", number, PortalCallType.INCOMING, talk,
                OffsetDateTime.ofInstant(start, ZoneOffset.ofHours(3)), code, reason,
                new CrmRef(CrmEntityType.CONTACT, 42), 9001L, new BigDecimal("0.0000"), "RUB",
                talk > 0 ? "https://portal.example/rec/" + id + ".mp3" : null);
    }

    private void store(HistoryCall... calls) {
        history.write(java.util.Arrays.stream(calls).map(c -> (HistoryWrite) new HistoryWrite.SaveCall(c)).toList())
                .join();
    }

    @Test
    void oneCallIdHandedOutTwiceCompletesTwoCallsEachFromItsOwnRecord() {
        store(heardStartOnly("first", "REUSED.1", TEN.plusSeconds(1), "+74951234567"),
                heardStartOnly("second", "REUSED.1", TEN.plusSeconds(600), "+74951234567"));
        List<PortalCallRecord> records = List.of(
                record("501", "REUSED.1", TEN, "+74951234567", 0, "304", "Missed call"),
                record("502", "REUSED.1", TEN.plusSeconds(598), "+74951234567", 75, "200", ""));

        StatisticsImport.Summary summary = new StatisticsImport(history, CLOCK).reconcile(records);

        assertEquals(new StatisticsImport.Summary(2, 0, 2, 0, 0), summary);
        HistoryCall first = history.find("first").orElseThrow();
        HistoryCall second = history.find("second").orElseThrow();
        assertEquals(Outcome.MISSED, first.outcome());
        assertEquals(0, first.talkSeconds());
        assertEquals(Outcome.ANSWERED, second.outcome());
        assertEquals(75, second.talkSeconds());
        assertEquals("https://portal.example/rec/502.mp3", second.recordUrl());
        assertEquals(2, history.count(HistoryQuery.ALL), "two calls, none added");
    }

    @Test
    void thePortalCorrectsWhatItMeasuresAndOnlyFillsInWhatTheCompanionMissed() {
        HistoryCall heard = new HistoryCall("heard", "CALL.9", CallDirection.OUTGOING, "+74957654321", "reg1",
                "Sales", new CrmRef(CrmEntityType.COMPANY, 5), List.of(), 700L, false, TEN, TEN.plusSeconds(6),
                TEN.plusSeconds(66), 6, 58, "200", "", Outcome.ANSWERED, null, null, null,
                Map.of("talkSeconds", FactSource.SERVER_EVENTS));
        store(heard);
        PortalCallRecord record = new PortalCallRecord("77", "CALL.9", 1L, "reg7", "+70000000000",
                PortalCallType.INCOMING, 60, OffsetDateTime.ofInstant(TEN, ZoneOffset.UTC), "200", "",
                new CrmRef(CrmEntityType.CONTACT, 42), 9001L, new BigDecimal("1.5000"), "RUB",
                "https://portal.example/rec/77.mp3");

        new StatisticsImport(history, CLOCK).reconcile(List.of(record));

        HistoryCall now = history.find("heard").orElseThrow();
        assertEquals(60, now.talkSeconds(), "the portal's talk time wins");
        assertEquals(FactSource.STATISTICS, now.sources().get("talkSeconds"));
        assertEquals("1.5000", now.cost());
        assertEquals("https://portal.example/rec/77.mp3", now.recordUrl());
        assertEquals("+74957654321", now.number(), "a number heard is not overwritten");
        assertEquals("reg1", now.lineNumber());
        assertEquals(CallDirection.OUTGOING, now.direction());
        assertEquals(new CrmRef(CrmEntityType.COMPANY, 5), now.entity(), "a CRM item heard is kept");
        assertEquals(700L, now.activityId());
        assertEquals(TEN.plusSeconds(66), now.endedAt(), "an end heard is kept");
        assertNull(now.sources().get("number"));
    }

    @Test
    void aSecondRunOverTheSameRecordsChangesNothing() {
        store(heardStartOnly("first", "CALL.1", TEN, "+74951234567"));
        List<PortalCallRecord> records = List.of(
                record("1", "CALL.1", TEN, "+74951234567", 30, "200", ""),
                record("2", "CALL.2", TEN.plusSeconds(300), "+4930123456", 0, "486", "Busy"),
                record("3", "", TEN.plusSeconds(400), "+4930123456", 0, "486", "Busy"));
        StatisticsImport run = new StatisticsImport(history, CLOCK);

        assertEquals(new StatisticsImport.Summary(3, 1, 1, 0, 1), run.reconcile(records));
        int timelineAfterFirst = history.timeline("first").size();
        assertEquals(new StatisticsImport.Summary(3, 0, 0, 2, 1), run.reconcile(records));

        assertEquals(2, history.count(HistoryQuery.ALL));
        assertEquals(timelineAfterFirst, history.timeline("first").size(), "no second note");
        HistoryCall added = history.find("statistics-2").orElseThrow();
        assertEquals(Outcome.BUSY, added.outcome());
        assertEquals(FactSource.STATISTICS, added.sources().get("failedCode"));
    }
}
