package io.callcard.testing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The portal's telephony events as Bitrix24 posts them to {@code /bitrix/events} (JSON form of the same tree), signed
 * with an application token: for the recorder's tests over the real listener and for the kill test's stream.
 */
public final class ServerEventPosts {

    public static final String TOKEN = "recorder-test-application-token";
    public static final String PATH = "/bitrix/events";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final URI events;

    public ServerEventPosts(URI events) {
        this.events = events;
    }

    /** An incoming call from {@code caller} rings ({@code CALL_TYPE} 2: the caller is CALLER_ID). */
    public int init(String callId, String caller) throws IOException, InterruptedException {
        ObjectNode data = data(callId).put("CALL_TYPE", "2").put("CALLER_ID", caller).put("PHONE_NUMBER", "reg1");
        return post("ONVOXIMPLANTCALLINIT", data);
    }

    public int start(String callId) throws IOException, InterruptedException {
        return post("ONVOXIMPLANTCALLSTART", data(callId).put("USER_ID", "1"));
    }

    public int end(String callId, String caller, int talkedSeconds, String code) throws IOException, InterruptedException {
        ObjectNode data = data(callId).put("CALL_TYPE", "2").put("PHONE_NUMBER", caller)
                .put("CALL_DURATION", String.valueOf(talkedSeconds)).put("CALL_FAILED_CODE", code);
        return post("ONVOXIMPLANTCALLEND", data);
    }

    private static ObjectNode data(String callId) {
        return JsonNodeFactory.instance.objectNode().put("CALL_ID", callId);
    }

    /** Posts the event; returns the listener's status code. */
    private int post(String event, ObjectNode data) throws IOException, InterruptedException {
        ObjectNode post = JsonNodeFactory.instance.objectNode().put("event", event);
        post.set("data", data);
        post.putObject("auth").put("application_token", TOKEN);
        HttpRequest request = HttpRequest.newBuilder(events).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(post.toString())).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
