package io.callcard.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callcard.app.AppPaths;
import io.callcard.history.HistoryQuery;
import io.callcard.history.HistoryStats;
import io.callcard.history.sqlite.SqliteCallHistory;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code callcard sandbox seed}, {@code history export} and {@code history stats} on one real history file under a
 * temporary home, in the system's time zone (the one the commands count days in).
 */
class HistoryCommandsTest {

    private static final Instant NOW = Instant.parse("2026-12-04T15:00:00Z");
    private static final int CALLS = 3_000;

    @TempDir
    Path home;

    private final ZoneId zone = ZoneId.systemDefault();

    @BeforeEach
    void seed() {
        SandboxSeedCommand seed = new SandboxSeedCommand();
        seed.clock = Clock.fixed(NOW, zone);
        CliRun run = CliRun.of(seed, "--calls", String.valueOf(CALLS), "--days", "10", "--seed", "4",
                "--home", home.toString(), "--lang", "en");
        assertEquals(SandboxSeedCommand.DONE, run.exitCode(), run.all());
        assertTrue(run.out().startsWith("Seeded 3,000 calls into " + historyFile()), run.out());
    }

    private Path historyFile() {
        return AppPaths.underHome(home).dataDir().resolve(SqliteCallHistory.FILE_NAME);
    }

