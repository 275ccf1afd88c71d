package io.callcard.app.cli;

import static io.callcard.testing.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallEvent;
import io.callcard.listener.ListenerConfig;
import io.callcard.testing.Eventually;
import io.callcard.testing.ListenerFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code callcard sandbox serve}, then the seed page's own curl request against what it printed. */
class SandboxServeCommandTest {

    private static final Pattern WEBHOOK = Pattern.compile("Webhook URL:\\s+(\\S+)");
    private static final Pattern ACCESS = Pattern.compile("Access token:\\s+(\\S+)");
    private static final Pattern APPLICATION_TOKEN = Pattern.compile("Application token:\\s+(\\S+)");

    /** Starts the command in the background and returns the webhook URL it printed. */
    private static String serve(SandboxServeCommand command, StringWriter out, String... args) throws Exception {
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        CompletableFuture.runAsync(() -> cli.execute(args));
        waitFor(() -> WEBHOOK.matcher(out.toString()).find() && out.toString().contains("Stop with Ctrl+C."),
                () -> "serve printed its webhook URL and how to stop; it printed: " + out);
        Matcher m = WEBHOOK.matcher(out.toString());
        assertTrue(m.find(), out.toString());
        return m.group(1);
    }

    private static HttpResponse<String> seedPageGetStatus(String webhookUrl) throws Exception {
        // the seed page's cURL (Webhook) example, byte for byte in its body and headers
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhookUrl + "placement.call"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"PLACEMENT\":\"getStatus\",\"PARAMS\":{}}"))
                .timeout(Duration.ofSeconds(5)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheRestApiAsTodaysBitrix24DoesUntilStopped() throws Exception {
        SandboxServeCommand command = new SandboxServeCommand();
        StringWriter out = new StringWriter();
        String webhook = serve(command, out);
        assertTrue(out.toString().contains("Application token:"), out.toString());
        HttpResponse<String> answer = seedPageGetStatus(webhook);
        assertEquals(404, answer.statusCode());
        assertTrue(answer.body().contains("ERROR_METHOD_NOT_FOUND"), answer.body());
        command.stop.countDown();
    }

    @Test
    void withLegacyPlacementRestTheSeedPagesRequestIsAnswered() throws Exception {
        SandboxServeCommand command = new SandboxServeCommand();
        StringWriter out = new StringWriter();
        String webhook = serve(command, out, "--legacy-placement-rest", "--seed", "7");
        HttpResponse<String> answer = seedPageGetStatus(webhook);
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("\"result\""), answer.body());
        command.stop.countDown();
    }

    @Test
    void theSeedPagesOAuthFormWorksWithThePrintedAccessToken() throws Exception {
        SandboxServeCommand command = new SandboxServeCommand();
        StringWriter out = new StringWriter();
        String webhook = serve(command, out, "--legacy-placement-rest");
        Matcher access = ACCESS.matcher(out.toString());
        assertTrue(access.find(), out.toString());
        String base = webhook.substring(0, webhook.indexOf("/rest/") + "/rest/".length());
        // the seed page's cURL (OAuth) example for CallCard::CallStateChanged
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "placement.bindEvent?auth=" + access.group(1)))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"PLACEMENT\":\"CallCard::CallStateChanged\",\"HANDLER\":\"http://127.0.0.1:9/handler\"}"))
                .timeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("\"result\""), answer.body());
        command.stop.countDown();
    }

    @Test
    void badValuesAreRefusedWithTheReason() {
        CliRun speed = CliRun.of(new SandboxServeCommand(), "--speed", "0");
        assertEquals(2, speed.exitCode());
        assertTrue(speed.err().contains("expected more than 0"), speed.err());
        CliRun push = CliRun.of(new SandboxServeCommand(), "--push-to", "ftp://x/");
        assertEquals(2, push.exitCode());
        assertTrue(push.err().contains("expected http://HOST:PORT/"), push.err());
        CliRun events = CliRun.of(new SandboxServeCommand(), "--telephony-events");
        assertEquals(2, events.exitCode());
        assertTrue(events.err().contains("--telephony-events needs --push-to"), events.err());
    }

    @Test
    void telephonyEventsReachACompanionHoldingThePrintedApplicationToken() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = free.getLocalPort();
        }
        SandboxServeCommand command = new SandboxServeCommand();
        StringWriter out = new StringWriter();
        serve(command, out, "--push-to", "http://127.0.0.1:" + port + "/", "--telephony-events", "--speed", "20");
        Matcher token = APPLICATION_TOKEN.matcher(out.toString());
        assertTrue(token.find(), out.toString());
        assertTrue(out.toString().contains("http://127.0.0.1:" + port + "/bitrix/events"), out.toString());
        // the companion starts after the sandbox, with the token its administrator saved: posts before it are lost
        CountDownLatch serverEventApplied = new CountDownLatch(1);
        try (ListenerFixture listener = ListenerFixture.start(
                ListenerConfig.loopback(port).withApplicationToken(token.group(1)))) {
            listener.tracker().subscribe(update -> {
                if (update.event() instanceof CallEvent.ServerCallStarted
                        || update.event() instanceof CallEvent.ServerCallEnded) {
                    serverEventApplied.countDown();
                }
            });
            Eventually.await(serverEventApplied, "an ONVOXIMPLANTCALL* event reached the tracker");
        } finally {
            command.stop.countDown();
        }
    }
}
