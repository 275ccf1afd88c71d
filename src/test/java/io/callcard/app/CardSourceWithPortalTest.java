package io.callcard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.config.PortalSettings;
import io.callcard.config.SecretKeys;
import io.callcard.config.SecretStore;
import io.callcard.config.SecretStores;
import io.callcard.config.Settings;
import io.callcard.config.SettingsStore;
import io.callcard.sandbox.rest.SandboxRestServer;
import io.callcard.testing.Eventually;
import io.callcard.testing.SlowTest;
import io.callcard.ui.Messages;
import io.callcard.ui.shell.SourceFacts;
import io.callcard.ui.shell.SourceWords;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The words for "hears nothing", from what the application really learns with a configured portal (the sandbox's REST
 * server standing in for it): the portal refuses {@code placement.call}, no widget ever loaded here; then an answered
 * call reaches the companion only as the portal's telephony events, so the widget is not installed.
 */
@SlowTest
class CardSourceWithPortalTest {

    private static final String TOKEN = "0123456789abcdef0123456789abcdef";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path home;

    private final SandboxRestServer portal = SandboxRestServer.builder().start();
    private AppContext context;
    private SecretStore secrets;

    @AfterEach
    void stop() throws Exception {
        if (context != null) {
            context.close();
        }
        portal.close();
        if (secrets != null) { // where a system keyring holds them, they must not outlive the test
            secrets.delete(SecretKeys.WEBHOOK_URL);
            secrets.delete(SecretKeys.APPLICATION_TOKEN);
        }
    }

    private String line() {
        return context.shell().source().textProperty().get();
    }

    @Test
    void aRefusedSeedTransportThenACallOnlyTheServerToldOfSayWhatIsWrong() throws Exception {
        AppPaths paths = AppPaths.underHome(home);
        paths.createDirectories();
        new SettingsStore(paths.configDir()).save(Settings.DEFAULTS.withPortal(
                PortalSettings.webhook(portal.baseUri().toString().replaceAll("/$", ""), null)));
        secrets = SecretStores.open(paths.configDir()); // the store the application opens
        secrets.write(SecretKeys.WEBHOOK_URL, portal.webhookUrl());
        secrets.write(SecretKeys.APPLICATION_TOKEN, TOKEN);
        context = new AppContext(new StartupOptions(paths, 0, false, Locale.ENGLISH, 50, false, null),
                Messages.forLocale(Locale.ENGLISH), Runnable::run);
        context.startServices();
        context.servicesReady().get(20, TimeUnit.SECONDS);

        Eventually.waitFor(() -> line().equals("The portal refuses placement.call: use the widget (see Setting up the"
                + " widget in the README)"), () -> "the refusal said; the line says: " + line());
        assertEquals(SourceWords.Kind.SILENT, context.shell().source().kindProperty().get());
        SourceFacts facts = context.sourceFacts();
        assertEquals(SourceFacts.SeedTransport.REFUSED, facts.seed());
        assertFalse(facts.sandbox(), "a configured portal: no sandbox");
        assertFalse(facts.widgetEverLoaded());

        URI events = context.listener().baseUri().resolve("bitrix/events");
        post(events, "ONVOXIMPLANTCALLINIT", Map.of("CALL_ID", "server-only", "CALL_TYPE", "2",
                "CALLER_ID", "+4930123456"));
        Eventually.waitFor(() -> line().equals("Server events · just now"),
                () -> "the running call named by its source; the line says: " + line());
        post(events, "ONVOXIMPLANTCALLSTART", Map.of("CALL_ID", "server-only", "USER_ID", "1"));
        post(events, "ONVOXIMPLANTCALLEND", Map.of("CALL_ID", "server-only", "CALL_TYPE", "2",
                "PHONE_NUMBER", "+4930123456", "CALL_DURATION", "42", "CALL_FAILED_CODE", "200"));

        Eventually.waitFor(() -> line().startsWith("The call card widget is not installed"),
                () -> "an answered call no widget reported; the line says: " + line());
        assertEquals("The call card widget is not installed: see Setting up the widget in the README (last heard:"
                + " Server events · just now)", line());
        assertTrue(context.sourceFacts().widgetMissedCall());
        assertEquals(0, context.shell().missedCalls().countProperty().get(), "answered, and not on this card");
    }

    private static void post(URI uri, String event, Map<String, String> data) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("event", event);
        data.forEach((k, v) -> form.put("data[" + k + "]", v));
        form.put("ts", "1764842400");
        form.put("auth[application_token]", TOKEN);
        form.put("auth[domain]", "acme.bitrix24.com");
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("{\"accepted\":true}", answer.body());
    }
}
