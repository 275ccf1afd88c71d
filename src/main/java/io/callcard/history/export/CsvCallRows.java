package io.callcard.history.export;

import io.callcard.history.FactSource;
import io.callcard.history.HistoryBinding;
import io.callcard.history.HistoryCall;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 (comma, double quotes where needed, CRLF), UTF-8 without a byte-order mark, one header row of
 * {@link ExportColumn} names. Every value is written as the text it is (a number keeps its {@code +} and zeros);
 * unknown values are empty cells; bindings read {@code CONTACT:12;COMPANY:4}, sources {@code talkSeconds=STATISTICS}.
 */
final class CsvCallRows implements CallRows {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader(headers())
            .setSkipHeaderRecord(false)
            .get();

    private static final ExportColumn[] COLUMNS = ExportColumn.values();

    /**
     * The row being printed: the printer writes a cell a character at a time, and each character through the file's
     * writer would take its lock (measured: most of the export's time); a row is handed to the writer whole.
     */
    private final StringBuilder row = new StringBuilder(512);
    private final CSVPrinter printer;
    private final Writer writer;
    private final ZoneId zone;
    /** The last sources cell written, and what it said: most calls' sources read alike. */
    private Map<String, FactSource> lastSources;
    private String lastSourcesCell;

    CsvCallRows(OutputStream out, ZoneId zone) throws IOException {
        this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        this.printer = new CSVPrinter(row, FORMAT); // prints the header into the row
        this.zone = zone;
    }

    @Override
    public void begin() throws IOException {
        handOver(); // the header
    }

    @Override
    public void write(HistoryCall call) throws IOException {
        for (ExportColumn column : COLUMNS) {
            printer.print(cell(column.valueOf(call, zone)));
        }
        printer.println();
        handOver();
    }

    @Override
    public void end() throws IOException {
        handOver();
        writer.flush();
    }

    private void handOver() throws IOException {
        writer.append(row);
        row.setLength(0);
    }

    @SuppressWarnings("unchecked")
    private String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return bindings((List<HistoryBinding>) list);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, FactSource> sources = (Map<String, FactSource>) map;
            if (!sources.equals(lastSources)) {
                lastSources = sources;
                lastSourcesCell = sources(sources);
            }
            return lastSourcesCell;
        }
        return FormulaGuard.guard(value.toString());
    }

    private static String bindings(List<HistoryBinding> bindings) {
        StringBuilder cell = new StringBuilder(bindings.size() * 16);
        for (HistoryBinding binding : bindings) {
            if (cell.length() > 0) {
                cell.append(';');
            }
            cell.append(binding.ref().type().name()).append(':').append(binding.ref().id());
        }
        return cell.toString();
    }

    private static String sources(Map<String, FactSource> sources) {
        String[] facts = sources.keySet().toArray(new String[0]);
        Arrays.sort(facts);
        StringBuilder cell = new StringBuilder(facts.length * 24);
        for (String fact : facts) {
            if (cell.length() > 0) {
                cell.append(';');
            }
            cell.append(fact).append('=').append(sources.get(fact).name());
        }
        return cell.toString();
    }

    private static String[] headers() {
        ExportColumn[] columns = ExportColumn.values();
        String[] headers = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            headers[i] = columns[i].header();
        }
        return headers;
    }
}
