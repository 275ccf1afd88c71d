package io.callcard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages as users get them (issue 14's figures): the sizes of the app-image and the {@code .deb} the build made
 * (target/dist), then the {@code .deb} installed into a throwaway root ({@code dpkg -x}, and its archive made as its
 * post-install script does), its start as the menu starts it (process start to the first frame, {@code
 * --startup-probe}; the menu entry's command: {@code lib/menu-start.sh}) and its resident memory with a call on the
 * card, each beside a bare JavaFX stage ({@link BareStageProbe}) packaged the same way: an app-image made here by
 * jpackage from the installed runtime, with the same JVM options, a class-data-sharing archive of its own made the
 * same way (a training run's class list, then a dump) and the same {@code lib/menu-start.sh}. Both are also started by
 * jpackage's launcher in {@code bin/} (as from a terminal), to show what the menu's start spares. Runs alternate
 * (start) or run at once (memory), so the machine's noise falls on both; medians, and each figure's goal printed as
 * met or NOT met. Asserts only that everything was measured. Needs a display ({@code DISPLAY}, e.g. Xvfb): packaged
 * launchers have no headless platform.
 */
class PackageBench {

    private static final long MB = 1_000_000;
    private static final int WARMUP_RUNS = 2;
    private static final int MEASURED_RUNS = Integer.getInteger("bench.rounds", 9);
    private static final int MEMORY_ROUNDS = Integer.getInteger("bench.memoryRounds", 3);
    /** Start-up, the sandbox's first posts, the JIT's first compilations: over before memory is read. */
    private static final Duration SETTLE = Duration.ofSeconds(Long.getLong("bench.settleSeconds", 30));
    private static final String INSTALL = "opt/callcard-companion";

    @Test
    void packageSizesAndTheInstalledLauncherAgainstABareStagePackagedTheSameWay() throws Exception {
        assertTrue(System.getenv("DISPLAY") != null, "needs a display: DISPLAY=:99 (Xvfb), see the README's benches");
        Path dist = Path.of("target", "dist").toAbsolutePath();
        Path appImage = dist.resolve("app/CallCard-Companion");
        Path deb = only(dist, ".deb").orElseThrow(() -> new AssertionError("no .deb: run with the dist profile"));
        Optional<Path> rpm = only(dist, ".rpm");
        Path work = Files.createTempDirectory("callcard-package-bench");

        long appImageBytes = treeBytes(appImage);
        long debBytes = Files.size(deb);
        Path root = Files.createDirectories(work.resolve("root"));
        run(List.of("dpkg", "-x", deb.toString(), root.toString()), Map.of());
        Path installed = root.resolve(INSTALL);
        long installedBytes = treeBytes(installed);
        run(List.of(installed.resolve("lib/cds-archive.sh").toString(), installed.toString()), Map.of()); // postinst
        long archiveBytes = Files.size(installed.resolve("lib/app/callcard.jsa"));

        List<String> shipped = BenchJvms.shippedOptions();
        Path bare = bareStageAppImage(installed.resolve("lib/runtime"), shipped, work);
        Path appLauncher = installed.resolve("bin/CallCard-Companion");
        Path bareLauncher = bare.resolve("bin/BareStage");
        Path appMenu = installed.resolve("lib/menu-start.sh");
        Path bareMenu = bare.resolve("lib/menu-start.sh");
        // both share one home folder (JavaFX unpacks its natives there on the first start: a warm-up pays for it)
        Path home = Files.createDirectories(work.resolve("home"));
        // and the environment the menu entry starts the companion with (BenchJvms.shippedEnvironment)
        Map<String, String> env = new HashMap<>(BenchJvms.shippedEnvironment());
        env.put("HOME", home.toString());
        env.put("JAVA_TOOL_OPTIONS", "-Xshare:on -Duser.home=" + home);

        Starts menu = new Starts();
        Starts launcher = new Starts();
        for (int i = 0; i < WARMUP_RUNS + MEASURED_RUNS; i++) {
            boolean counted = i >= WARMUP_RUNS;
            menu.add(counted, firstFrameMillis(List.of(bareMenu.toString()), env),
                    firstFrameMillis(appProbe(appMenu, work), env));
            launcher.add(counted, firstFrameMillis(List.of(bareLauncher.toString()), env),
                    firstFrameMillis(appProbe(appLauncher, work), env));
        }

        Path scenario = work.resolve("connected.json");
        Files.writeString(scenario, "{\"name\": \"idle\", \"calls\": [{\"direction\": \"incoming\", \"caller\":"
                + " \"moscow-landline\", \"lineNumber\": \"reg1\", \"crm\": {\"type\": \"contact\", \"id\": 797},"
                + " \"ringSeconds\": 1, \"talkSeconds\": 3600}]}", StandardCharsets.UTF_8);
        List<Double> bareRss = new ArrayList<>();
        List<Double> appRss = new ArrayList<>();
        for (int round = 0; round < MEMORY_ROUNDS; round++) {
            double[] pair = residentTogether(List.of(bareMenu.toString(), BareStageProbe.STAY),
                    List.of(appMenu.toString(), "--port", "0", "--scenario", scenario.toString(), "--home",
                            Files.createTempDirectory(work, "app-home").toString()), env);
            bareRss.add(pair[0]);
            appRss.add(pair[1]);
        }
        assertEquals(MEASURED_RUNS, menu.app.size());
        assertEquals(MEASURED_RUNS, launcher.app.size());
        assertEquals(MEMORY_ROUNDS, appRss.size());

        BenchReport.publish("package.md", report(appImageBytes, debBytes, rpm, installedBytes, archiveBytes,
                shipped, menu, launcher, bareRss, appRss));
    }

    /** The companion started by {@code start} as the start-up probe: it prints its first frame, then quits. */
    private static List<String> appProbe(Path start, Path work) throws IOException {
        return List.of(start.toString(), "--startup-probe", "--port", "0", "--home",
                Files.createTempDirectory(work, "app-home").toString());
    }

    /** One way of starting both, run after run: the bare stage's times and the companion's, in the same order. */
    private static final class Starts {
        final List<Long> bare = new ArrayList<>();
        final List<Long> app = new ArrayList<>();

        void add(boolean counted, long bareMillis, long appMillis) {
            if (counted) {
                bare.add(bareMillis);
                app.add(appMillis);
            }
        }

        long bareMedian() {
            return BenchJvms.median(bare);
        }

        long appMedian() {
            return BenchJvms.median(app);
        }

        double ratio() {
            return (double) appMedian() / bareMedian();
        }

        double pairedRatio() {
            return BenchJvms.pairedRatio(app, bare);
        }
    }

    private static String report(long appImageBytes, long debBytes, Optional<Path> rpm, long installedBytes,
                                 long archiveBytes, List<String> shipped, Starts menu, Starts launcher,
                                 List<Double> bareRss, List<Double> appRss) throws IOException {
        double bareMiB = BenchJvms.medianOf(bareRss);
        double appMiB = BenchJvms.medianOf(appRss);
        double rssRatio = appMiB / bareMiB;
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, String.join("%n",
                "# Package benchmark (%s; load when it ended: %s)",
                "",
                "MB = 1,000,000 bytes. JVM options of both launchers: %s, and each its own class-data-sharing archive.",
                "",
                "## Sizes",
                "| what | size | goal |",
                "|---|---|---|",
                "| app-image as built (target/dist/app: what one copies; no archive, it is made where it lies) | %.1f MB"
                        + " | <= 90 MB: %s |",
                "| .deb | %.1f MB | <= 45 MB: %s |",
                "%s",
                "| installed (/opt/callcard-companion, from the .deb) | %.1f MB | |",
                "| + the archive its post-install script makes there | %.1f MB | |",
                "",
                "## Start as the menu starts it (lib/menu-start.sh): process start -> first frame"
                        + " (%d runs after %d warm-up, alternating)",
                "| what | median | all runs (ms) |",
                "|---|---|---|",
                "| bare JavaFX stage, packaged the same way | %d ms | %s |",
                "| CallCard Companion, installed from the .deb | %d ms | %s |",
                "",
                "ratio companion / bare stage, of the medians: %.2f; median of paired runs: %.2f (goal <= 1.10: %s);"
                        + " companion's median %d ms (goal <= 600 ms: %s)",
                "",
                "## The same, started by jpackage's launcher in bin/ (as from a terminal), in the same rounds",
                "| what | median | all runs (ms) |",
                "|---|---|---|",
                "| bare JavaFX stage | %d ms | %s |",
                "| CallCard Companion | %d ms | %s |",
                "",
                "ratio %.2f (paired %.2f). The launcher asks rpm and dpkg which package owns it, twice per start"
                        + " (here: not owned, dpkg -x); the menu's start spares the companion %d ms, the stage %d ms.",
                "",
                "## Resident memory with a call on the card (%d rounds, both at once, read after %d s)",
                "| what | median | all rounds (MiB) |",
                "|---|---|---|",
                "| bare JavaFX stage, packaged the same way | %.0f MiB | %s |",
                "| CallCard Companion, installed, a call connected | %.0f MiB | %s |",
                "",
                "ratio companion / bare stage: %.2f (goal <= 1.10: %s)", ""),
                BenchJvms.displayMode(), loadAverage(), BenchJvms.describeLaunch(shipped),
                appImageBytes / (double) MB, met(appImageBytes <= 90 * MB),
                debBytes / (double) MB, met(debBytes <= 45 * MB),
                rpm.isPresent() ? String.format(Locale.ROOT, "| .rpm | %.1f MB | |", Files.size(rpm.get()) / (double) MB)
                        : "| .rpm | not built: no rpmbuild here | |",
                installedBytes / (double) MB, archiveBytes / (double) MB,
                MEASURED_RUNS, WARMUP_RUNS, menu.bareMedian(), menu.bare, menu.appMedian(), menu.app,
                menu.ratio(), menu.pairedRatio(), met(menu.ratio() <= 1.1), menu.appMedian(),
                met(menu.appMedian() <= 600),
                launcher.bareMedian(), launcher.bare, launcher.appMedian(), launcher.app, launcher.ratio(),
                launcher.pairedRatio(), launcher.appMedian() - menu.appMedian(),
                launcher.bareMedian() - menu.bareMedian(),
                MEMORY_ROUNDS, SETTLE.toSeconds(), bareMiB, rounded(bareRss), appMiB, rounded(appRss),
                rssRatio, met(rssRatio <= 1.1)));
        return out.toString();
    }

    /**
     * {@link BareStageProbe} as an app-image of its own: jpackage with the installed runtime, the launcher's JVM
     * options, and its archive made as the companion's is (a training run records its class list, then a dump).
     */
    private static Path bareStageAppImage(Path runtime, List<String> shipped, Path work)
            throws IOException, InterruptedException {
        Path input = Files.createDirectories(work.resolve("bare-input"));
        BenchJvms.bareJar(input.resolve("bare.jar"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jpackage")
                        .toString(), "--type", "app-image", "--name", "BareStage", "--runtime-image", runtime.toString(),
                "--input", input.toString(), "--main-jar", "bare.jar", "--main-class", BareStageProbe.class.getName(),
                "--dest", work.toString()));
        for (String option : shipped) {
            cmd.addAll(List.of("--java-options", option));
        }
        cmd.addAll(List.of("--java-options", "-XX:SharedArchiveFile=$APPDIR/bare.jsa"));
        run(cmd, Map.of());
        Path image = work.resolve("BareStage");
        Path app = image.resolve("lib/app");
        Path home = Files.createDirectories(work.resolve("training-home"));
        run(List.of(image.resolve("bin/BareStage").toString()), Map.of("HOME", home.toString(), "JAVA_TOOL_OPTIONS",
                "-XX:DumpLoadedClassList=" + app.resolve("bare.classlist") + " -Duser.home=" + home));
        run(List.of(image.resolve("lib/runtime/bin/java").toString(), "-Xshare:dump", "-XX:+UseSerialGC",
                "-XX:SharedClassListFile=" + app.resolve("bare.classlist"),
                "-XX:SharedArchiveFile=" + app.resolve("bare.jsa"), "-Xlog:cds=off", "-cp",
                app.resolve("bare.jar").toString()), Map.of());
        assertTrue(Files.size(app.resolve("bare.jsa")) > 0, "the bare stage's archive");
        // the menu's start, as the build puts it into the companion's app-image
        Path menuStart = Files.copy(Path.of("packaging/linux/menu-start.sh"), image.resolve("lib/menu-start.sh"));
        assertTrue(menuStart.toFile().setExecutable(true), "the bare stage's menu start");
        return image;
    }

    /** ms from process start to the line {@code FIRST_FRAME}; the program quits by itself after it. */
    private static long firstFrameMillis(List<String> command, Map<String, String> env)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        long start = System.nanoTime();
        Process p = pb.start();
        long frame = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (frame < 0 && line.equals("FIRST_FRAME")) {
                    frame = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                }
            }
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "did not quit: " + command);
        assertTrue(frame > 0, "no first frame from " + command + " (exit " + p.exitValue() + ")");
        return frame;
    }

    /** Starts both, waits, reads both resident sets at the same moment, stops both; MiB. */
    private static double[] residentTogether(List<String> bareCommand, List<String> appCommand,
                                             Map<String, String> env) throws IOException, InterruptedException {
        Process bare = start(bareCommand, env);
        Process app = start(appCommand, env);
        try {
            Thread.sleep(SETTLE.toMillis());
            assertTrue(bare.isAlive() && app.isAlive(), "a program ended before it was measured");
            return new double[] {FootprintBench.rssMiB(bare), FootprintBench.rssMiB(app)};
        } finally {
            stop(app);
            stop(bare);
        }
    }

    private static Process start(List<String> command, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        return pb.start();
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy(); // SIGTERM: the companion closes in order, as at a logout
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), () -> String.join(" ", command) + ":\n" + out);
    }

    private static Optional<Path> only(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(suffix)).findFirst();
        }
    }

    /** The bytes of every regular file under {@code dir}, as the package's contents count them. */
    private static long treeBytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private static String rounded(List<Double> values) {
        return String.join(", ", values.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList());
    }

    private static String met(boolean met) {
        return met ? "met" : "NOT met";
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }
}
