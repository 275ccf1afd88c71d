package io.callcard.app;

import static io.callcard.testing.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.history.CallHistory;
import io.callcard.history.FactSource;
import io.callcard.history.HistoryCall;
import io.callcard.history.HistoryQuery;
import io.callcard.history.sqlite.SqliteCallHistory;
import io.callcard.ui.Messages;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application as it starts by default (the sandbox plays): the history opens after the first frame in the data
 * folder and records the sandbox's calls, marked as the sandbox's; what it recorded is in the file after close.
 */
class AppHistoryTest {

    @TempDir
    Path home;
    private AppContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void theSandboxsCallsAreRecordedInTheDataFolderAndKeptAfterClose() throws Exception {
        AppPaths paths = AppPaths.underHome(home);
        StartupOptions options = new StartupOptions(paths, 0, true, Locale.ENGLISH, 50, false, null);
        context = new AppContext(options, Messages.forLocale(Locale.ENGLISH), Runnable::run);
        assertTrue(context.history().isEmpty(), "nothing is opened before the first frame");
        context.startServices();
        context.servicesReady().get(20, TimeUnit.SECONDS);
        waitFor(() -> context.history().map(h -> h.count(HistoryQuery.ALL) > 0).orElse(false),
                "the sandbox's first call in the history");
        CallHistory history = context.history().orElseThrow();
        HistoryCall first = history.page(HistoryQuery.ALL, 0, 1).get(0);
        String callOnCard = context.tracker().current().callId();
        context.close();
        context = null;

        try (SqliteCallHistory kept = SqliteCallHistory.open(paths.dataDir().resolve(SqliteCallHistory.FILE_NAME))) {
            List<HistoryCall> calls = kept.page(HistoryQuery.ALL, 0, 100);
            assertTrue(calls.stream().anyMatch(c -> c.key().equals(first.key())), "kept after close: " + calls);
            assertTrue(calls.stream().anyMatch(c -> c.callId().equals(callOnCard)), "the card's call: " + calls);
            HistoryCall call = kept.find(first.key()).orElseThrow();
            assertTrue(call.sources().values().stream().allMatch(s -> s == FactSource.SANDBOX), call.sources()
                    .toString());
            assertEquals(FactSource.SANDBOX, kept.timeline(call.key()).get(0).source());
        }
    }
}
