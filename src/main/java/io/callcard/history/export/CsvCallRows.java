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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
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

    private final CSVPrinter printer;
    private final ZoneId zone;
    private final List<Object> cells = new ArrayList<>(ExportColumn.values().length);

    CsvCallRows(OutputStream out, ZoneId zone) throws IOException {
        this.printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                1 << 16), FORMAT);
        this.zone = zone;
    }

    @Override
    public void begin() {
        // the header is printed by the format, as the printer opens
    }

    @Override
    public void write(HistoryCall call) throws IOException {
        cells.clear();
        for (ExportColumn column : ExportColumn.values()) {
            cells.add(cell(column.valueOf(call, zone)));
        }
        printer.printRecord(cells);
    }

    @Override
    public void end() throws IOException {
        printer.flush();
    }

    @SuppressWarnings("unchecked")
    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return ((List<HistoryBinding>) list).stream().map(b -> b.ref().type().name() + ":" + b.ref().id())
                    .collect(Collectors.joining(";"));
        }
        if (value instanceof Map<?, ?> map) {
            return new TreeMap<>((Map<String, FactSource>) map).entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue().name()).collect(Collectors.joining(";"));
        }
        return FormulaGuard.guard(value.toString());
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
