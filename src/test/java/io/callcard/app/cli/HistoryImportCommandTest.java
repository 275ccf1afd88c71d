package io.callcard.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.app.AppPaths;
import io.callcard.app.AppVersion;
import io.callcard.call.CallDirection;
import io.callcard.history.FactSource;
import io.callcard.history.HistoryCall;
import io.callcard.history.HistoryQuery;
import io.callcard.history.HistoryWrite;
import io.callcard.history.Outcome;
import io.callcard.history.Outcomes;
import io.callcard.history.TimelineEntry;
import io.callcard.history.export.ExportFormat;
import io.callcard.history.export.ExportProgress;
import io.callcard.history.export.HistoryExporter;
import io.callcard.history.sqlite.SqliteCallHistory;
import io.callcard.portal.CallStatisticsImport;
import io.callcard.portal.PortalCallRecord;
import io.callcard.portal.PortalClient;
import io.callcard.portal.StatisticsProgress;
import io.callcard.portal.WebhookUrl;
import io.callcard.sandbox.rest.SandboxRestServer;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code callcard history import --from-portal} against the sandbox portal's {@code voximplant.statistic.get} over real
 * loopback HTTP, into a real history file: calls added, a partly heard call completed, and a second run changing
 * nothing.
 */
class HistoryImportCommandTest {

    private static final Instant FIRST_RECORD = Instant.parse("2026-03-02T06:00:00Z");
    private static final Clock LATER = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneId.of("Europe/Moscow"));
    private static final int RECORDS = 120;

    @TempDir
    Path home;

    private SandboxRestServer portal;

    @BeforeEach
    void startPortal() {
        portal = SandboxRestServer.builder().callRecords(RECORDS).firstCallAt(FIRST_RECORD).start();
    }

    @AfterEach
    void stopPortal() {
        portal.close();
    }

    private CliRun importOnce() {
        HistoryImportCommand command = new HistoryImportCommand();
        command.clock = LATER;
        return CliRun.of(command, "--from-portal", "--since", "2026-03-01", "--webhook", portal.webhookUrl(),
                "--home", home.toString(), "--lang", "en");
    }

    private Path historyFile() {
        return AppPaths.underHome(home).dataDir().resolve(SqliteCallHistory.FILE_NAME);
    }

    private List<PortalCallRecord> portalRecords() throws Exception {
        try (PortalClient client = PortalClient.builder(WebhookUrl.parse(portal.webhookUrl()), AppVersion.current())
                .build()) {
            return new CallStatisticsImport(client).fetch(OffsetDateTime.parse("2026-03-01T00:00:00+03:00"),
                    OffsetDateTime.now(LATER), StatisticsProgress.NONE);
        }
    }

    private String exported() throws Exception {
        try (SqliteCallHistory history = SqliteCallHistory.open(historyFile())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            HistoryExporter.export(history, HistoryQuery.ALL, ExportFormat.JSON, out, ExportProgress.NONE,
                    ZoneOffset.UTC);
            return out.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyRecordBecomesACallAndASecondRunChangesNothing() throws Exception {
        CliRun first = importOnce();
        assertEquals(HistoryImportCommand.DONE, first.exitCode(), first.all());
        assertTrue(first.out().contains(RECORDS + " call records read: " + RECORDS + " calls added, 0 corrected, 0"
                + " already complete"), first.out());
        String afterFirst = exported();

        CliRun second = importOnce();

        assertEquals(HistoryImportCommand.DONE, second.exitCode(), second.all());
        assertTrue(second.out().contains(RECORDS + " call records read: 0 calls added, 0 corrected, " + RECORDS
                + " already complete"), second.out());
        assertEquals(afterFirst, exported(), "the second run changed nothing in the file");
        try (SqliteCallHistory history = SqliteCallHistory.open(historyFile())) {
            assertEquals(RECORDS, history.count(HistoryQuery.ALL));
            HistoryCall any = history.page(HistoryQuery.ALL, 0, 1).get(0);
            assertEquals(FactSource.STATISTICS, any.sources().get("talkSeconds"));
            assertEquals(1, history.timeline(any.key()).size(), "one note of the import, not two");
        }
        String[] parts = portal.webhookUrl().split("/");
        assertFalse(first.all().contains(parts[parts.length - 1]), "the webhook's secret code is never printed");
    }

    @Test
    void aCallTheCompanionHeardOnlyInPartIsCompletedFromItsRecord() throws Exception {
        PortalCallRecord record = portalRecords().stream().filter(r -> !r.failedCode().equals("200"))
                .findFirst().orElseThrow();
        Instant heard = record.startedAt().toInstant().plusSeconds(2);
        HistoryCall partial = new HistoryCall("heard-1", record.callId(), CallDirection.UNKNOWN, record.phoneNumber(),
                "", "", null, List.of(), null, false, heard, null, null, null, null, null, null,
                Outcome.IN_PROGRESS, null, null, null, Map.of("number", FactSource.WIDGET));
        try (SqliteCallHistory history = SqliteCallHistory.open(historyFile())) {
            history.write(List.of(new HistoryWrite.SaveCall(partial))).join();
        }

        CliRun run = importOnce();

        assertTrue(run.out().contains((RECORDS - 1) + " calls added, 1 corrected"), run.all());
        try (SqliteCallHistory history = SqliteCallHistory.open(historyFile())) {
            assertEquals(RECORDS, history.count(HistoryQuery.ALL), "the heard call was matched, not doubled");
            HistoryCall completed = history.find("heard-1").orElseThrow();
            assertEquals(record.failedCode(), completed.failedCode());
            assertEquals(record.failedReason(), completed.failedReason());
            assertEquals(record.type().direction(), completed.direction());
            assertEquals(Outcomes.of(record.type().direction(), false, true, record.failedCode()),
                    completed.outcome());
            assertEquals(heard, completed.firstHeard(), "what the companion heard first stays");
            assertEquals(FactSource.WIDGET, completed.sources().get("number"), "an unchanged fact keeps its source");
            assertEquals(FactSource.STATISTICS, completed.sources().get("failedCode"));
            List<TimelineEntry> timeline = history.timeline("heard-1");
            assertEquals("StatisticsRecord", timeline.get(timeline.size() - 1).kind());
            assertTrue(timeline.get(timeline.size() - 1).payload().contains("\"failedCode\""));
        }
    }

    @Test
    void withoutAPortalNothingIsReadAndNoHistoryIsMade() {
        HistoryImportCommand command = new HistoryImportCommand();
        command.clock = LATER;
        CliRun run = CliRun.of(command, "--from-portal", "--home", home.toString(), "--lang", "en");
        assertEquals(HistoryImportCommand.NOTHING_TO_DO, run.exitCode(), run.all());
        assertTrue(run.err().contains("No portal is saved yet"), run.err());
        assertFalse(historyFile().toFile().exists());
    }

    @Test
    void aSinceInTheFutureIsRefused() {
        HistoryImportCommand command = new HistoryImportCommand();
        command.clock = LATER;
        CliRun run = CliRun.of(command, "--from-portal", "--since", "2026-04-01", "--webhook", portal.webhookUrl(),
                "--home", home.toString());
        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.err().contains("is not in the past"), run.err());
    }
}
