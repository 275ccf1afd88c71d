package io.callcard.app;

import static io.callcard.testing.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallOutcome;
import io.callcard.call.CallSnapshot;
import io.callcard.sandbox.Scenario;
import io.callcard.sandbox.ScenarioFiles;
import io.callcard.testing.SlowTest;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default run, wired as the window wires it (without the toolkit): the sandbox plays a busy call by Bitrix24's own
 * rules, so the widget never says 486 and its end is only the page's beacon; the card says the outcome is pending,
 * then the in-process sandbox REST server's record, looked up by CALL_ID, gives "Busy (486)".
 */
@SlowTest
class DefaultRunOutcomeTest {

    @TempDir
    Path home;

    @RegisterExtension
    final CompanionUnderTest companion = new CompanionUnderTest();
    private AppContext context;

    @Test
    void aBusyCallTheWidgetCouldNotTellIsShownPendingThenBusyFromThePortalsRecord() throws Exception {
        Scenario busy = ScenarioFiles.parse("busy.json", "{\"name\": \"busy\", \"gapBetweenCallsSeconds\": 600,"
                + " \"calls\": [{\"direction\": \"outgoing\", \"caller\": \"berlin\", \"ringSeconds\": 4,"
                + " \"failedCode\": \"486\"}]}");
        context = companion.made(AppPaths.underHome(home), true, 4, busy);
        List<CallSnapshot> seen = new CopyOnWriteArrayList<>();
        context.tracker().subscribe(update -> seen.add(update.current()));
        context.startServices();
        context.servicesReady().get(20, TimeUnit.SECONDS);

        waitFor(() -> context.tracker().current().outcome().isKnown(), () -> "the outcome: " + context.tracker()
                .current());
        CallSnapshot done = context.tracker().current();
        assertEquals("486", done.failedCode());
        assertEquals(CallOutcome.Source.STATISTICS, done.outcome().source(), "from the portal's record");
        assertTrue(seen.stream().anyMatch(s -> s.endedAt() != null && s.outcome().isPending()),
                "the card said the outcome was pending first");
        // the tracker publishes its snapshot before it tells its subscribers, the card among them
        waitFor(() -> "Busy (486)".equals(context.shell().callCard().failureTextProperty().get()),
                () -> "the card's words: " + context.shell().callCard().failureTextProperty().get());
        assertEquals("Call failed", context.shell().callCard().stateTextProperty().get());
    }
}
