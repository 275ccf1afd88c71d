package io.callcard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallDirection;
import io.callcard.call.CallSnapshot;
import io.callcard.call.CallerNumber;
import io.callcard.testing.Eventually;
import io.callcard.testing.SlowTest;
import io.callcard.ui.shell.MissedCalls;
import io.callcard.ui.shell.SourceWords;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default run, end to end: the sandbox's simulated widget posts to the real listener over HTTP, and the window's
 * source line names it while its card is open; the demo's one missed call (incoming, withheld number, never answered)
 * raises the badge's count, its answered and its outgoing call never do. Without the toolkit: the view-models are
 * plain Java, the "UI thread" runs work where it is handed.
 */
@SlowTest
class CardSourceInSandboxTest {

    /** What the tracker showed when the count changed. */
    private record Rise(int count, CallDirection direction, CallerNumber.Kind phone, boolean connected) {
    }

    @TempDir
    Path home;

    @RegisterExtension
    final CompanionUnderTest companion = new CompanionUnderTest();
    private AppContext context;

    @Test
    void theSandboxWidgetIsTheSourceAndOnlyTheDemosMissedCallIsCounted() throws Exception {
        context = companion.made(AppPaths.underHome(home), true, 8, null);
        MissedCalls missed = context.shell().missedCalls();
        List<Rise> rises = new CopyOnWriteArrayList<>();
        // the count changes on the tracker's thread here, right after the update that changed it
        missed.countProperty().addListener((obs, old, now) -> {
            CallSnapshot call = context.tracker().current();
            rises.add(new Rise(now.intValue(), call.direction(), call.phone().kind(), call.wasConnected()));
        });
        assertEquals("Starting: not listening yet", context.shell().source().textProperty().get());

        context.startServices();
        context.servicesReady().get(20, TimeUnit.SECONDS);
        Eventually.waitFor(() -> context.shell().source().textProperty().get().equals("Sandbox widget · just now"),
                () -> "the sandbox's widget named as the source; the line says: "
                        + context.shell().source().textProperty().get());
        assertEquals(SourceWords.Kind.LIVE, context.shell().source().kindProperty().get());
        assertTrue(context.sourceFacts().sandbox());

        // waits for the listener's record, not the count: the count is set before its listeners hear of it
        Eventually.waitFor(() -> rises.size() >= 2, () -> "two rounds of the demo, two missed calls; so far " + rises);
        assertEquals(List.of(new Rise(1, CallDirection.INCOMING, CallerNumber.Kind.HIDDEN, false),
                new Rise(2, CallDirection.INCOMING, CallerNumber.Kind.HIDDEN, false)), rises.subList(0, 2),
                "only the withheld caller nobody answered; never the answered or the outgoing call");
    }
}
