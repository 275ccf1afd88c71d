package io.callcard.history.recorder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callcard.call.CallEvent;
import io.callcard.call.CallerNumber;
import io.callcard.call.CrmNames;
import io.callcard.call.CrmRef;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;

/**
 * What a timeline entry keeps of an event: its fields as compact JSON, by the names the call domain gives them
 * ({@code {"callId":"X","state":"CONNECTED"}}). Events carry no secrets (tokens and signatures stop at the listener),
 * so every field is kept; times as ISO-8601, durations in whole seconds, a CRM item as {@code "CONTACT 42"}, a number
 * as dialled (or {@code "hidden"}, {@code "unknown"}). The event's time and kind are the entry's own columns.
 */
final class TimelinePayloads {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TimelinePayloads() {
    }

    static String of(CallEvent event) {
        return fields((Record) event, "at").toString(); // every CallEvent is a record
    }

    private static ObjectNode fields(Record record, String skipped) {
        ObjectNode node = NODES.objectNode();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getName().equals(skipped)) {
                continue;
            }
            Object value = read(component, record);
            if (value != null) {
                node.set(component.getName(), json(value));
            }
        }
        return node;
    }

    private static JsonNode json(Object value) {
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Long || value instanceof Integer) {
            return NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof Duration d) {
            return NODES.numberNode(d.getSeconds());
        }
        if (value instanceof CrmNames names) {
            ObjectNode named = NODES.objectNode();
            names.names().forEach((ref, name) -> named.put(ref.toString(), name));
            return named;
        }
        if (value instanceof Collection<?> items) {
            var array = NODES.arrayNode();
            items.forEach(item -> array.add(json(item)));
            return array;
        }
        if (value instanceof Map<?, ?> || value instanceof CallerNumber || value instanceof CrmRef
                || value instanceof Instant || value instanceof OffsetDateTime || value instanceof Enum<?>) {
            return NODES.textNode(value.toString());
        }
        if (value instanceof Record nested) {
            return fields(nested, null);
        }
        return NODES.textNode(value.toString());
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of an event", e);
        }
    }
}