    private List<CSVRecord> csv(String text) throws Exception {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))
                .getRecords();
    }

    @Test
    void seedingWritesTheCallsWithTheirTimelinesAndSeedingAgainReplacesThem() {
        String newest;
        int entries;
        try (SqliteCallHistory history = SqliteCallHistory.open(historyFile())) {
            assertEquals(CALLS, history.count(HistoryQuery.ALL));
            newest = history.page(HistoryQuery.ALL, 0, 1).get(0).key();
            entries = history.timeline(newest).size();
            assertTrue(entries >= 2, "started and ended at least");
            assertEquals("ServerCallStarted", history.timeline(newest).get(0).kind());
        }
        SandboxSeedCommand again = new SandboxSeedCommand();
        again.clock = Clock.fixed(NOW, zone);
        CliRun run = CliRun.of(again, "--calls", String.valueOf(CALLS), "--days", "10", "--seed", "4",
                "--home", home.toString(), "--lang", "en");
        assertEquals(SandboxSeedCommand.DONE, run.exitCode(), run.all());
        try (SqliteCallHistory history = SqliteCallHistory.open(historyFile())) {
            assertEquals(CALLS, history.count(HistoryQuery.ALL), "the same seed replaces its calls");
            assertEquals(entries, history.timeline(newest).size(), "and keeps one timeline, not two");
        }
    }

    @Test
    void exportToAFileWritesThePeriodsCallsAndSaysHowMany() throws Exception {
        LocalDate lastDay = NOW.atZone(zone).toLocalDate();
        Path out = home.resolve("calls.csv");

        CliRun run = CliRun.of(new HistoryExportCommand(), "--from", lastDay.minusDays(1).toString(),
                "--to", lastDay.toString(), "--out", out.toString(), "--home", home.toString(), "--lang", "en");

        assertEquals(HistoryExportCommand.DONE, run.exitCode(), run.all());
        List<CSVRecord> rows = csv(Files.readString(out, StandardCharsets.UTF_8));
        Instant from = lastDay.minusDays(1).atStartOfDay(zone).toInstant();
        try (SqliteCallHistory history = SqliteCallHistory.open(historyFile())) {
            assertEquals(history.count(HistoryQuery.ALL.withRange(from, null)), rows.size());
        }
        assertTrue(rows.size() > 100 && rows.size() < CALLS, "two days of ten: " + rows.size());
        for (CSVRecord row : rows) {
            assertFalse(Instant.parse(java.time.OffsetDateTime.parse(row.get("first_heard")).toInstant().toString())
                    .isBefore(from), row.get("first_heard"));
        }
        assertTrue(run.err().contains("Exported " + String.format(Locale.ENGLISH, "%,d", rows.size())
                + " calls to " + out),
                run.err());
        assertFalse(Files.exists(home.resolve("calls.csv.part")), "nothing left beside the file");
    }

    @Test
    void exportToStandardOutputAsJsonWithASearch() throws Exception {
        HistoryExportCommand command = new HistoryExportCommand();
        ByteArrayOutputStream standardOutput = new ByteArrayOutputStream();
        command.standardOutput = standardOutput;

        CliRun run = CliRun.of(command, "--format", "json", "--query", "+7 495", "--home", home.toString());

        assertEquals(HistoryExportCommand.DONE, run.exitCode(), run.all());
        JsonNode calls = new ObjectMapper().readTree(standardOutput.toByteArray());
        assertTrue(calls.size() > 100, "Moscow numbers among the seeded: " + calls.size());
        for (JsonNode call : calls) {
            assertTrue(call.get("number").asText().startsWith("+7495"), call.get("number").asText());
        }
    }

    @Test
    void statsPrintTheSameFiguresTheStoreCounts() {
        HistoryStatsCommand command = new HistoryStatsCommand();
        command.zone = zone;

        CliRun run = CliRun.of(command, "--home", home.toString(), "--lang", "en");

        assertEquals(HistoryStatsCommand.DONE, run.exitCode(), run.all());
        HistoryStats stats;
        try (SqliteCallHistory history = SqliteCallHistory.open(historyFile())) {
            stats = history.stats(HistoryQuery.ALL, zone);
        }
        assertTrue(run.out().contains("Calls:          3,000"), run.out());
        assertTrue(run.out().contains(String.format(Locale.ENGLISH, "Answered:       %,d (%.1f %%)",
                stats.answered(), stats.answeredRate() * 100)), run.out());
        HistoryStats.DayCounts firstDay = stats.perDay().get(0);
        assertTrue(run.out().contains(String.format(Locale.ROOT, "%-10s %7d", firstDay.day(), firstDay.total())),
                run.out());
        assertTrue(run.out().contains(String.format(Locale.ROOT, "10:00 %7d", stats.perHour().get(10))),
                run.out());
        assertTrue(run.out().contains("answered"), "the outcome columns are named");
    }

    @Test
    void statsSpeakRussianWhenAsked() {
        HistoryStatsCommand command = new HistoryStatsCommand();
        command.zone = zone;
        CliRun run = CliRun.of(command, "--home", home.toString(), "--lang", "ru");
        assertEquals(HistoryStatsCommand.DONE, run.exitCode(), run.all());
        assertTrue(run.out().contains("Звонков:"), run.out());
        assertTrue(run.out().contains("пропущен"), run.out());
    }

    @Test
    void badOptionsAndAMissingHistoryAreSaidPlainly(@TempDir Path empty) {
        CliRun reversed = CliRun.of(new HistoryExportCommand(), "--from", "2026-12-04", "--to", "2026-12-01",
                "--home", home.toString());
        assertEquals(2, reversed.exitCode());
        assertTrue(reversed.err().contains("--to 2026-12-01 is before --from 2026-12-04"), reversed.err());

        CliRun format = CliRun.of(new HistoryExportCommand(), "--format", "xlsx", "--home", home.toString());
        assertEquals(2, format.exitCode());
        assertTrue(format.err().contains("expected csv or json"), format.err());

        CliRun none = CliRun.of(new HistoryStatsCommand(), "--home", empty.toString(), "--lang", "en");
        assertEquals(HistoryStatsCommand.FAILED, none.exitCode());
        assertTrue(none.err().contains("There is no call history at"), none.err());
        assertFalse(Files.exists(AppPaths.underHome(empty).dataDir().resolve(SqliteCallHistory.FILE_NAME)),
                "reading never makes a history");

        CliRun tooMany = CliRun.of(new SandboxSeedCommand(), "--calls", "0", "--home", home.toString());
        assertEquals(2, tooMany.exitCode());
        assertTrue(tooMany.err().contains("expected 1 to 10000000"), tooMany.err());
    }
}
