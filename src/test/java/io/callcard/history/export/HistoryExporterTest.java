package io.callcard.history.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callcard.call.CallDirection;
import io.callcard.call.CrmEntityType;
import io.callcard.call.CrmRef;
import io.callcard.history.FactSource;
import io.callcard.history.HistoryBinding;
import io.callcard.history.HistoryCall;
import io.callcard.history.HistoryQuery;
import io.callcard.history.HistoryWrite;
import io.callcard.history.Outcome;
import io.callcard.history.sqlite.SqliteCallHistory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exporter over a real SQLite history file: what lands in the CSV and JSON, in which order, and cancelling. */
class HistoryExporterTest {

    private static final Instant NOON = Instant.parse("2026-12-01T12:00:00Z");
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @TempDir
    Path folder;

    private SqliteCallHistory history;

    @BeforeEach
    void openHistory() {
        history = SqliteCallHistory.open(folder.resolve("history.db"));
    }

    @AfterEach
    void closeHistory() {
        history.close();
    }

    private static HistoryCall call(String key, Instant at, String number, String name, Integer talk,
            Outcome outcome) {
        CrmRef contact = new CrmRef(CrmEntityType.CONTACT, 12);
        CrmRef deal = new CrmRef(CrmEntityType.DEAL, 4);
        List<HistoryBinding> bindings = name == null ? List.of()
                : List.of(new HistoryBinding(contact, name), new HistoryBinding(deal, "Поставка #4"));
        return new HistoryCall(key, "CALL." + key, CallDirection.INCOMING, number, "reg1", "Отдел продаж",
                name == null ? null : contact, bindings, name == null ? null : 7001L, false, at,
                talk == null ? null : at.plusSeconds(4), at.plusSeconds(4 + (talk == null ? 20 : talk)), 4, talk,
                talk == null ? "304" : "200", talk == null ? "Missed call" : "", outcome, "0.0150", "RUB",
                talk == null ? null : "https://portal.example/rec/" + key + ".mp3",
                Map.of("talkSeconds", FactSource.STATISTICS, "number", FactSource.WIDGET));
    }

    private void store(HistoryCall... calls) {
        List<HistoryWrite> writes = new ArrayList<>();
        for (HistoryCall call : calls) {
            writes.add(new HistoryWrite.SaveCall(call));
        }
        history.write(writes).join();
    }

