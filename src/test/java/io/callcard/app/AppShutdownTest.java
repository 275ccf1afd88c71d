package io.callcard.app;

import static io.callcard.testing.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.callcard.call.CallTracker;
import io.callcard.history.recorder.CallRecorder;
import io.callcard.sandbox.SandboxPortal;
import io.callcard.ui.Messages;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Closing the application (window close, or SIGTERM through the shutdown hook: both call {@link AppContext#close})
 * stops the sandbox, the outcome look-ups and the sandbox's REST server, the listener, the tracker and the settings
 * thread in that order, frees the port, ends the
 * threads it started, and says so in the last log line. Without the toolkit: the view-models are plain Java.
 */
class AppShutdownTest {

    /** The threads the application names (pool threads get -N after the name). */
    private static final List<String> OUR_THREADS = List.of(SandboxPortal.THREAD_NAME, "sandbox-widget-commands",
            CallTracker.THREAD_NAME, "listener", AppContext.STARTUP_THREAD, AppContext.SETTINGS_THREAD,
            WidgetPortalLink.THREAD_NAME, CallOutcomes.THREAD_NAME, CrmNameLookups.THREAD_NAME, "sandbox-rest",
            CardSourceWatch.THREAD_NAME, NoteOutbox.THREAD_NAME, CallRecorder.THREAD_NAME, "history-writer",
            AppContext.HISTORY_READS_THREAD, AppContext.HISTORY_FOLLOW_THREAD);

    @TempDir
    Path home;

    private final Logger appLog = (Logger) LoggerFactory.getLogger(AppContext.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private AppContext context;

    @AfterEach
    void stop() {
        appLog.detachAppender(logged);
        appLog.setLevel(null);
        appLog.setAdditive(true);
        if (context != null) {
            context.close();
        }
    }

    @Test
    void closeStopsEverythingInOrderEndsTheThreadsFreesThePortAndLogsTheLastLine() throws Exception {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        StartupOptions options = new StartupOptions(AppPaths.underHome(home), 0, true, Locale.ENGLISH, 50, false,
                null);
        context = new AppContext(options, Messages.forLocale(Locale.ENGLISH), Runnable::run);
        context.startServices();
        context.servicesReady().get(20, TimeUnit.SECONDS);
        waitFor(() -> context.tracker().current().callId() != null, "the sandbox's first call on the card");
        context.settings(); // the settings window's thread too
        Set<Thread> ours = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && isOurs(t.getName())).collect(Collectors.toSet());
        Set<String> names = ours.stream().map(Thread::getName).collect(Collectors.toSet());
        assertTrue(names.containsAll(Set.of(SandboxPortal.THREAD_NAME, CallTracker.THREAD_NAME)), names.toString());
        int port = context.listener().port();
        logged.start();
        appLog.addAppender(logged);
        appLog.setLevel(Level.INFO);
        appLog.setAdditive(false); // kept here, not printed

        context.close();

        String lastLine = logged.list.get(logged.list.size() - 1).getFormattedMessage();
        assertTrue(lastLine.startsWith("CallCard Companion stopped in "), lastLine);
        assertInOrder(lastLine, "source line", "sandbox portal", "call outcomes", "CRM names", "note outbox",
                "sandbox REST server", "widget sign-in",
                "saved portal client", "listener", "call tracker", "call history", "settings thread");
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close(),
                "the listener's port is closed");
        waitFor(() -> ours.stream().noneMatch(Thread::isAlive), "the threads to end: " + ours.stream()
                .filter(Thread::isAlive).map(Thread::getName).toList());

        int lines = logged.list.size();
        context.close();
        assertEquals(lines, logged.list.size(), "a second close (window close after SIGTERM's hook) does nothing");
    }

    private static boolean isOurs(String thread) {
        return OUR_THREADS.stream().anyMatch(name -> thread.equals(name) || thread.matches(name + "-\\d+"));
    }

    private static void assertInOrder(String line, String... parts) {
        int from = 0;
        for (String part : parts) {
            int at = line.indexOf(part, from);
            assertTrue(at >= from, "'" + part + "' after position " + from + " in: " + line);
            from = at + part.length();
        }
    }
}
