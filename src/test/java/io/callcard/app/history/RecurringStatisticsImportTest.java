package io.callcard.app.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.app.AppVersion;
import io.callcard.history.HistoryQuery;
import io.callcard.history.sqlite.SqliteCallHistory;
import io.callcard.portal.CallStatisticsImport;
import io.callcard.portal.PortalCallRecord;
import io.callcard.portal.PortalClient;
import io.callcard.portal.StatisticsProgress;
import io.callcard.portal.WebhookUrl;
import io.callcard.sandbox.rest.SandboxRestServer;
import io.callcard.testing.Eventually;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The setting's recurring import against the sandbox portal's {@code voximplant.statistic.get} over loopback HTTP, into
 * a real history file: the first run reads the last day, later runs only the last hour's overlap, a failed run moves
 * nothing on, and without a portal nothing is asked.
 */
class RecurringStatisticsImportTest {

    private static final int RECORDS = 40;
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneId.of("Europe/Moscow"));

    @TempDir
    Path folder;

    private SandboxRestServer portal;
    private PortalClient client;
    private SqliteCallHistory history;

    @BeforeEach
    void start() throws Exception {
        // the records lie in the last 20 hours, the newest within the last hour
        portal = SandboxRestServer.builder().callRecords(RECORDS).firstCallAt(NOW.minus(Duration.ofHours(20)))
                .start();
        client = PortalClient.builder(WebhookUrl.parse(portal.webhookUrl()), AppVersion.current()).build();
        history = SqliteCallHistory.open(folder.resolve("history.db"));
    }

    @AfterEach
    void stop() {
        history.close();
        client.close();
        portal.close();
    }

    private List<PortalCallRecord> recordsSince(Instant from) throws Exception {
        return new CallStatisticsImport(client).fetch(OffsetDateTime.ofInstant(from, CLOCK.getZone()),
                OffsetDateTime.ofInstant(NOW, CLOCK.getZone()), StatisticsProgress.NONE);
    }

    @Test
    void theFirstRunReadsTheLastDayAndTheNextOnlyTheOverlapChangingNothing() throws Exception {
        int lastDay = recordsSince(NOW.minus(RecurringStatisticsImport.FIRST_REACH)).size();
        int lastHour = recordsSince(NOW.minus(RecurringStatisticsImport.OVERLAP)).size();
        assertTrue(lastHour < lastDay, "the sandbox's records spread over more than the overlap");
        RecurringStatisticsImport job = new RecurringStatisticsImport(history, () -> Optional.of(client), CLOCK,
                outcome -> { });

        var first = assertInstanceOf(RecurringStatisticsImport.Outcome.Imported.class, job.runOnce());
        assertEquals(lastDay, first.summary().records());
        assertEquals(lastDay, first.summary().added());
        assertTrue(first.changedHistory());
        assertEquals(lastDay, history.count(HistoryQuery.ALL));

        var second = assertInstanceOf(RecurringStatisticsImport.Outcome.Imported.class, job.runOnce());
        assertEquals(lastHour, second.summary().records(), "the second run reads from the first's end less the overlap");
        assertEquals(0, second.summary().added() + second.summary().corrected());
        assertTrue(!second.changedHistory());
        assertEquals(lastDay, history.count(HistoryQuery.ALL));
    }

    @Test
    void withoutAClientNothingIsAskedAndNothingStored() {
        RecurringStatisticsImport job = new RecurringStatisticsImport(history, Optional::empty, CLOCK, outcome -> { });

        assertInstanceOf(RecurringStatisticsImport.Outcome.NoPortal.class, job.runOnce());
        assertEquals(0, history.count(HistoryQuery.ALL));
    }

    @Test
    void aRunThePortalRefusedIsReadAgainInFullByTheNext() throws Exception {
        int lastDay = recordsSince(NOW.minus(RecurringStatisticsImport.FIRST_REACH)).size();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (PortalClient unreachable = PortalClient.builder(WebhookUrl.parse(portal.webhookUrl()
                .replace(":" + portal.port() + "/", ":" + closedPort + "/")), AppVersion.current()).build()) {
            AtomicReference<PortalClient> current = new AtomicReference<>(unreachable);
            RecurringStatisticsImport job = new RecurringStatisticsImport(history,
                    () -> Optional.of(current.get()), CLOCK, outcome -> { });

            assertInstanceOf(RecurringStatisticsImport.Outcome.PortalFailed.class, job.runOnce());
            assertEquals(0, history.count(HistoryQuery.ALL));

            current.set(client);
            var next = assertInstanceOf(RecurringStatisticsImport.Outcome.Imported.class, job.runOnce());
            assertEquals(lastDay, next.summary().added(), "the failed run did not move the start on");
        }
    }

    @Test
    void startedItRunsOnItsOwnThreadAndReportsEachRun() throws Exception {
        List<RecurringStatisticsImport.Outcome> heard = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        try (RecurringStatisticsImport job = new RecurringStatisticsImport(history, () -> Optional.of(client), CLOCK,
                outcome -> {
                    heard.add(outcome);
                    threads.add(Thread.currentThread().getName());
                })) {
            job.start(Duration.ZERO, Duration.ofHours(1));
            Eventually.waitFor(() -> !heard.isEmpty(), "the first run reported");
        }
        assertInstanceOf(RecurringStatisticsImport.Outcome.Imported.class, heard.get(0));
        assertEquals(RecurringStatisticsImport.THREAD, threads.get(0));
        assertTrue(history.count(HistoryQuery.ALL) > 0);
    }
}
