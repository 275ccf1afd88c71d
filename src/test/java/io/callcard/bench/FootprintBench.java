package io.callcard.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Idle CPU and resident memory of the companion with its call card open, beside a bare JavaFX stage
 * ({@link BareStageProbe}) running at the same time, in separate processes with the same JVM and options, so the
 * machine's noise falls on both. Each round starts both, lets them settle, then reads each process's CPU time over
 * the same window and its resident set at the end. Two card states: a call connected (the talk time moves once a
 * second), and the card after a call ended (nothing changes). Reports medians and ratios (goals: at most 1 % of one
 * core, at most 1.1 x the bare stage's memory); asserts only that every process stayed up and was measured.
 */
class FootprintBench {

    private static final int ROUNDS = 3;
    /**
     * Start-up, the sandbox's first posts, the call's outcome looked up, the JIT's first compilations: all over before
     * the measured window opens.
     */
    private static final Duration SETTLE = Duration.ofSeconds(40);
    private static final Duration WINDOW = Duration.ofSeconds(25);

    /** One card state: a scenario file the sandbox plays. */
    private record CardState(String name, String scenarioJson) {
    }

    /** One round's figures for one program. */
    private record Sample(double cpuPercentOfOneCore, double rssMiB) {
    }

    @Test
    void idleCpuAndMemoryAgainstABareStage() throws Exception {
        assertTrue(Files.isRegularFile(BenchJvms.appJar()), "run with ./mvnw -Pbench verify (needs target/callcard.jar)");
        Path work = Files.createTempDirectory("callcard-footprint-bench");
        // what a real user's launch gets (the jpackage launcher's options): both programs alike
        List<String> shipped = BenchJvms.shippedOptions();
        String bareClassPath = BenchJvms.bareClassPath(BenchJvms.bareJar(work.resolve("bare.jar")));
        List<CardState> states = List.of(
                new CardState("a call connected (talk time ticking)", scenario(
                        "{\"direction\": \"incoming\", \"caller\": \"moscow-landline\", \"lineNumber\": \"reg1\","
                        + " \"crm\": {\"type\": \"contact\", \"id\": 797}, \"ringSeconds\": 1,"
                        + " \"talkSeconds\": 3600}")),
                new CardState("after a call (the card shows how it ended)", scenario(
                        "{\"direction\": \"incoming\", \"caller\": \"berlin\", \"lineNumber\": \"reg1\","
                        + " \"crm\": {\"type\": \"contact\", \"id\": 797}, \"ringSeconds\": 1,"
                        + " \"talkSeconds\": 2, \"gapAfterSeconds\": 3600}")));
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "# Footprint benchmark (%s, %d rounds, each %d s settling then %d s measured, both programs at once)%n"
                        + "%nJVM options for both: %s%n",
                BenchJvms.displayMode(), ROUNDS, SETTLE.toSeconds(), WINDOW.toSeconds(),
                shipped.isEmpty() ? "none beyond the display's"
                        : BenchJvms.describeLaunch(shipped) + " (" + System.getProperty("bench.argsFile", "packaging/jpackage-common.args") + ")"));
        for (CardState state : states) {
            Path scenarioFile = work.resolve("idle-" + states.indexOf(state) + ".json");
            Files.writeString(scenarioFile, state.scenarioJson(), StandardCharsets.UTF_8);
            List<Sample> bare = new ArrayList<>();
            List<Sample> app = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                Path home = Files.createTempDirectory(work, "home");
                Sample[] pair = measureTogether(
                        BenchJvms.command(bareClassPath, shipped,
                                List.of(BareStageProbe.class.getName(), BareStageProbe.STAY)),
                        BenchJvms.command(BenchJvms.appClassPath(), shipped,
                                List.of("io.callcard.app.Launcher", "--home", home.toString(), "--port", "0",
                                        "--scenario", scenarioFile.toString())));
                bare.add(pair[0]);
                app.add(pair[1]);
            }
            report.append(section(state.name(), bare, app));
            assertTrue(app.size() == ROUNDS && bare.size() == ROUNDS);
        }
        BenchReport.publish("footprint.md", report.toString());
    }

    private static String scenario(String call) {
        return "{\"name\": \"idle\", \"calls\": [" + call + "]}";
    }

    /** Starts both programs, waits, reads both over the same window, stops both. */
    private static Sample[] measureTogether(List<String> bareCommand, List<String> appCommand)
            throws IOException, InterruptedException {
        Process bare = start(bareCommand);
        Process app = start(appCommand);
        try {
            Thread.sleep(SETTLE.toMillis());
            assertTrue(bare.isAlive() && app.isAlive(), "a program ended before it was measured");
            long bareCpu0 = cpuNanos(bare);
            long appCpu0 = cpuNanos(app);
            long t0 = System.nanoTime();
            Thread.sleep(WINDOW.toMillis());
            long bareCpu1 = cpuNanos(bare);
            long appCpu1 = cpuNanos(app);
            long elapsed = System.nanoTime() - t0;
            assertTrue(bare.isAlive() && app.isAlive(), "a program ended while it was measured");
            return new Sample[] {
                new Sample(100.0 * (bareCpu1 - bareCpu0) / elapsed, rssMiB(bare)),
                new Sample(100.0 * (appCpu1 - appCpu0) / elapsed, rssMiB(app))};
        } finally {
            stop(app);
            stop(bare);
        }
    }

    private static Process start(List<String> command) throws IOException {
        return BenchJvms.launch(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy(); // SIGTERM: the companion closes in order, as at a logout
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** User plus system CPU time the process used so far. */
    private static long cpuNanos(Process p) {
        return p.info().totalCpuDuration().orElseThrow(() -> new AssertionError("no CPU time for " + p.pid()))
                .toNanos();
    }

    /** The resident set ({@code VmRSS} of {@code /proc/<pid>/status}), as {@code ps} and {@code top} show it. */
    static double rssMiB(Process p) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(p.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new AssertionError("no VmRSS for " + p.pid());
    }

    private static String section(String state, List<Sample> bare, List<Sample> app) {
        double bareCpu = BenchJvms.medianOf(bare.stream().map(Sample::cpuPercentOfOneCore).toList());
        double appCpu = BenchJvms.medianOf(app.stream().map(Sample::cpuPercentOfOneCore).toList());
        double bareRss = BenchJvms.medianOf(bare.stream().map(Sample::rssMiB).toList());
        double appRss = BenchJvms.medianOf(app.stream().map(Sample::rssMiB).toList());
        double ratio = appRss / bareRss;
        return String.format(Locale.ROOT, String.join("%n",
                "",
                "## The card open: %s",
                "| what | bare JavaFX stage | CallCard Companion | all rounds (bare / companion) |",
                "|---|---|---|---|",
                "| idle CPU, %% of one core (median) | %.2f %% | %.2f %% | %s / %s |",
                "| resident memory, MiB (median) | %.0f | %.0f | %s / %s |",
                "",
                "idle CPU of the companion: %.2f %% of one core (goal <= 1 %%: %s); memory ratio companion / bare"
                        + " stage: %.2f (goal <= 1.10: %s)", ""),
                state, bareCpu, appCpu, figures(bare, true), figures(app, true), bareRss, appRss,
                figures(bare, false), figures(app, false), appCpu, appCpu <= 1.0 ? "met" : "NOT met", ratio,
                ratio <= 1.1 ? "met" : "NOT met");
    }

    private static String figures(List<Sample> samples, boolean cpu) {
        List<String> out = new ArrayList<>();
        for (Sample s : samples) {
            out.add(cpu ? String.format(Locale.ROOT, "%.2f", s.cpuPercentOfOneCore())
                    : String.format(Locale.ROOT, "%.0f", s.rssMiB()));
        }
        return String.join(", ", out);
    }
}
