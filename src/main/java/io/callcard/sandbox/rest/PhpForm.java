package io.callcard.sandbox.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Decodes (and encodes) {@code application/x-www-form-urlencoded} text with PHP-style nested keys into a JSON tree, the way PHP
 * fills {@code $_POST}: {@code fields[PHONE][0][VALUE]=x} becomes {@code {"fields":{"PHONE":[{"VALUE":"x"}]}}},
 * {@code a[]=1&a[]=2} appends, and a later value for the same key wins. Bitrix24 accepts this form on every REST method
 * and posts its events in it (PROTOCOL.md §4, §5), so the sandbox decodes both with this one class.
 *
 * <p>Like PHP's {@code json_encode}, a level whose keys are exactly 0..n-1 comes out as an array; any other level is an
 * object. Every leaf is a string, as PHP sees it. Text inside brackets is taken verbatim, so filter keys such as
 * {@code FILTER[>=CALL_START_DATE]} survive.
 */
public final class PhpForm {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PhpForm() {
    }

    /** The tree for {@code encoded} (no leading {@code ?}); an empty or null string gives an empty object. */
    public static ObjectNode decode(String encoded) {
        ObjectNode root = NODES.objectNode();
        if (encoded == null || encoded.isEmpty()) {
            return root;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String rawKey = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : urldecode(pair.substring(eq + 1));
            List<String> path = keyPath(urldecode(rawKey));
            if (!path.isEmpty()) {
                put(root, path, value);
            }
        }
        return (ObjectNode) listify(root);
    }

    /**
     * The inverse, as PHP's {@code http_build_query} writes it: nested keys in brackets, list items by index, keys and
     * values percent-encoded (brackets too), nulls left out. Bitrix24 posts its events in this form.
     */
    public static String encode(JsonNode tree) {
        StringBuilder out = new StringBuilder();
        tree.fields().forEachRemaining(field -> encode(out, field.getKey(), field.getValue()));
        return out.toString();
    }

    private static void encode(StringBuilder out, String key, JsonNode value) {
        if (value == null || value.isNull()) {
            return;
        }
        if (value.isObject()) {
            value.fields().forEachRemaining(field -> encode(out, key + "[" + field.getKey() + "]", field.getValue()));
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                encode(out, key + "[" + i + "]", value.get(i));
            }
        } else {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(URLEncoder.encode(key, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value.asText(), StandardCharsets.UTF_8));
        }
    }

    /** Like PHP's {@code urldecode}: a malformed {@code %} sequence is kept as typed instead of failing the request. */
    static String urldecode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw.replace('+', ' ');
        }
    }

    /** {@code a[b][]} → {@code [a, b, ""]}; a key with unbalanced brackets is taken whole, as PHP does with the rest. */
    static List<String> keyPath(String key) {
        List<String> path = new ArrayList<>();
        int open = key.indexOf('[');
        if (open <= 0) {
            path.add(key);
            return key.isEmpty() ? List.of() : path;
        }
        path.add(key.substring(0, open));
        int at = open;
        while (at < key.length() && key.charAt(at) == '[') {
            int close = key.indexOf(']', at);
            if (close < 0) {
                break;
            }
            path.add(key.substring(at + 1, close));
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
        int next = 0;
        for (Iterator<String> names = level.fieldNames(); names.hasNext(); ) {
            String existing = names.next();
            if (existing.matches("\\d{1,9}")) {
                next = Math.max(next, Integer.parseInt(existing) + 1);
            }
        }
        return Integer.toString(next);
    }

    private static JsonNode listify(JsonNode node) {
        if (!(node instanceof ObjectNode)) {
            return node;
        }
        ObjectNode object = (ObjectNode) node;
        boolean sequential = object.size() > 0;
        int index = 0;
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); index++) {
            Map.Entry<String, JsonNode> field = fields.next();
            field.setValue(listify(field.getValue()));
            sequential &= field.getKey().equals(Integer.toString(index));
        }
        if (!sequential) {
            return object;
        }
        ArrayNode array = NODES.arrayNode();
        object.elements().forEachRemaining(array::add);
        return array;
    }
}
