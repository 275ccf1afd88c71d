package io.callcard.app;

import static io.callcard.testing.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallEvent;
import io.callcard.listener.WidgetVerdict;
import io.callcard.sandbox.SandboxPortal;
import io.callcard.testing.SlowTest;
import io.callcard.ui.Messages;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default run (no portal configured), wired as the window wires it: the sandbox's own widget posts tokens its
 * in-process REST server issued, and they are proven there, so its calls reach the card; a form with the sandbox's
 * DOMAIN and a forged token is refused; a form of another portal only makes the window ask, and until the agent
 * answers the sandbox plays on and nothing of that form reaches the card.
 */
@SlowTest
class SandboxModeProofTest {

    private static final Pattern SESSION = Pattern.compile("data-session=\"([A-Za-z0-9_-]+)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path home;

    private AppContext context;
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private final AtomicLong seq = new AtomicLong();

    @BeforeEach
    void start() throws Exception {
        StartupOptions options = new StartupOptions(AppPaths.underHome(home), 0, false, Locale.ENGLISH, 20, false,
                null);
        context = new AppContext(options, Messages.forLocale(Locale.ENGLISH), Runnable::run);
        context.tracker().subscribe(update -> {
            if (update.event() instanceof CallEvent.WidgetOpened widget) {
                opened.add(widget.status().callId());
            }
        });
        context.startServices();
        context.servicesReady().get(20, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void theSandboxsOwnWidgetIsProvenByItsRestServerAndAForgedOneIsRefused() throws Exception {
        waitFor(() -> !opened.isEmpty(), "a sandbox call's widget proven and on the card");
        String session = openPage(SandboxPortal.PORTAL_DOMAIN, "forged-access-token", "forged.1");
        waitFor(() -> postStatus(session, "forged.1").statusCode() == 403, "the forged sandbox page refused");
        assertTrue(postStatus(session, "forged.1").body().contains(WidgetVerdict.TOKEN_REFUSED));
        assertFalse(opened.contains("forged.1"), "the forged form never reached the card");
        assertTrue(context.shell().sandboxProperty().get(), "the sandbox plays on");
    }

    @Test
    void anotherPortalsFormOnlyAsksTheAgentAndChangesNothingUntilAnswered() throws Exception {
        String session = openPage("acme.bitrix24.com", "forged-access-token", "acme.1");
        waitFor(() -> context.shell().connectQuestions().askingProperty().get(), "the window asks the agent");
        assertEquals("acme.bitrix24.com", context.shell().connectQuestions().portalDomainProperty().get());
        assertEquals(202, postStatus(session, "acme.1").statusCode(), "held while unanswered");
        assertTrue(context.shell().sandboxProperty().get(), "the sandbox plays on");
        assertFalse(opened.contains("acme.1"), "nothing of the form reached the card");

        context.shell().connectQuestions().ignore();
        waitFor(() -> postStatus(session, "acme.1").statusCode() == 403, "ignored: the page is refused");
        assertTrue(postStatus(session, "acme.1").body().contains(WidgetVerdict.NOT_ALLOWED));
        assertTrue(context.shell().sandboxProperty().get(), "the sandbox still plays");
        assertFalse(opened.contains("acme.1"));
    }

    private String openPage(String domain, String accessToken, String callId) throws Exception {
        String query = "DOMAIN=" + enc(domain) + "&PROTOCOL=1&LANG=en&APP_SID=hostile";
        String body = "AUTH_ID=" + enc(accessToken) + "&AUTH_EXPIRES=3600&REFRESH_ID=r&member_id=sandbox"
                + "&PLACEMENT=CALL_CARD&PLACEMENT_OPTIONS=" + enc("{\"CALL_ID\":\"" + callId
                + "\",\"CALL_STATE\":\"connected\",\"CALL_DIRECTION\":\"incoming\",\"PHONE_NUMBER\":\"+18005550199\","
                + "\"CRM_ENTITY_TYPE\":\"\",\"CRM_ENTITY_ID\":\"0\",\"CALL_LIST_MODE\":\"false\"}");
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(
                        context.listener().baseUri().resolve("widget/callcard?" + query))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("data-state=\"checking\""), "the page says checking");
        Matcher session = SESSION.matcher(page.body());
        assertTrue(session.find(), page.body());
        return session.group(1);
    }

    private HttpResponse<String> postStatus(String session, String callId) throws Exception {
        String json = "{\"type\":\"status\",\"session\":\"" + session + "\",\"seq\":" + seq.incrementAndGet()
                + ",\"callId\":\"" + callId + "\",\"status\":{\"CALL_ID\":\"" + callId
                + "\",\"CALL_STATE\":\"connected\"}}";
        return HTTP.send(HttpRequest.newBuilder(context.listener().baseUri().resolve("bridge/events"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
