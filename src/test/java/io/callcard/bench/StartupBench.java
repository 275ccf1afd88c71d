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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Start-up time, process start to first frame, of the companion ({@code target/callcard.jar}, as shipped) beside a
 * bare JavaFX stage measured in the same run, alternating, so the machine's noise falls on both. Two JVM set-ups:
 * the plain class path, and application class-data sharing (AppCDS, what the packaging will use; each program gets
 * an archive trained by one run of its own). Reports medians and ratios against issue 12's goal (at most 1.3, plain
 * class path) and issue 14's (at most 1.1, what the packaged launcher must reach; its archive is the AppCDS set-up's
 * nearest kin here); asserts only that every run reached its first frame, never a time.
 *
 * <p>Beside the wall-clock times, the CPU time each program spent until its first frame (the FX thread's, and the
 * whole process's), as both probes print it: on a machine others load, a program waits for a core and its wall time
 * stretches, but the work it does to reach its first frame stays nearly the same, so those figures compare two
 * builds measured on different evenings more fairly.
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

    /** Milestones of one set-up's runs, in ms from process start; CPU ms until the first frame. */
    private record Runs(List<Long> bare, List<Long> appFrame, List<Long> appReady, List<Long> bareFxCpu,
                        List<Long> appFxCpu, List<Long> bareProcessCpu, List<Long> appProcessCpu) {
    }

    /** One run's milestones: ms from process start to the first frame and to ready; CPU ms until the frame. */
    private record Milestones(long frame, long ready, long fxCpu, long processCpu) {
    }

    private static final Pattern CPU_LINE = Pattern.compile("^FIRST_FRAME_CPU fx=(\\d+) process=(-?\\d+)$");

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
                shipped.isEmpty() ? "none" : BenchJvms.describeLaunch(shipped) + " (" + System.getProperty("bench.argsFile", "packaging/jpackage-common.args") + ")"));
        for (Setup setup : List.of(plain, cds)) {
            Runs runs = measure(setup, bareClassPath, appClassPath, work);
            report.append(section(setup, runs));
            assertEquals(MEASURED_RUNS, runs.appFrame().size());
        }
        BenchReport.publish("startup.md", report.toString());
    }

    private static Runs measure(Setup setup, String bareClassPath, String appClassPath, Path work)
            throws IOException, InterruptedException {
        Runs runs = new Runs(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < WARMUP_RUNS + MEASURED_RUNS; i++) {
            Milestones b = run(bareClassPath, setup.bareOptions(), List.of(BareStageProbe.class.getName()));
            Milestones a = run(appClassPath, setup.appOptions(), appArgs(work));
            if (i >= WARMUP_RUNS) {
                runs.bare().add(b.frame());
                runs.appFrame().add(a.frame());
                runs.appReady().add(a.ready());
                runs.bareFxCpu().add(b.fxCpu());
                runs.appFxCpu().add(a.fxCpu());
                runs.bareProcessCpu().add(b.processCpu());
                runs.appProcessCpu().add(a.processCpu());
            }
        }
        return runs;
    }

    private static String section(Setup setup, Runs runs) {
        long bareMedian = BenchJvms.median(runs.bare());
        long appMedian = BenchJvms.median(runs.appFrame());
        double ratio = (double) appMedian / bareMedian;
        double pairedMedian = BenchJvms.pairedRatio(runs.appFrame(), runs.bare());
        return String.format(Locale.ROOT, String.join("%n",
                "",
                "## %s",
                "| what | median | all runs (ms) |",
                "|---|---|---|",
                "| bare JavaFX stage: process start -> first frame | %d ms | %s |",
                "| CallCard Companion: process start -> first frame | %d ms | %s |",
                "| CallCard Companion: process start -> listener and sandbox ready | %d ms | %s |",
                "| bare JavaFX stage: CPU until the first frame, FX thread | %d ms | %s |",
                "| CallCard Companion: CPU until the first frame, FX thread | %d ms | %s |",
                "| bare JavaFX stage: CPU until the first frame, whole process | %d ms | %s |",
                "| CallCard Companion: CPU until the first frame, whole process | %d ms | %s |",
                "",
                "ratio companion / bare stage (first frame), of the medians: %.2f; median of paired runs: %.2f"
                        + " (issue 12's goal <= 1.30: %s; issue 14's goal <= 1.10: %s)",
                "",
                "CPU until the first frame, companion / bare stage: FX thread %.2f, whole process %.2f", ""),
                setup.name(), bareMedian, runs.bare(), appMedian, runs.appFrame(), BenchJvms.median(runs.appReady()),
                runs.appReady(), BenchJvms.median(runs.bareFxCpu()), runs.bareFxCpu(),
                BenchJvms.median(runs.appFxCpu()), runs.appFxCpu(), BenchJvms.median(runs.bareProcessCpu()),
                runs.bareProcessCpu(), BenchJvms.median(runs.appProcessCpu()), runs.appProcessCpu(), ratio,
                pairedMedian, ratio <= 1.3 ? "met" : "NOT met", ratio <= 1.1 ? "met" : "NOT met",
                (double) BenchJvms.median(runs.appFxCpu()) / BenchJvms.median(runs.bareFxCpu()),
                (double) BenchJvms.median(runs.appProcessCpu()) / BenchJvms.median(runs.bareProcessCpu()));
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

    /** Runs one JVM; returns ms from process start to each milestone line it printed, and its CPU line. */
    private static Milestones run(String classPath, List<String> jvmOptions, List<String> mainAndArgs)
            throws IOException, InterruptedException {
        List<String> cmd = BenchJvms.command(classPath, jvmOptions, mainAndArgs);
        ProcessBuilder pb = BenchJvms.launch(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        long start = System.nanoTime();
        Process p = pb.start();
        long frame = -1;
        long ready = -1;
        long fxCpu = -1;
        long processCpu = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                if (line.equals("FIRST_FRAME")) {
                    frame = ms;
                } else if (line.equals("SERVICES_READY")) {
                    ready = ms;
                } else {
                    Matcher cpu = CPU_LINE.matcher(line);
                    if (cpu.matches()) {
                        fxCpu = Long.parseLong(cpu.group(1));
                        processCpu = Long.parseLong(cpu.group(2));
                    }
                }
            }
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "probe did not exit: " + mainAndArgs);
        assertTrue(frame > 0, "no first frame from " + mainAndArgs + " (exit " + p.exitValue() + ")");
        assertTrue(fxCpu > 0 && processCpu >= 0, "no CPU line after the first frame from " + mainAndArgs);
        return new Milestones(frame, ready, fxCpu, processCpu);
    }

}
