package io.callcard.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code application/x-www-form-urlencoded} text with PHP-style nested keys, both ways, as PHP fills {@code $_POST}
 * and as {@code http_build_query} writes it. Bitrix24 accepts this form on every REST method (a {@code batch}
 * command carries its parameters in it) and posts its events in it (protocol.md §4, §5):
 * {@code fields[PHONE][0][VALUE]=x} is {@code {"fields":{"PHONE":[{"VALUE":"x"}]}}}.
 *
 * <p>Decoding: {@code a[]} appends, a later value for the same key wins, a scalar in the way of a nested key is
 * replaced, unbalanced brackets end the key there, text inside brackets is taken verbatim (so filter keys such as
 * {@code FILTER[>=CALL_START_DATE]} survive), every leaf is a string, and a level whose keys are exactly 0..n-1 is an
 * array, as {@code json_encode} writes it. Keys may nest {@link #MAX_DEPTH} levels.
 *
 * <p>Percent escapes are read one of two ways: {@link #decode} refuses a broken escape, an unencoded non-ASCII
 * character or text that is not UTF-8 (what the companion receives is untrusted), while {@link #decodeAsPhp} keeps a
 * broken escape as typed, like PHP's {@code urldecode} (the sandbox answers as the portal would).
 */
public final class PhpForm {

    /** PHP's own default {@code max_input_nesting_level}; deeper keys are an attack, not a portal's post. */
    public static final int MAX_DEPTH = 64;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PhpForm() {
    }

    /** The tree for {@code form} (no leading {@code ?}); null or empty is an empty object. */
    public static ObjectNode decode(String form) {
        return decode(form, true);
    }

    /** Like {@link #decode}, but a malformed escape is kept as typed instead of refusing the form, as PHP does. */
    public static ObjectNode decodeAsPhp(String form) {
        return decode(form, false);
    }

    /**
     * The form's fields with their keys taken whole ({@code a[b]} stays one key), strictly decoded: what the widget's
     * handler form and the listener's query strings carry has no nested keys.
     */
    public static Map<String, String> decodeFlat(String form) {
        Map<String, String> fields = new LinkedHashMap<>();
        forEachPair(form, true, fields::put);
        return fields;
    }

    /**
     * The inverse, as {@code http_build_query} writes it: nested keys in brackets, list items by index, keys and values
     * percent-encoded (brackets too), nulls left out. Values may be {@link JsonNode}s, maps, iterables or scalars.
     */
    public static String encode(Map<String, ?> params) {
        StringBuilder out = new StringBuilder();
        params.forEach((key, value) -> encode(out, key, value));
        return out.toString();
    }

    /** {@link #encode(Map)} for a JSON object's fields. */
    public static String encode(JsonNode tree) {
        StringBuilder out = new StringBuilder();
        tree.fields().forEachRemaining(field -> encode(out, field.getKey(), field.getValue()));
        return out.toString();
    }

    private static void encode(StringBuilder out, String key, Object value) {
        if (value == null || value instanceof JsonNode node && node.isNull()) {
            return;
        }
        if (value instanceof JsonNode node && node.isObject()) {
            node.fields().forEachRemaining(field -> encode(out, key + "[" + field.getKey() + "]", field.getValue()));
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> encode(out, key + "[" + k + "]", v));
        } else if (value instanceof Iterable<?> list && !(value instanceof JsonNode node && node.isValueNode())) {
            int i = 0; // a list, or a JSON array (every JsonNode is Iterable, a text or a number over nothing)
            for (Object item : list) {
                encode(out, key + "[" + i++ + "]", item);
            }
        } else {
            if (out.length() > 0) {
                out.append('&');
            }
            String text = value instanceof JsonNode node ? node.asText() : String.valueOf(value);
            out.append(URLEncoder.encode(key, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(text, StandardCharsets.UTF_8));
        }
    }

    private static ObjectNode decode(String form, boolean strict) {
        ObjectNode root = NODES.objectNode();
        forEachPair(form, strict, (key, value) -> {
            List<String> path = keyPath(key);
            if (!path.isEmpty()) {
                put(root, path, value);
            }
        });
        return (ObjectNode) listify(root);
    }

    private interface PairSink {
        void accept(String key, String value);
    }

    private static void forEachPair(String form, boolean strict, PairSink sink) {
        if (form == null || form.isEmpty()) {
            return;
        }
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = unescape(eq < 0 ? pair : pair.substring(0, eq), strict);
            sink.accept(key, eq < 0 ? "" : unescape(pair.substring(eq + 1), strict));
        }
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
                throw malformed("form keys nest deeper than " + MAX_DEPTH + " levels");
            }
            at = close + 1;
        }
        return path;
    }

    /**
     * Percent escapes and {@code +} into text. Strict: a broken escape, a raw non-ASCII character or bytes that are not
     * UTF-8 refuse the form. Otherwise a broken escape stays as typed and bad bytes become U+FFFD, as in PHP.
     */
    static String unescape(String encoded, boolean strict) {
        byte[] out = new byte[encoded.length() * 3];
        int n = 0;
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            int hi = c == '%' && i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(encoded.charAt(i + 2), 16) : -1;
            if (c == '+') {
                out[n++] = ' ';
            } else if (c == '%' && lo >= 0) {
                out[n++] = (byte) (hi * 16 + lo);
                i += 2;
            } else if (strict && c == '%') {
                throw malformed("a percent escape is cut short or not hexadecimal");
            } else if (strict && c > 0x7f) {
                throw malformed("unencoded non-ASCII character");
            } else if (c <= 0x7f) {
                out[n++] = (byte) c;
            } else {
                int codePoint = encoded.codePointAt(i);
                byte[] utf8 = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(utf8, 0, out, n, utf8.length);
                n += utf8.length;
                i += Character.charCount(codePoint) - 1;
            }
        }
        try {
            CodingErrorAction onError = strict ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE;
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(onError).onUnmappableCharacter(onError)
                    .decode(ByteBuffer.wrap(out, 0, n)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw malformed("the form is not UTF-8");
        }
    }

    private static WireFormatException malformed(String message) {
        return new WireFormatException(WireFormatException.Problem.MALFORMED_FORM, message);
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
