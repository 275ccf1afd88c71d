package io.callcard.app;

import io.callcard.call.CallTracker;
import io.callcard.listener.ListenerConfig;
import io.callcard.listener.LoopbackListener;
import io.callcard.testing.ServerEventPosts;
import io.callcard.testing.UncheckedWidgetProof;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The kill test's child process: the listener, the tracker, the recorder and the SQLite history wired as
 * {@link AppContext} wires them, without a window. Prints {@code PORT <n>} once it listens, then serves until killed.
 * Argument: the data folder.
 */
public final class RecordingProcess {

    public static final String READY = "PORT ";

    private RecordingProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        CallTracker tracker = new CallTracker();
        HistoryRecording recording = HistoryRecording.open(dataDir, tracker, () -> false,
                problem -> System.err.println("history problem: " + problem.kind() + " " + problem.getMessage()))
                .orElseThrow(() -> new IllegalStateException("the history did not open"));
        LoopbackListener listener = LoopbackListener.start(
                ListenerConfig.loopback(0).withApplicationToken(ServerEventPosts.TOKEN), tracker, Clock.systemUTC(),
                Optional::empty, UncheckedWidgetProof.INSTANCE);
        System.out.println(READY + listener.port());
        System.out.flush();
        Thread.currentThread().join(); // until SIGKILL; the recording is never closed on purpose
        recording.close();
    }
}
