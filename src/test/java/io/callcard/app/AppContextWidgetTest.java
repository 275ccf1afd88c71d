package io.callcard.app;

import static io.callcard.testing.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallEvent;
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
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application's wiring, without the toolkit (the view-models are plain Java): a real portal's widget load stops
 * the sandbox once the agent allowed that portal and it proved the form's token, and with the user's agreement its
 * token pair signs the companion in, checked against a portal speaking Bitrix24's protocol (the sandbox REST server)
 * over real HTTP. Ignored, or with a token the portal does not know, the sandbox plays on and nothing reaches the card.
 */
class AppContextWidgetTest {

    @TempDir
    Path home;

    private final SandboxRestServer portal = SandboxRestServer.builder().start();
    private AppContext context;
    private long seq;

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
        return HttpClient.newHttpClient().send(formPost(domain, accessToken), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private HttpRequest formPost(String domain, String accessToken) {
        String query = "DOMAIN=" + enc(domain) + "&PROTOCOL=0&LANG=en&APP_SID=test";
        String body = "AUTH_ID=" + enc(accessToken) + "&AUTH_EXPIRES=3600&REFRESH_ID=r&member_id="
                + "a223c6b9410f85df78e9377d6c4f7213&PLACEMENT=CALL_CARD&PLACEMENT_OPTIONS="
                + enc("{\"CALL_ID\":\"real.1\",\"CALL_STATE\":\"connecting\",\"CALL_DIRECTION\":\"incoming\","
                + "\"PHONE_NUMBER\":\"+79001234567\",\"CRM_ENTITY_TYPE\":\"\",\"CRM_ENTITY_ID\":\"0\","
                + "\"CALL_LIST_MODE\":\"false\"}");
        return HttpRequest.newBuilder(context.listener().baseUri().resolve("widget/callcard?" + query))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** The window asked whether {@code domain} may connect; the agent allows it. */
    private void allow(String domain) throws Exception {
        answer(domain, true);
    }

    private void answer(String domain, boolean allow) throws Exception {
        waitFor(() -> context.shell().connectQuestions().askingProperty().get(), "the window asks about " + domain);
        assertEquals(domain, context.shell().connectQuestions().portalDomainProperty().get());
        if (allow) {
            context.shell().connectQuestions().allow();
        } else {
            context.shell().connectQuestions().ignore();
        }
    }

    /** Posts the widget form; the page's session token. */
    private String openPage(String domain, String accessToken) throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(formPost(domain, accessToken),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), page.body());
        java.util.regex.Matcher session = java.util.regex.Pattern.compile("data-session=\"([A-Za-z0-9_-]+)\"")
                .matcher(page.body());
        assertTrue(session.find(), page.body());
        return session.group(1);
    }

    /** The page's getStatus answer, as its bridge posts it; the listener's HTTP status. */
    private int postStatus(String session) throws Exception {
        String json = "{\"type\":\"status\",\"session\":\"" + session + "\",\"seq\":" + (++seq)
                + ",\"callId\":\"real.1\",\"status\":{\"CALL_ID\":\"real.1\",\"CALL_STATE\":\"connected\"}}";
        HttpRequest post = HttpRequest.newBuilder(context.listener().baseUri().resolve("bridge/events"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
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
        allow(domain);
        waitFor(() -> context.shell().statusTextProperty().get().contains("signed in as"),
                "the sign-in; status was: " + context.shell().statusTextProperty().get());
        assertTrue(context.shell().statusTextProperty().get().contains(domain));
        assertFalse(context.shell().sandboxProperty().get(), "the banner goes with the sandbox");
        // the sign-in and the card are told on different threads: wait for the tracker, then the sandbox is gone
        waitFor(() -> "real.1".equals(context.tracker().current().callId()), "the real call on the card");
        context.tracker().submit(new CallEvent.BridgeLost(Instant.EPOCH, "none")).get(5, TimeUnit.SECONDS);
        assertEquals("real.1", context.tracker().current().callId(),
                "the sandbox stopped before the real call reached the card: no simulated call overtook it");
    }

    @Test
    void withoutAgreementTheWidgetConnectsButItsTokenIsNotUsed() throws Exception {
        start(Settings.DEFAULTS);
        String domain = portal.baseUri().getAuthority();
        assertEquals(200, openWidget(domain, portal.issueTokens().accessToken()));
        allow(domain);
        waitFor(() -> context.shell().statusTextProperty().get().contains("The call card of " + domain),
                "the connection; status was: " + context.shell().statusTextProperty().get());
        context.widgetLink().drain();
        assertFalse(context.shell().statusTextProperty().get().contains("signed in"));
    }

    @Test
    void anIgnoredPortalStopsNothingAndItsPageIsRefused() throws Exception {
        start(Settings.DEFAULTS);
        String domain = portal.baseUri().getAuthority();
        assertEquals(200, openWidget(domain, portal.issueTokens().accessToken()), "the page loads, saying checking");
        answer(domain, false);
        waitFor(() -> openWidget(domain, portal.issueTokens().accessToken()) == 403,
                "a page of the ignored portal is refused");
        assertTrue(context.shell().sandboxProperty().get(), "the sandbox plays on");
        assertFalse(context.shell().statusTextProperty().get().contains("The call card of " + domain));
        assertFalse("real.1".equals(context.tracker().current().callId()), "nothing of the form reached the card");
        assertEquals(0, portal.requestsFor("user.current"), "an ignored portal is never asked");
    }

    @Test
    void anAllowedPortalThatDoesNotKnowTheTokenStopsNothing() throws Exception {
        start(Settings.DEFAULTS);
        String domain = portal.baseUri().getAuthority();
        String session = openPage(domain, "forged-access-token");
        allow(domain);
        waitFor(() -> postStatus(session) == 403, "the page is refused once the portal did not know its token");
        assertTrue(context.shell().sandboxProperty().get(), "the sandbox plays on");
        assertFalse("real.1".equals(context.tracker().current().callId()), "nothing of the form reached the card");
    }
}
