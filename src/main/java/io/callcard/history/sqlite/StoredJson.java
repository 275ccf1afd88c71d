package io.callcard.history.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callcard.call.CrmRef;
import io.callcard.history.FactSource;
import io.callcard.history.HistoryBinding;
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
        ArrayNode array = MAPPER.createArrayNode();
        for (HistoryBinding binding : bindings) {
            ObjectNode item = array.addObject();
            item.put("type", binding.ref().type().name());
            item.put("id", binding.ref().id());
            if (binding.name() != null) {
                item.put("name", binding.name());
            }
        }
        return array.toString();
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
        ObjectNode object = MAPPER.createObjectNode();
        new TreeMap<>(sources).forEach((fact, source) -> object.put(fact, source.name()));
        return object.toString();
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

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException damaged) {
            return MAPPER.createObjectNode();
        }
    }
}
