package io.callcard.listener;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code application/x-www-form-urlencoded} with PHP-style nested keys into a JSON tree, as PHP fills {@code $_POST}
 * from what Bitrix24 posts to event handlers (PROTOCOL.md §5): {@code data[CALL_ID]=x&auth[application_token]=t}
 * becomes {@code {"data":{"CALL_ID":"x"},"auth":{"application_token":"t"}}}. {@code a[]} appends, a later value for
 * the same key wins, a level whose keys are exactly 0..n-1 becomes an array, and every leaf is a string. Percent
 * escapes are decoded by {@link FormData#decode}, so a broken escape or non-UTF-8 text refuses the whole form.
 *
 * <p>(The sandbox's {@code PhpForm} speaks the same format from the portal's side; the listener may not import the
 * sandbox, which reaches the companion only over HTTP.)
 */
final class NestedFormData {

    /** PHP's own default {@code max_input_nesting_level}; deeper keys are an attack, not a portal's post. */
    static final int MAX_DEPTH = 64;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private NestedFormData() {
    }

    static ObjectNode parse(String raw) {
        ObjectNode root = NODES.objectNode();
        if (raw == null || raw.isEmpty()) {
            return root;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            List<String> path = keyPath(FormData.decode(eq < 0 ? pair : pair.substring(0, eq)));
            if (!path.isEmpty()) {
                put(root, path, eq < 0 ? "" : FormData.decode(pair.substring(eq + 1)));
            }
        }
        return (ObjectNode) listify(root);
    }

    /** {@code a[b][]} is {@code [a, b, ""]}; unbalanced brackets end the path there, as in PHP. */
    static List<String> keyPath(String key) {
        List<String> path = new ArrayList<>();
        int open = key.indexOf('[');
        if (open <= 0) {
            if (!key.isEmpty()) {
                path.add(key);
            }
            return path;
        }
        path.add(key.substring(0, open));
        int at = open;
        while (at < key.length() && key.charAt(at) == '[') {
            int close = key.indexOf(']', at);
            if (close < 0) {
                break;
            }
            path.add(key.substring(at + 1, close));
            if (path.size() > MAX_DEPTH) {
                throw WidgetRejections.invalidForm("form keys nest deeper than " + MAX_DEPTH + " levels");
            }
            at = close + 1;
        }
        return path;
    }

    private static void put(ObjectNode root, List<String> path, String value) {
        ObjectNode level = root;
        for (int i = 0; i < path.size() - 1; i++) {
            String name = segment(level, path.get(i));
            JsonNode next = level.get(name);
            if (!(next instanceof ObjectNode)) {
                next = level.putObject(name); // a scalar in the way is replaced, as in PHP
            }
            level = (ObjectNode) next;
        }
        level.put(segment(level, path.get(path.size() - 1)), value);
    }

    /** An empty segment ({@code []}) appends: the next integer key after the largest one so far. */
    private static String segment(ObjectNode level, String name) {
        if (!name.isEmpty()) {
            return name;
        }
        long next = 0;
        for (Iterator<String> names = level.fieldNames(); names.hasNext(); ) {
            String existing = names.next();
            if (existing.matches("\\d{1,9}")) {
                next = Math.max(next, Long.parseLong(existing) + 1);
            }
        }
        return Long.toString(next);
    }

    private static JsonNode listify(JsonNode node) {
        if (!(node instanceof ObjectNode object)) {
            return node;
        }
        boolean sequential = object.size() > 0;
        int index = 0;
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            field.setValue(listify(field.getValue()));
            sequential &= field.getKey().equals(Integer.toString(index++));
        }
        if (!sequential) {
            return object;
        }
        ArrayNode array = NODES.arrayNode();
        object.elements().forEachRemaining(array::add);
        return array;
    }
}
