package io.callcard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Start-up time, process start to first frame, of the companion ({@code target/callcard.jar}, as shipped) beside a
 * bare JavaFX stage measured in the same run, alternating, so the machine's noise falls on both. Two JVM set-ups:
 * the plain class path, and application class-data sharing (AppCDS, what the packaging will use; each program gets
 * an archive trained by one run of its own). Reports medians and ratios (goal: at most 1.3); asserts only that
 * every run reached its first frame, never a time.
 *
 * <p>Uses the real display when {@code DISPLAY} is set (e.g. under Xvfb), else headless Monocle for both. Runs in
 * the bench profile after {@code package}, because class-data sharing takes jars only.
 */
class StartupBench {

    private static final int WARMUP_RUNS = 2;
    private static final int MEASURED_RUNS = 9;

    /** One JVM set-up: extra options per program. */
    private record Setup(String name, List<String> bareOptions, List<String> appOptions) {
    }

    /** Milestones of one set-up's runs, in ms from process start. */
    private record Runs(List<Long> bare, List<Long> appFrame, List<Long> appReady) {
    }

    @Test
    void startupAgainstABareStage() throws Exception {
        Path appJar = BenchJvms.appJar();
        assertTrue(Files.isRegularFile(appJar), "run with ./mvnw -Pbench verify (needs target/callcard.jar)");
        Path work = Files.createTempDirectory("callcard-startup-bench");
        String bareClassPath = BenchJvms.bareClassPath(BenchJvms.bareJar(work.resolve("bare.jar")));
        String appClassPath = BenchJvms.appClassPath();

        // what a real user's launch gets (the jpackage launcher's options): both programs alike
        List<String> shipped = BenchJvms.shippedOptions();
        Setup plain = new Setup("plain class path", shipped, shipped);
        Path bareArchive = work.resolve("bare.jsa");
        Path appArchive = work.resolve("app.jsa");
        train(bareClassPath, shipped, List.of(BareStageProbe.class.getName()), bareArchive);
        train(appClassPath, shipped, appArgs(work), appArchive);
        Setup cds = new Setup("AppCDS", with(shipped, "-XX:SharedArchiveFile=" + bareArchive, "-Xshare:auto"),
                with(shipped, "-XX:SharedArchiveFile=" + appArchive, "-Xshare:auto"));

        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "# Start-up benchmark (%s, %d runs each after %d warm-up, alternating)%n%nJVM options for both: %s%n",
                BenchJvms.displayMode(), MEASURED_RUNS, WARMUP_RUNS,
                shipped.isEmpty() ? "none" : String.join(" ", shipped) + " (" + System.getProperty("bench.argsFile", "packaging/jpackage-common.args") + ")"));
        for (Setup setup : List.of(plain, cds)) {
            Runs runs = measure(setup, bareClassPath, appClassPath, work);
            report.append(section(setup, runs));
            assertEquals(MEASURED_RUNS, runs.appFrame().size());
        }
        BenchReport.publish("startup.md", report.toString());
    }

    private static Runs measure(Setup setup, String bareClassPath, String appClassPath, Path work)
            throws IOException, InterruptedException {
        Runs runs = new Runs(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < WARMUP_RUNS + MEASURED_RUNS; i++) {
            long[] b = run(bareClassPath, setup.bareOptions(), List.of(BareStageProbe.class.getName()));
            long[] a = run(appClassPath, setup.appOptions(), appArgs(work));
            if (i >= WARMUP_RUNS) {
                runs.bare().add(b[0]);
                runs.appFrame().add(a[0]);
                runs.appReady().add(a[1]);
            }
        }
        return runs;
    }

    private static String section(Setup setup, Runs runs) {
        long bareMedian = BenchJvms.median(runs.bare());
        long appMedian = BenchJvms.median(runs.appFrame());
        double ratio = (double) appMedian / bareMedian;
        // each run's ratio to the bare run just before it: robust when the machine's load drifts during the bench
        List<Double> paired = new ArrayList<>();
        for (int i = 0; i < runs.bare().size(); i++) {
            paired.add((double) runs.appFrame().get(i) / runs.bare().get(i));
        }
        Collections.sort(paired);
        double pairedMedian = paired.get(paired.size() / 2);
        return String.format(Locale.ROOT, String.join("%n",
                "",
                "## %s",
                "| what | median | all runs (ms) |",
                "|---|---|---|",
                "| bare JavaFX stage: process start -> first frame | %d ms | %s |",
                "| CallCard Companion: process start -> first frame | %d ms | %s |",
                "| CallCard Companion: process start -> listener and sandbox ready | %d ms | %s |",
                "",
                "ratio companion / bare stage (first frame), of the medians: %.2f; median of paired runs: %.2f"
                        + " (goal <= 1.30: %s)", ""),
                setup.name(), bareMedian, runs.bare(), appMedian, runs.appFrame(), BenchJvms.median(runs.appReady()),
                runs.appReady(), ratio, pairedMedian, ratio <= 1.3 ? "met" : "NOT met");
    }

    private static List<String> appArgs(Path work) throws IOException {
        Path home = Files.createTempDirectory(work, "home");
        return List.of("io.callcard.app.Launcher", "--home", home.toString(), "--port", "0", "--startup-probe");
    }

    private static List<String> with(List<String> options, String... more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of(more));
        return all;
    }

    /** One run that writes a class-data archive of what the program loaded. */
    private static void train(String classPath, List<String> options, List<String> mainAndArgs, Path archive)
            throws IOException, InterruptedException {
        run(classPath, with(options, "-XX:ArchiveClassesAtExit=" + archive), mainAndArgs);
        assertTrue(Files.isRegularFile(archive), "no class-data archive from " + mainAndArgs);
    }

    /** Runs one JVM; returns ms from process start to each milestone line it printed. */
    private static long[] run(String classPath, List<String> jvmOptions, List<String> mainAndArgs)
            throws IOException, InterruptedException {
        List<String> cmd = BenchJvms.command(classPath, jvmOptions, mainAndArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        long start = System.nanoTime();
        Process p = pb.start();
        long frame = -1;
        long ready = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                if (line.equals("FIRST_FRAME")) {
                    frame = ms;
                } else if (line.equals("SERVICES_READY")) {
                    ready = ms;
                }
            }
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "probe did not exit: " + mainAndArgs);
        assertTrue(frame > 0, "no first frame from " + mainAndArgs + " (exit " + p.exitValue() + ")");
        return new long[] {frame, ready};
    }

}
