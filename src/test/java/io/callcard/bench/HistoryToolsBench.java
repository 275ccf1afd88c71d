package io.callcard.bench;

import io.callcard.app.history.SeededHistory;
import io.callcard.history.HistoryCall;
import io.callcard.history.HistoryQuery;
import io.callcard.history.export.ExportFormat;
import io.callcard.history.export.ExportProgress;
import io.callcard.history.export.HistoryExporter;
import io.callcard.history.sqlite.SqliteCallHistory;
import io.callcard.sandbox.SeededCalls;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The history tools at scale (issue 13): {@code callcard sandbox seed} writing {@code bench.seed.calls} calls (default
 * 1,000,000, goal at most 60 s; the seeder's own path, {@link SeededHistory#seed}, a bulk load whose search index is
 * built once at its end, included in the time), and the export of the newest {@code bench.export.rows} of them (default 100,000, goal
 * at most 2 s) to a file as CSV and as JSON. Baselines in the same run: making the same calls without storing them
 * (what seeding costs beyond the store), and reading the same rows from the store without writing them (what export
 * costs beyond the query). Medians of three export runs after one warm-up. Reported, not asserted: the machine is
 * shared.
 */
class HistoryToolsBench {

    private static final long CALLS = Long.getLong("bench.seed.calls", 1_000_000);
    private static final int EXPORT_ROWS = Integer.getInteger("bench.export.rows", 100_000);
    private static final long SEED = 11;
    private static final Instant UNTIL = Instant.parse("2026-12-04T18:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
    private static final int DAYS = 365;

    @Test
    void seedThenExport() throws Exception {
        String load = loadAverage();
        Path folder = Files.createTempDirectory("history-tools-bench");
        Path file = folder.resolve("history.db");
        SeededCalls calls = new SeededCalls(SEED, DAYS, UNTIL, ZONE);

        long[] sink = {0};
        long generateStart = System.nanoTime();
        calls.generate(CALLS, call -> sink[0] += SeededHistory.record(SEED, call).key().length()
                + SeededHistory.timeline(call).size());
        double generateSeconds = (System.nanoTime() - generateStart) / 1e9;

        double seedSeconds;
        try (SqliteCallHistory history = SqliteCallHistory.open(file)) {
            long seedStart = System.nanoTime();
            SeededHistory.seed(history, SEED, calls, CALLS, stored -> { });
            seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        }

        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "History tools bench (%,d calls over %d days, file %.0f MB),"
                + " load average at the start %s%n", CALLS, DAYS, Files.size(file) / 1e6, load));
        report.append(String.format(Locale.ROOT,
                "seed:     %6.1f s (%,.0f calls/s)   baseline, making the calls and their records only: %.1f s;"
                        + " goal <= 60 s: %s%n", seedSeconds, CALLS / seedSeconds, generateSeconds,
                met(seedSeconds <= 60)));

        try (SqliteCallHistory history = SqliteCallHistory.open(file)) {
            HistoryCall newest = history.page(HistoryQuery.ALL, EXPORT_ROWS - 1L, 1).get(0);
            HistoryQuery newestRows = HistoryQuery.ALL.withRange(newest.firstHeard(), null);
            long rows = history.count(newestRows);
            double read = median(() -> history.forEach(newestRows, call -> {
                sink[0] += call.key().length();
                return true;
            }));
            double csv = median(() -> exportTo(history, newestRows, ExportFormat.CSV, folder.resolve("out.csv")));
            double json = median(() -> exportTo(history, newestRows, ExportFormat.JSON, folder.resolve("out.json")));
            report.append(String.format(Locale.ROOT, "export of the newest %,d rows (median of 3):%n", rows));
            report.append(String.format(Locale.ROOT, "  baseline, reading them:  %6.0f ms%n", read));
            report.append(String.format(Locale.ROOT, "  CSV:                     %6.0f ms (%.1fx the read, %.1f MB);"
                    + " goal <= 2000 ms: %s%n", csv, csv / read, Files.size(folder.resolve("out.csv")) / 1e6,
                    met(csv <= 2000)));
            report.append(String.format(Locale.ROOT, "  JSON:                    %6.0f ms (%.1fx the read, %.1f MB);"
                    + " goal <= 2000 ms: %s%n", json, json / read, Files.size(folder.resolve("out.json")) / 1e6,
                    met(json <= 2000)));
        }
        report.append("load average at the end ").append(loadAverage()).append('\n');
        report.append("(checksum ").append(sink[0]).append(")\n");
        BenchReport.publish("history-tools.txt", report.toString());
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static String met(boolean met) {
        return met ? "met" : "NOT met";
    }

    /** The machine's load (1, 5, 15 minutes), to read the figures by: the machine is shared. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException | RuntimeException unknown) {
            return "unknown";
        }
    }

    private interface Run {
        void run() throws Exception;
    }

    /** Milliseconds: one warm-up, then the median of three. */
    private static double median(Run run) throws Exception {
        run.run();
        double[] times = new double[3];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            run.run();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        java.util.Arrays.sort(times);
        return times[1];
    }

    private static void exportTo(SqliteCallHistory history, HistoryQuery query, ExportFormat format, Path out)
            throws Exception {
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            HistoryExporter.export(history, query, format, stream, ExportProgress.NONE, ZONE);
        }
    }
}
