package io.callcard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.history.HistoryQuery;
import io.callcard.history.recorder.CallRecorder;
import io.callcard.history.sqlite.SqliteCallHistory;
import io.callcard.testing.Eventually;
import io.callcard.testing.ServerEventPosts;
import io.callcard.testing.SlowTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durability promise under SIGKILL: a child JVM ({@link RecordingProcess}: the real listener, tracker, recorder
 * and SQLite history, wired as the application wires them) hears a steady stream of the portal's call events over
 * HTTP and is killed at a random moment, {@value #ROUNDS} times over the same file. After each kill the file passes
 * {@code PRAGMA integrity_check}, and every event the listener answered 2xx more than
 * {@link CallRecorder#DURABILITY_WINDOW} before the kill is in it, with every event of the rounds before.
 */
@SlowTest
class RecordingKillTest {

    private static final int ROUNDS = 20;
    private static final long SEED = 13;

    @TempDir
    Path folder;

    /**
     * Each CALL_ID the listener accepted, to whether it was due on disk: its 2xx came more than the window before its
     * round's kill (one answered within the window may be lost with the process).
     */
    private final Map<String, Boolean> acknowledged = new LinkedHashMap<>();

    @Test
    void everyEventAcknowledgedBeforeTheWindowSurvivesSigkill() throws Exception {
        Random random = new Random(SEED);
        Path dataDir = folder.resolve("data");
        long windowNanos = CallRecorder.DURABILITY_WINDOW.toNanos();
        List<String> rounds = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            Process child = start(dataDir);
            int port = readPort(child);
            AtomicBoolean sending = new AtomicBoolean(true);
            List<Map.Entry<String, Long>> acked = new ArrayList<>();
            int r = round;
            Thread sender = new Thread(() -> stream(port, r, sending, acked), "kill-test-sender");
            sender.start();
            Eventually.waitFor(() -> {
                synchronized (acked) {
                    return !acked.isEmpty();
                }
            }, "the stream flowing (the child's first answer)");
            Thread.sleep(100 + random.nextInt(1000)); // a random moment of the stream
            long killedAt = System.nanoTime();
            child.destroyForcibly(); // SIGKILL
            assertTrue(child.waitFor(20, TimeUnit.SECONDS), "the child ended");
            sending.set(false);
            sender.join();
            synchronized (acked) {
                acked.forEach(e -> acknowledged.put(e.getKey(), e.getValue() < killedAt - windowNanos));
            }

            Path file = dataDir.resolve(SqliteCallHistory.FILE_NAME);
            assertEquals("ok", integrity(file), "round " + round);
            Set<String> stored = storedCallIds(file);
            List<String> lost = new ArrayList<>();
            long due = 0;
            for (Map.Entry<String, Boolean> e : acknowledged.entrySet()) {
                if (e.getValue()) {
                    due++;
                    if (!stored.contains(e.getKey())) {
                        lost.add(e.getKey());
                    }
                }
            }
            assertTrue(lost.isEmpty(), "round " + round + ": acknowledged before the window but not stored: " + lost);
            rounds.add(round + ": " + acked.size() + " acked, " + due + " due in all, " + stored.size() + " stored");
        }
        assertTrue(acknowledged.values().stream().filter(due -> due).count() > ROUNDS,
                "events were due on disk in the rounds: " + rounds);
        // the rounds' figures, for the record (target/ is never committed)
        Files.writeString(Path.of("target", "recording-kill-test.txt"), String.join("\n", rounds) + "\n");
    }

    private Process start(Path dataDir) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + folder.resolve("home"), "-cp", System.getProperty("java.class.path"),
                RecordingProcess.class.getName(), dataDir.toString());
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static int readPort(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(RecordingProcess.READY)) {
                return Integer.parseInt(line.substring(RecordingProcess.READY.length()).trim());
            }
        }
        throw new IllegalStateException("the child ended before it listened");
    }

    /** Posts a new incoming call's INIT after another until the child is gone; each 2xx is noted with its time. */
    private static void stream(int port, int round, AtomicBoolean sending, List<Map.Entry<String, Long>> acked) {
        ServerEventPosts portal = new ServerEventPosts(URI.create("http://127.0.0.1:" + port + ServerEventPosts.PATH));
        for (int n = 0; sending.get(); n++) {
            String callId = "kill-" + round + "-" + n;
            try {
                int status = portal.init(callId, "+7495" + String.format("%07d", round * 100_000 + n));
                if (status / 100 == 2) {
                    synchronized (acked) {
                        acked.add(Map.entry(callId, System.nanoTime()));
                    }
                }
            } catch (IOException e) {
                return; // the child is gone
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String integrity(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("PRAGMA integrity_check")) {
            return row.next() ? row.getString(1) : "no answer";
        }
    }

    private static Set<String> storedCallIds(Path file) {
        Set<String> ids = new HashSet<>();
        try (SqliteCallHistory history = SqliteCallHistory.open(file)) {
            history.forEach(HistoryQuery.ALL, call -> {
                ids.add(call.callId());
                return true; // every call, to the last
            });
        }
        return ids;
    }
}
