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
import org.junit.jupiter.api.Test;

/**
 * What the first ControlsFX notification costs, the reason the window makes them lazily, after its first frame: a
 * fresh JVM per run ({@link NotificationsProbe}, on the companion's jar with its JavaFX and ControlsFX and the shipped
 * JVM options) shows two notifications one after the other, and the first is compared with the second. Reports
 * medians; asserts only that every run showed both.
 */
class NotificationsBench {

    private static final int RUNS = 5;

    @Test
    void firstNotificationAgainstTheSecond() throws Exception {
        assertTrue(Files.isRegularFile(BenchJvms.appJar()), "run with ./mvnw -Pbench verify (needs target/callcard.jar)");
        Path work = Files.createTempDirectory("callcard-notifications-bench");
        Path probeJar = BenchJvms.probeJar(work.resolve("probe.jar"), NotificationsProbe.class);
        String classPath = BenchJvms.appClassPath() + java.io.File.pathSeparator + probeJar;
        List<String> shipped = BenchJvms.shippedOptions();
        // [notification 1 or 2][create, show, on screen] -> one value per run
        List<List<List<Double>>> figures = List.of(
                List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()),
                List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
        for (int run = 0; run < RUNS; run++) {
            List<double[]> lines = run(BenchJvms.command(classPath, shipped,
                    List.of(NotificationsProbe.class.getName())));
            assertEquals(2, lines.size(), "both notifications shown in run " + run);
            for (int n = 0; n < 2; n++) {
                for (int step = 0; step < 3; step++) {
                    figures.get(n).get(step).add(lines.get(n)[step]);
                }
            }
        }
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, String.join("%n",
                "# ControlsFX notifications benchmark (%s, %d fresh JVMs, JVM options: %s)",
                "",
                "Timed on the FX thread after the window's first frame, ms (median; all runs).",
                "",
                "| notification | Notifications.create() | show() | create() -> popup showing and laid out |",
                "|---|---|---|---|", ""), BenchJvms.displayMode(), RUNS,
                shipped.isEmpty() ? "none" : String.join(" ", shipped)));
        for (int n = 0; n < 2; n++) {
            report.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", n == 0 ? "first" : "second",
                    cell(figures.get(n).get(0)), cell(figures.get(n).get(1)), cell(figures.get(n).get(2))));
        }
        report.append(String.format(Locale.ROOT, "%nThe first notification takes %.0f ms from create() until its popup"
                        + " is on screen, %.0f ms of it inside show() on the FX thread; the second %.0f ms: the window"
                        + " makes them after its first frame.%n",
                BenchJvms.medianOf(figures.get(0).get(2)), BenchJvms.medianOf(figures.get(0).get(1)),
                BenchJvms.medianOf(figures.get(1).get(2))));
        BenchReport.publish("notifications.md", report.toString());
    }

    private static String cell(List<Double> values) {
        List<String> all = new ArrayList<>();
        values.forEach(v -> all.add(String.format(Locale.ROOT, "%.1f", v)));
        return String.format(Locale.ROOT, "%.1f (%s)", BenchJvms.medianOf(values), String.join(", ", all));
    }

    /** One JVM; the figures of each NOTIFICATION line it printed. */
    private static List<double[]> run(List<String> command) throws IOException, InterruptedException {
        Process p = BenchJvms.launch(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<double[]> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("NOTIFICATION ")) {
                    String[] f = line.split(" ");
                    lines.add(new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                        Double.parseDouble(f[4])});
                }
            }
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the notifications probe did not exit");
        return lines;
    }
}
