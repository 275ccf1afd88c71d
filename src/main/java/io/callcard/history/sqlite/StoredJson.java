package io.callcard.history.sqlite;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callcard.call.CrmRef;
import io.callcard.history.FactSource;
import io.callcard.history.HistoryBinding;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The two list-like facts of a call kept as JSON text in their columns: its bindings
 * ({@code [{"type":"CONTACT","id":5,"name":"Ivan Petrov"}]}) and where each fact came from
 * ({@code {"talkSeconds":"STATISTICS"}}). A value this companion no longer knows (a source or CRM type from a newer
 * one, read read-only) is skipped, never fatal.
 */
final class StoredJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StoredJson() {
    }

    static String bindings(List<HistoryBinding> bindings) {
        if (bindings.isEmpty()) {
            return "[]";
        }
        return written(json -> {
            json.writeStartArray();
            for (HistoryBinding binding : bindings) {
                json.writeStartObject();
                json.writeStringField("type", binding.ref().type().name());
                json.writeNumberField("id", binding.ref().id());
                if (binding.name() != null) {
                    json.writeStringField("name", binding.name());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }

    static List<HistoryBinding> bindings(String json) {
        List<HistoryBinding> bindings = new ArrayList<>();
        for (JsonNode item : read(json)) {
            CrmRef.of(item.path("type").asText(), item.path("id").asLong()).ifPresent(ref ->
                    bindings.add(new HistoryBinding(ref, item.hasNonNull("name") ? item.get("name").asText() : null)));
        }
        return bindings;
    }

    static String sources(Map<String, FactSource> sources) {
        if (sources.isEmpty()) {
            return "{}";
        }
        return written(json -> {
            json.writeStartObject();
            for (Map.Entry<String, FactSource> fact : new TreeMap<>(sources).entrySet()) {
                json.writeStringField(fact.getKey(), fact.getValue().name());
            }
            json.writeEndObject();
        });
    }

    static Map<String, FactSource> sources(String json) {
        Map<String, FactSource> sources = new HashMap<>();
        read(json).fields().forEachRemaining(entry -> {
            for (FactSource source : FactSource.values()) {
                if (source.name().equals(entry.getValue().asText())) {
                    sources.put(entry.getKey(), source);
                }
            }
        });
        return sources;
    }

    private interface Writing {
        void write(JsonGenerator json) throws IOException;
    }

    /** Written by the streaming generator: a page of calls is thousands of these, a tree each would cost. */
    private static String written(Writing writing) {
        StringWriter text = new StringWriter(64);
        try (JsonGenerator json = MAPPER.getFactory().createGenerator(text)) {
            writing.write(json);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible); // a StringWriter does not fail
        }
        return text.toString();
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException damaged) {
            return MAPPER.createObjectNode();
        }
    }
}
