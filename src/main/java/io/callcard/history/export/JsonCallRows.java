package io.callcard.history.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import io.callcard.history.FactSource;
import io.callcard.history.HistoryBinding;
import io.callcard.history.HistoryCall;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One JSON array, UTF-8, one call object per line (so {@code grep} and a diff read it too), written by Jackson's
 * streaming generator: nothing but the current call in memory. Keys are the {@link ExportColumn} names; unknown values
 * are {@code null}; numbers, codes and costs are strings, counts ({@code talk_seconds}) are numbers; bindings are an
 * array of {@code {"type","id","name"}}, sources an object of fact name to source.
 */
final class JsonCallRows implements CallRows {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final JsonGenerator json;
    private final ZoneId zone;

    JsonCallRows(OutputStream out, ZoneId zone) throws IOException {
        this.json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        this.json.setPrettyPrinter(new OneCallPerLine());
        this.zone = zone;
    }

    @Override
    public void begin() throws IOException {
        json.writeStartArray();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void write(HistoryCall call) throws IOException {
        json.writeStartObject();
        for (ExportColumn column : ExportColumn.values()) {
            Object value = column.valueOf(call, zone);
            json.writeFieldName(column.header());
            if (value == null) {
                json.writeNull();
            } else if (value instanceof Long number) {
                json.writeNumber(number);
            } else if (value instanceof Boolean flag) {
                json.writeBoolean(flag);
            } else if (value instanceof List<?> list) {
                bindings((List<HistoryBinding>) list);
            } else if (value instanceof Map<?, ?> map) {
                sources((Map<String, FactSource>) map);
            } else {
                json.writeString(value.toString());
            }
        }
        json.writeEndObject();
    }

    @Override
    public void end() throws IOException {
        json.writeEndArray();
        json.writeRaw('\n');
        json.flush();
    }

    private void bindings(List<HistoryBinding> bindings) throws IOException {
        json.writeStartArray();
        for (HistoryBinding binding : bindings) {
            json.writeStartObject();
            json.writeStringField("type", binding.ref().type().name());
            json.writeNumberField("id", binding.ref().id());
            json.writeStringField("name", binding.name());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private void sources(Map<String, FactSource> sources) throws IOException {
        json.writeStartObject();
        for (Map.Entry<String, FactSource> source : new TreeMap<>(sources).entrySet()) {
            json.writeStringField(source.getKey(), source.getValue().name());
        }
        json.writeEndObject();
    }

    /** Compact, but the outer array breaks its line before each call and before its end. */
    private static final class OneCallPerLine extends MinimalPrettyPrinter {

        private static final long serialVersionUID = 1L;

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            if (g.getOutputContext().getParent().inRoot()) {
                g.writeRaw('\n');
            }
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            if (g.getOutputContext().getParent().inRoot()) {
                g.writeRaw('\n');
            }
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            if (g.getOutputContext().getParent().inRoot() && nrOfValues > 0) {
                g.writeRaw('\n');
            }
            g.writeRaw(']');
        }
    }
}
