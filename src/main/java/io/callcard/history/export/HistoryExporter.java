package io.callcard.history.export;

import io.callcard.history.CallHistory;
import io.callcard.history.HistoryCall;
import io.callcard.history.HistoryQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Writes the calls a query matches, in its order, to a stream as CSV or JSON: what the history pane's export button
 * and {@code callcard history export} do. Streams from {@link CallHistory#forEach}, one call at a time, so the size of
 * the history does not matter to memory. Runs on the calling thread (the pane calls it off the FX thread).
 */
public final class HistoryExporter {

    /** How often progress is told: often enough for a smooth bar, rarely enough to cost nothing. */
    static final int PROGRESS_EVERY = 500;

    private HistoryExporter() {
    }

    /** {@link #export(CallHistory, HistoryQuery, ExportFormat, OutputStream, ExportProgress, ZoneId)} in this
     * computer's time zone. */
    public static long export(CallHistory history, HistoryQuery query, ExportFormat format, OutputStream out,
            ExportProgress progress) throws IOException {
        return export(history, query, format, out, progress, ZoneId.systemDefault());
    }

    /**
     * Writes the query's calls to {@code out} (flushed, not closed: the caller owns it), times with the offset of
     * {@code zone}. Returns how many calls were written; when {@code progress} cancels, stops after the current call
     * and ends the document, so the output is well-formed with the calls written so far.
     *
     * @throws IOException when {@code out} fails; the history's own problems come as
     *                     {@link io.callcard.history.HistoryProblem}
     */
    public static long export(CallHistory history, HistoryQuery query, ExportFormat format, OutputStream out,
            ExportProgress progress, ZoneId zone) throws IOException {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(zone, "zone");
        CallRows rows = switch (Objects.requireNonNull(format, "format")) {
            case CSV -> new CsvCallRows(out, zone);
            case JSON -> new JsonCallRows(out, zone);
        };
        long total = history.count(query);
        progress.rowsDone(0, total);
        rows.begin();
        long[] written = {0};
        try {
            history.forEach(query, call -> {
                if (progress.cancelled()) {
                    return false;
                }
                writeOne(rows, call);
                written[0]++;
                if (written[0] % PROGRESS_EVERY == 0) {
                    progress.rowsDone(written[0], Math.max(total, written[0]));
                }
                return true;
            });
        } catch (UncheckedIOException failed) {
            throw failed.getCause();
        }
        rows.end();
        progress.rowsDone(written[0], Math.max(total, written[0]));
        return written[0];
    }

    private static void writeOne(CallRows rows, HistoryCall call) {
        try {
            rows.write(call);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed); // out of forEach's callback, rethrown as the IOException it was
        }
    }
}
