package io.callcard.app;

import static io.callcard.testing.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.config.Settings;
import io.callcard.config.SettingsStore;
import io.callcard.sandbox.rest.SandboxRestServer;
import io.callcard.ui.Messages;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application's wiring, without the toolkit (the view-models are plain Java): a real portal's widget load stops
 * the sandbox, and with the user's agreement its token pair signs the companion in, checked against a portal
 * speaking Bitrix24's protocol (the sandbox REST server) over real HTTP.
 */
class AppContextWidgetTest {

    @TempDir
    Path home;

    private final SandboxRestServer portal = SandboxRestServer.builder().start();
    private AppContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
        portal.close();
    }

    private AppContext start(Settings settings) throws Exception {
        AppPaths paths = AppPaths.underHome(home);
        new SettingsStore(paths.configDir()).save(settings);
        StartupOptions options = new StartupOptions(paths, 0, false, Locale.ENGLISH, 50, false, null);
        context = new AppContext(options, Messages.forLocale(Locale.ENGLISH), Runnable::run);
        context.startServices();
        context.servicesReady().get(20, TimeUnit.SECONDS);
        return context;
    }

    private int openWidget(String domain, String accessToken) throws Exception {
        String query = "DOMAIN=" + enc(domain) + "&PROTOCOL=0&LANG=en&APP_SID=test";
        String body = "AUTH_ID=" + enc(accessToken) + "&AUTH_EXPIRES=3600&REFRESH_ID=r&member_id="
                + "a223c6b9410f85df78e9377d6c4f7213&PLACEMENT=CALL_CARD&PLACEMENT_OPTIONS="
                + enc("{\"CALL_ID\":\"real.1\",\"CALL_STATE\":\"connecting\",\"CALL_DIRECTION\":\"incoming\","
                + "\"PHONE_NUMBER\":\"+79001234567\",\"CRM_ENTITY_TYPE\":\"\",\"CRM_ENTITY_ID\":\"0\","
                + "\"CALL_LIST_MODE\":\"false\"}");
        HttpRequest post = HttpRequest.newBuilder(context.listener().baseUri().resolve("widget/callcard?" + query))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void aRealPortalsWidgetStopsTheSandboxAndItsAgreedTokenSignsIn() throws Exception {
        start(Settings.DEFAULTS.withOfferWidgetCredentials(true));
        assertTrue(context.shell().sandboxProperty().get(), "nothing configured: the sandbox plays");
        String domain = portal.baseUri().getAuthority();
        assertEquals(200, openWidget(domain, portal.issueTokens().accessToken()));
        waitFor(() -> context.shell().statusTextProperty().get().contains("signed in as"),
                "the sign-in; status was: " + context.shell().statusTextProperty().get());
        assertTrue(context.shell().statusTextProperty().get().contains(domain));
        assertFalse(context.shell().sandboxProperty().get(), "the banner goes with the sandbox");
        assertEquals("real.1", context.tracker().current().callId(),
                "the sandbox stopped before the real call reached the card: no simulated call overtook it");
    }

    @Test
    void withoutAgreementTheWidgetConnectsButItsTokenIsNotUsed() throws Exception {
        start(Settings.DEFAULTS);
        String domain = portal.baseUri().getAuthority();
        assertEquals(200, openWidget(domain, portal.issueTokens().accessToken()));
        waitFor(() -> context.shell().statusTextProperty().get().contains("The call card of " + domain),
                "the connection; status was: " + context.shell().statusTextProperty().get());
        context.widgetLink().drain();
        assertFalse(context.shell().statusTextProperty().get().contains("signed in"));
    }
}
