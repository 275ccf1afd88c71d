package io.callcard.listener;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callcard.wire.PhpForm;
import io.callcard.testing.BitrixExamples;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Posting portal-side events to a running listener, for the route tests: the documented example, re-signed with a
 * chosen token, sent as Bitrix24 sends it (form-encoded by the sandbox's own PHP-style encoder) or as JSON.
 */
final class EventPosts {

    /** The {@code application_token} of {@code examples/event_onvoximplantcallend.jsonc}. */
    static final String EXAMPLE_TOKEN = "51610fefc120afg4b628cc82d6298cce";
    /** The example's CALL_ID. */
    static final String EXAMPLE_CALL = "externalCall.7b0c7de811455ef32b18dc5917e4306a.1773239327";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private EventPosts() {
    }

    /** The documented ONVOXIMPLANTCALLEND post, as it came. */
    static ObjectNode exampleEnd() {
        return (ObjectNode) BitrixExamples.json("event_onvoximplantcallend.jsonc");
    }

    /** The INIT that would have come before the example's END: the same call, outgoing, the same number. */
    static ObjectNode exampleInit() {
        ObjectNode init = exampleEnd();
        init.put("event", "ONVOXIMPLANTCALLINIT");
        ObjectNode data = init.putObject("data");
        data.put("CALL_ID", EXAMPLE_CALL).put("CALL_TYPE", "1").put("PHONE_NUMBER", "+499061234567")
                .put("CALLER_ID", "REST_APP:");
        return init;
    }

    /** {@code post} with another {@code auth[application_token]}, or none for null. */
    static ObjectNode signedWith(ObjectNode post, String token) {
        ObjectNode copy = post.deepCopy();
        ObjectNode auth = (ObjectNode) copy.get("auth");
        if (token == null) {
            auth.remove("application_token");
        } else {
            auth.put("application_token", token);
        }
        return copy;
    }

    static String form(JsonNode post) {
        return PhpForm.encode(post);
    }

    static HttpResponse<String> postForm(URI uri, JsonNode post) throws IOException, InterruptedException {
        return post(uri, "application/x-www-form-urlencoded", form(post));
    }

    static HttpResponse<String> postJson(URI uri, JsonNode post) throws IOException, InterruptedException {
        return post(uri, "application/json", post.toString());
    }

    static HttpResponse<String> post(URI uri, String contentType, String body)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(String text) throws IOException {
        return BitrixExamples.MAPPER.readTree(text);
    }
}
