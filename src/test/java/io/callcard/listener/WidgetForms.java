package io.callcard.listener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The documented CALL_CARD handler POST (examples/placement_call_card_handler_post.txt), split as the portal sends it. */
final class WidgetForms {

    static final Set<String> QUERY_KEYS = Set.of("DOMAIN", "PROTOCOL", "LANG", "APP_SID");
    static final String EXAMPLE_CALL_ID = "externalCall.c3ee67f1a63f6e6117c230ab59cc49ea.1723556778";

    private static final Pattern LINE = Pattern.compile("^\\s*\\[([A-Za-z_]+)\\] => (.*)$");

    private WidgetForms() {
    }

    /** Every field of the example, in its order. */
    static Map<String, String> example() {
        Map<String, String> fields = new LinkedHashMap<>();
        String text;
        try {
            text = Files.readString(Path.of("..", "shared", "bitrix24", "examples",
                    "placement_call_card_handler_post.txt"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String line : text.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                fields.put(m.group(1), m.group(2).trim());
            }
        }
        return fields;
    }

    static String query(Map<String, String> fields) {
        Map<String, String> query = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (QUERY_KEYS.contains(k)) {
                query.put(k, v);
            }
        });
        return encode(query);
    }

    static String body(Map<String, String> fields) {
        Map<String, String> body = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (!QUERY_KEYS.contains(k)) {
                body.put(k, v);
            }
        });
        return encode(body);
    }

    static String encode(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return out.toString();
    }
}