    private String export(HistoryQuery query, ExportFormat format, ExportProgress progress) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HistoryExporter.export(history, query, format, out, progress, MOSCOW);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
    }

    @Test
    void csvHasTheHeaderAndOneRowPerCallNewestFirstWithEveryFactAsWritten() throws IOException {
        store(call("a", NOON, "+74951234567", "Ольга Иванова", 95, Outcome.ANSWERED),
                call("b", NOON.plusSeconds(3_600), "+4930123456", null, null, Outcome.MISSED));

        String csv = export(HistoryQuery.ALL, ExportFormat.CSV, ExportProgress.NONE);

        assertTrue(csv.startsWith("key,call_id,first_heard,direction,number,line_number,line_name,crm_entity_type,"
                + "crm_entity_id,crm_name,bindings,activity_id,call_list_mode,connected_at,ended_at,ring_seconds,"
                + "talk_seconds,outcome,failed_code,failed_reason,cost,cost_currency,record_url,sources\r\n"), csv);
        List<CSVRecord> rows = parse(csv);
        assertEquals(2, rows.size());
        assertEquals("b", rows.get(0).get("key"), "newest first, as the query says");
        CSVRecord answered = rows.get(1);
        assertEquals("+74951234567", answered.get("number"), "the number keeps its + and every digit, as text");
        assertEquals("Ольга Иванова", answered.get("crm_name"));
        assertEquals("CONTACT:12;DEAL:4", answered.get("bindings"));
        assertEquals("2026-12-01T15:00:00+03:00", answered.get("first_heard"), "local time with its offset");
        assertEquals("95", answered.get("talk_seconds"));
        assertEquals("ANSWERED", answered.get("outcome"));
        assertEquals("0.0150", answered.get("cost"), "a cost keeps its zeros");
        assertEquals("number=WIDGET;talkSeconds=STATISTICS", answered.get("sources"));
        CSVRecord missed = rows.get(0);
        assertEquals("", missed.get("talk_seconds"), "unknown is an empty cell");
        assertEquals("", missed.get("crm_name"));
        assertEquals("304", missed.get("failed_code"));
    }

    @Test
    void csvQuotesCommasQuotesAndLineBreaksAndDisarmsFormulas() throws IOException {
        store(call("a", NOON, "+74951234567", "Smith, \"Jim\"\nJr.", 10, Outcome.ANSWERED),
                call("b", NOON.plusSeconds(60), "+74951234568", "=HYPERLINK(\"http://x\")", 10, Outcome.ANSWERED));

        String csv = export(HistoryQuery.ALL, ExportFormat.CSV, ExportProgress.NONE);

        assertTrue(csv.contains("\"Smith, \"\"Jim\"\"\nJr.\""), csv);
        List<CSVRecord> rows = parse(csv);
        assertEquals("Smith, \"Jim\"\nJr.", rows.get(1).get("crm_name"), "read back exactly");
        assertEquals("'=HYPERLINK(\"http://x\")", rows.get(0).get("crm_name"), "a spreadsheet sees text, not a formula");
        assertEquals("+74951234568", rows.get(0).get("number"), "a number's + is not taken for a formula");
    }

    @Test
    void jsonIsAnArrayOfCallsWithTextNumbersCountedSecondsAndNamedBindings() throws IOException {
        store(call("a", NOON, "+74951234567", "Ольга Иванова", 95, Outcome.ANSWERED),
                call("b", NOON.plusSeconds(3_600), "+4930123456", null, null, Outcome.MISSED));

        String json = export(HistoryQuery.ALL, ExportFormat.JSON, ExportProgress.NONE);

        assertEquals(4, json.split("\n").length, "one call per line between the array's brackets: " + json);
        JsonNode calls = new ObjectMapper().readTree(json);
        assertEquals(2, calls.size());
        JsonNode answered = calls.get(1);
        assertTrue(answered.get("number").isTextual());
        assertEquals("+74951234567", answered.get("number").asText());
        assertEquals(95, answered.get("talk_seconds").asInt());
        assertTrue(answered.get("talk_seconds").isNumber());
        assertEquals("Поставка #4", answered.get("bindings").get(1).get("name").asText());
        assertEquals("DEAL", answered.get("bindings").get(1).get("type").asText());
        assertEquals("STATISTICS", answered.get("sources").get("talkSeconds").asText());
        assertTrue(calls.get(0).get("talk_seconds").isNull());
        assertTrue(calls.get(0).get("crm_entity_type").isNull());
        assertFalse(calls.get(0).get("call_list_mode").asBoolean());
    }

    @Test
    void onlyTheQuerysCallsAreExported() throws IOException {
        store(call("a", NOON, "+74951234567", "Ольга Иванова", 95, Outcome.ANSWERED),
                call("b", NOON.plusSeconds(60), "+4930123456", "James Smith", 20, Outcome.ANSWERED),
                call("c", NOON.plusSeconds(120), "+74957654321", null, null, Outcome.MISSED));

        List<CSVRecord> byName = parse(export(HistoryQuery.ALL.withText("ольга"), ExportFormat.CSV,
                ExportProgress.NONE));
        List<CSVRecord> missed = parse(export(HistoryQuery.ALL.withOutcomes(java.util.Set.of(Outcome.MISSED)),
                ExportFormat.CSV, ExportProgress.NONE));

        assertEquals(List.of("a"), byName.stream().map(r -> r.get("key")).toList());
        assertEquals(List.of("c"), missed.stream().map(r -> r.get("key")).toList());
    }

    @Test
    void progressCountsUpToTheTotalAndCancellingLeavesAWellFormedDocument() throws IOException {
        int calls = 1_200;
        List<HistoryCall> many = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            many.add(call("k" + i, NOON.plusSeconds(i * 60L), "+7495" + (1_000_000 + i), "Иван " + i, 30,
                    Outcome.ANSWERED));
        }
        store(many.toArray(HistoryCall[]::new));
        List<long[]> told = new ArrayList<>();
        ExportProgress stopsAfterTheFirstReport = new ExportProgress() {
            @Override
            public void rowsDone(long done, long total) {
                told.add(new long[] {done, total});
            }

            @Override
            public boolean cancelled() {
                return told.size() >= 2; // the start, then the first report after 500 calls
            }
        };

        String json = export(HistoryQuery.ALL, ExportFormat.JSON, stopsAfterTheFirstReport);
        JsonNode partial = new ObjectMapper().readTree(json);

        assertEquals(HistoryExporter.PROGRESS_EVERY, partial.size(), "stopped after the call the report followed");
        assertEquals(List.of(0L, (long) calls), List.of(told.get(0)[0], told.get(0)[1]));
        assertEquals(HistoryExporter.PROGRESS_EVERY, told.get(told.size() - 1)[0], "the last report says how many");

        List<long[]> all = new ArrayList<>();
        long written = HistoryExporter.export(history, HistoryQuery.ALL, ExportFormat.CSV,
                OutputStream.nullOutputStream(), (done, total) -> all.add(new long[] {done, total}), MOSCOW);
        assertEquals(calls, written);
        assertEquals(calls, all.get(all.size() - 1)[0]);
        assertEquals(calls, all.get(all.size() - 1)[1]);
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i)[0] >= all.get(i - 1)[0], "progress never goes back");
        }
    }

    @Test
    void formatsAreReadFromTheirNames() {
        assertEquals(ExportFormat.CSV, ExportFormat.parse("CSV"));
        assertEquals(ExportFormat.JSON, ExportFormat.parse(" json "));
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> ExportFormat.parse("xlsx"));
        assertTrue(refused.getMessage().contains("expected csv or json"), refused.getMessage());
    }
}
