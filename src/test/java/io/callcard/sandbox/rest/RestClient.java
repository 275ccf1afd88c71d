package io.callcard.sandbox.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Plain java.net.http requests to the sandbox, as curl would send them; answers parsed leniently. */
final class RestClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** One answer: status, raw text, and the JSON tree (null when the body is not JSON). */
    record Answer(int status, String text, JsonNode json) {
        String error() {
            return json.path("error").asText(null);
        }

        String description() {
            return json.path("error_description").asText(null);
        }

        JsonNode result() {
            return json.get("result");
        }
    }

    Answer postJson(String url, String body) throws IOException, InterruptedException {
        return send(post(url, "application/json", body));
    }

    Answer postForm(String url, String body) throws IOException, InterruptedException {
        return send(post(url, "application/x-www-form-urlencoded", body));
    }

    Answer get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json").GET().build());
    }

    CompletableFuture<Answer> postJsonAsync(String url, String body) {
        return http.sendAsync(post(url, "application/json", body), HttpResponse.BodyHandlers.ofString())
                .thenApply(RestClient::answer);
    }

    private static HttpRequest post(String url, String contentType, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        return answer(http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    private static Answer answer(HttpResponse<String> response) {
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (IOException notJson) {
            json = null;
        }
        return new Answer(response.statusCode(), response.body(), json);
    }
}
