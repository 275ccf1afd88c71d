package io.callcard.app.cli;

import io.callcard.history.HistoryQuery;
import io.callcard.history.export.ExportFormat;
import io.callcard.history.export.ExportProgress;
import io.callcard.history.export.HistoryExporter;
import io.callcard.history.sqlite.SqliteCallHistory;
import io.callcard.ui.Messages;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code callcard history export}: the calls of a period (and a search) as CSV or JSON, newest first, to a file or to
 * standard output. A file appears whole or not at all: it is written beside, then moved into place.
 */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write the call history (or part of it) as CSV or JSON.")
public final class HistoryExportCommand implements Callable<Integer> {

    static final int DONE = 0;
    static final int FAILED = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    HomeAndLanguage where = new HomeAndLanguage();

    @CommandLine.Mixin
    HistoryFilter filter = new HistoryFilter();

    private ExportFormat format = ExportFormat.CSV;

    @Option(names = "--format", paramLabel = "csv|json", description = "File format (default csv).")
    void format(String value) {
        try {
            format = ExportFormat.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--format': " + e.getMessage());
        }
    }

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path out;

    /** Where the calls go when no --out is given: the process's standard output, or a test's. */
    OutputStream standardOutput = System.out;

    @Override
    public Integer call() {
        ZoneId zone = ZoneId.systemDefault();
        HistoryQuery query = filter.query(zone, spec.commandLine());
        Messages words = where.words();
        PrintWriter err = spec.commandLine().getErr();
        return HistoryFile.read(where.paths(), words, err, FAILED, history -> {
            try {
                long rows = out == null ? toStandardOutput(history, query, zone)
                        : toFile(history, query, zone, words, err);
                err.println(words.get("cli.history.exported", rows, out == null ? "-" : out.toAbsolutePath()));
                return DONE;
            } catch (IOException e) {
                err.println(words.get("cli.history.exportFailed", out == null ? "-" : out, e.getMessage()));
                return FAILED;
            }
        });
    }

    private long toStandardOutput(SqliteCallHistory history, HistoryQuery query, ZoneId zone) throws IOException {
        OutputStream stream = new BufferedOutputStream(standardOutput, 1 << 16);
        long rows = HistoryExporter.export(history, query, format, stream, ExportProgress.NONE, zone);
        stream.flush();
        return rows;
    }

    private long toFile(SqliteCallHistory history, HistoryQuery query, ZoneId zone, Messages words, PrintWriter err)
            throws IOException {
        Path target = out.toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        TenthsProgress progress = new TenthsProgress(err, words, "cli.history.exporting");
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
            long rows = HistoryExporter.export(history, query, format, stream, progress::done, zone);
            stream.close();
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return rows;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

}
