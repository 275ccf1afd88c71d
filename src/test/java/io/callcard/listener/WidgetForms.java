package io.callcard.listener;

import io.callcard.testing.BitrixExamples;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The documented CALL_CARD handler POST (examples/placement_call_card_handler_post.txt), split as the portal sends it. */
final class WidgetForms {

    static final Set<String> QUERY_KEYS = Set.of("DOMAIN", "PROTOCOL", "LANG", "APP_SID");
    static final String EXAMPLE_CALL_ID = "externalCall.c3ee67f1a63f6e6117c230ab59cc49ea.1723556778";

    private static final Pattern SESSION = Pattern.compile("data-session=\"([A-Za-z0-9_-]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private WidgetForms() {
    }

    private static final java.util.concurrent.atomic.AtomicLong LOADS = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Every field of the example, in its order; each call is another page load, so its AUTH_ID gets a suffix of its
     * own (the listener refuses the very same form twice: a replay). The suffix keeps the documented token's shape.
     */
    static Map<String, String> example() {
        Map<String, String> fields = BitrixExamples.handlerPost();
        fields.put("AUTH_ID", fields.get("AUTH_ID") + LOADS.incrementAndGet());
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

    /**
     * Opens the widget as the portal's browser does (the documented handler POST) on the listener at
     * {@code listenerBase} and returns the session token of the page it answers: what every bridge message needs.
     */
    static String openSession(URI listenerBase) throws IOException, InterruptedException {
        Map<String, String> fields = example();
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(listenerBase.resolve("widget/callcard?"
                        + query(fields)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body(fields))).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = SESSION.matcher(page.body());
        if (page.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("the widget POST answered " + page.statusCode() + " without a session");
        }
        return token.group(1);
    }

    /** {@code json} (an object) with {@code session} and {@code seq} added in front, as the bridge script sends it. */
    static String withSession(String json, String session, long seq) {
        if (!json.startsWith("{")) {
            return json;
        }
        return "{\"session\":\"" + session + "\",\"seq\":" + seq + (json.equals("{}") ? "}" : "," + json.substring(1));
    }
}
