package io.callcard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.app.AppPaths;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Resident memory of the companion with the full history view open, each program in its own process with the shipped
 * JVM options (as FootprintBench): a history of 1,000,000 calls ({@code -Dbench.historyCalls}) seeded beforehand by
 * {@code callcard sandbox seed}, then per round, one after the other on that file: the companion with the view closed
 * (the baseline), the companion with the view opened ({@link HistoryViewProbe}: count landed, scrolled to the middle
 * and the end, a search run), and a bare JavaFX stage ({@link BareStageProbe}). Each is read a few seconds after it
 * said it was ready. Goal (issue 13): at most 250 MiB with the full view open.
 */
class HistoryFootprintBench {

    private static final int ROUNDS = 3;
    private static final long SETTLE_MS = 5_000;
    private static final double GOAL_MIB = 250;

    @Test
    void residentMemoryWithTheFullViewOpen() throws Exception {
        assertTrue(Files.isRegularFile(BenchJvms.appJar()), "run with ./mvnw -Pbench verify (needs target/callcard.jar)");
        int calls = Integer.getInteger("bench.historyCalls", 1_000_000);
        Path work = Files.createTempDirectory("callcard-history-footprint-bench");
        Path home = work.resolve("home");
        List<String> shipped = BenchJvms.shippedOptions();

        long seedStart = System.nanoTime();
        Process seeding = BenchJvms.launch(BenchJvms.command(BenchJvms.appClassPath(), shipped,
                List.of("io.callcard.app.Launcher", "sandbox", "seed", "--calls", String.valueOf(calls), "--home",
                        home.toString()))).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(seeding.waitFor(30, TimeUnit.MINUTES), "seeding ended");
        assertEquals(0, seeding.exitValue(), "seeded");
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        Path file = AppPaths.underHome(home).dataDir().resolve("history.db");
        double fileMiB = Files.size(file) / 1024.0 / 1024.0;

        String probeClassPath = BenchJvms.appClassPath() + java.io.File.pathSeparator
                + BenchJvms.probeJar(work.resolve("probe.jar"), HistoryViewProbe.class);
        String bareClassPath = BenchJvms.bareClassPath(BenchJvms.bareJar(work.resolve("bare.jar")));
        Path scenario = work.resolve("one-call.json");
        Files.writeString(scenario, "{\"name\": \"idle\", \"calls\": [{\"direction\": \"incoming\", \"caller\":"
                + " \"berlin\", \"lineNumber\": \"reg1\", \"crm\": {\"type\": \"contact\", \"id\": 797},"
                + " \"ringSeconds\": 1, \"talkSeconds\": 2, \"gapAfterSeconds\": 3600}]}", StandardCharsets.UTF_8);
        List<Double> closed = new ArrayList<>();
        List<Double> open = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (String mode : List.of(HistoryViewProbe.CLOSED, HistoryViewProbe.OPEN)) {
                (mode.equals(HistoryViewProbe.OPEN) ? open : closed).add(measure(BenchJvms.command(probeClassPath,
                        shipped, List.of(HistoryViewProbe.class.getName(), mode, "--home", home.toString(), "--port",
                                "0", "--scenario", scenario.toString())), HistoryViewProbe.READY));
            }
            bare.add(measure(BenchJvms.command(bareClassPath, shipped,
                    List.of(BareStageProbe.class.getName(), BareStageProbe.STAY)), "FIRST_FRAME"));
        }
        double openMedian = BenchJvms.medianOf(open);
        double closedMedian = BenchJvms.medianOf(closed);
        double bareMedian = BenchJvms.medianOf(bare);
        BenchReport.publish("history-footprint.md", String.format(Locale.ROOT, String.join("%n",
                "# History footprint benchmark (%,d calls, %d rounds, %s, each program in its own process)",
                "",
                "History file: %.0f MiB, seeded by `callcard sandbox seed` in %.1f s. JVM options for all: %s.",
                "Load while measuring: %s.",
                "",
                "| program | resident memory, median | all rounds |",
                "|---|---|---|",
                "| a bare JavaFX stage | %.0f MiB | %s |",
                "| the companion, history view closed (baseline) | %.0f MiB | %s |",
                "| the companion, full history view open (scrolled to the middle and the end, a search run) | %.0f MiB"
                        + " | %s |",
                "",
                "With the full view open: %.0f MiB (goal: at most %.0f MiB: %s); the view adds %.0f MiB to the"
                        + " companion, %.2f x its own baseline.",
                ""),
                calls, ROUNDS, BenchJvms.displayMode(), fileMiB, seedSeconds, BenchJvms.describeLaunch(shipped),
                HistoryPaneBench.loadAverage(), bareMedian, figures(bare), closedMedian, figures(closed), openMedian,
                figures(open), openMedian, GOAL_MIB, openMedian <= GOAL_MIB ? "met" : "NOT met",
                openMedian - closedMedian, openMedian / closedMedian));
        assertEquals(ROUNDS, open.size());
    }

    /** Starts {@code command}, waits for its {@code ready} line, lets it settle, reads its resident set, stops it. */
    private static double measure(List<String> command, String ready) throws Exception {
        Process process = BenchJvms.launch(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            do {
                line = lines.readLine();
                assertTrue(line != null && !line.startsWith("HISTORY_VIEW_FAILED"), "not ready: " + line);
            } while (!line.startsWith(ready));
            Thread.sleep(SETTLE_MS);
            assertTrue(process.isAlive(), "it ended before it was measured");
            return FootprintBench.rssMiB(process);
        } finally {
            process.destroy(); // SIGTERM: the companion closes in order
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static String figures(List<Double> values) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(String.format(Locale.ROOT, "%.0f", v)));
        return String.join(", ", out);
    }
}
