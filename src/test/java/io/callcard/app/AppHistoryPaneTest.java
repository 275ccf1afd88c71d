package io.callcard.app;

import static io.callcard.testing.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.history.CallHistory;
import io.callcard.history.HistoryCall;
import io.callcard.ui.history.HistoryModels;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application's history panes as it starts by default (the sandbox plays): made at the first frame, given the
 * store once it opens (empty then, before the listener), and today's list filled by the calls recorded afterwards,
 * each read once its writes are on disk.
 */
class AppHistoryPaneTest {

    @TempDir
    Path home;
    @RegisterExtension
    final CompanionUnderTest companion = new CompanionUnderTest();
    private AppContext context;

    @Test
    void todaysListShowsTheCallsRecordedAfterTheStoreOpened() throws Exception {
        context = companion.made(AppPaths.underHome(home), true, 50, null);
        HistoryModels panes = context.historyPanes(); // as the window does at its first frame
        assertEquals("The history is opening…", panes.today().emptyTextProperty().get());
        context.startServices();
        context.servicesReady().get(20, TimeUnit.SECONDS);

        waitFor(() -> !panes.today().calls().isEmpty(), "the sandbox's first call in today's list");
        CallHistory history = context.history().orElseThrow();
        List<HistoryCall> listed = List.copyOf(panes.today().calls());
        for (HistoryCall call : listed) {
            assertTrue(history.find(call.key()).isPresent(), "listed from the store: " + call.key());
        }
        assertEquals("No calls yet today.", panes.today().emptyTextProperty().get(), "the store was read");
    }
}
