package io.callcard.portal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Writes parameters as a PHP-style query string ({@code FILTER[>=CALL_START_DATE]=...&start=50}), the form a
 * {@code batch} command carries its parameters in. Maps nest as {@code key[sub]}, lists as {@code key[0]}.
 */
final class PhpQuery {

    private PhpQuery() {
    }

    static String encode(Map<String, ?> params) {
        StringJoiner query = new StringJoiner("&");
        params.forEach((key, value) -> add(query, key, value));
        return query.toString();
    }

    private static void add(StringJoiner query, String key, Object value) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> add(query, key + "[" + k + "]", v));
        } else if (value instanceof Iterable<?> list) {
            int i = 0;
            for (Object v : list) {
                add(query, key + "[" + i++ + "]", v);
            }
        } else {
            query.add(escape(key) + "=" + escape(value == null ? "" : String.valueOf(value)));
        }
    }

    private static String escape(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
