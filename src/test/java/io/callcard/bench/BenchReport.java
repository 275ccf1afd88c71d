package io.callcard.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What every benchmark does with its figures: nearest-rank percentiles, and the report printed and kept. */
final class BenchReport {

    private BenchReport() {
    }

    /** Nearest rank over an array already sorted ascending. */
    static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** Nearest rank over values in any order. */
    static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /** Prints {@code report} and writes it to {@code target/bench/<file>}, where the README's figures come from. */
    static void publish(String file, String report) throws IOException {
        System.out.println(report);
        Path out = Path.of("target", "bench", file);
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
    }
}
