package io.callcard.app;

import static io.callcard.testing.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.callcard.call.CallEvent;
import io.callcard.call.CallSnapshot;
import io.callcard.config.PortalSettings;
import io.callcard.config.Settings;
import io.callcard.config.SettingsStore;
import io.callcard.listener.HeadlessChromium;
import io.callcard.sandbox.rest.SandboxRestServer;
import io.callcard.testing.BrowserTest;
import io.callcard.ui.Messages;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The attack of issue 11, in real headless Chromium against the whole application: a page on another origin (not the
 * portal's) frames the widget form in a sandboxed iframe ({@code sandbox="allow-scripts allow-forms"}, so the
 * browser posts it with {@code Origin: null}, as it posts the portal's own form) with the portal's DOMAIN and
 * member_id and forged {@code AUTH_ID} / {@code REFRESH_ID}. The listener serves the frame its page, but nothing of
 * the form reaches the card: its token is not proven (security.md, "A forged or replayed widget form"). In sandbox
 * mode the same page cannot stop the sandbox, which keeps playing.
 */
@BrowserTest
class HostilePageBrowserTest {

    private static final String MEMBER_ID = "a223c6b9410f85df78e9377d6c4f7213";
    private static final String SANDBOX_DOMAIN = "sandbox.bitrix24.test";
    private static final String FORGED_CALL = "forged.bank-security";
    private static final Map<String, String> FORGED_OPTIONS = Map.of("CALL_ID", FORGED_CALL,
            "CALL_STATE", "connected", "CALL_DIRECTION", "incoming", "PHONE_NUMBER", "+18005550199",
            "LINE_NAME", "Bank security", "CRM_ENTITY_TYPE", "", "CRM_ENTITY_ID", "0", "CALL_LIST_MODE", "false");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path home;

    private final SandboxRestServer portal = SandboxRestServer.builder().start();
    private final List<String> widgetsOpened = new CopyOnWriteArrayList<>();
    private final AtomicLong seq = new AtomicLong();
    private HeadlessChromium chromium;
    private HttpServer hostileSite;
    private AppContext context;

    @BeforeEach
    void startBrowser() throws Exception {
        chromium = HeadlessChromium.startOrSkip();
    }

    @AfterEach
    void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (hostileSite != null) {
            hostileSite.stop(0);
        }
        if (context != null) {
            context.close();
        }
        portal.close();
    }

    private void startCompanion(Settings settings) throws Exception {
        AppPaths paths = AppPaths.underHome(home);
        new SettingsStore(paths.configDir()).save(settings);
        context = new AppContext(new StartupOptions(paths, 0, false, Locale.ENGLISH, 50, false, null),
                Messages.forLocale(Locale.ENGLISH), Runnable::run);
        context.startServices();
        context.servicesReady().get(20, TimeUnit.SECONDS);
        context.tracker().subscribe(update -> {
            if (update.event() instanceof CallEvent.WidgetOpened opened) {
                widgetsOpened.add(opened.status().callId());
            }
        });
    }

    @Test
    void withAPortalConfiguredAForgedFormFromASandboxedFrameNeverReachesTheCard() throws Exception {
        startCompanion(Settings.DEFAULTS.withPortal(
                PortalSettings.webhook(portal.baseUri().toString().replaceAll("/$", ""), null)
                        .withMemberId(MEMBER_ID)));
        CallSnapshot before = context.tracker().current();
        String domain = portal.baseUri().getAuthority(); // the configured portal's DOMAIN, as its own form names it

        WebDriver browser = openHostilePage(List.of(domain));
        waitForTheListenersAnswer(browser, 0);
        assertEquals(before, context.tracker().current(), "the form's answer came, and the card did not change");
        // a barrier: the same forged form, posted after it, is refused; by then the browser's form was judged too
        String later = sessionOf(postForm(formFields(domain)));
        waitFor(() -> postStatus(later) == 403, "a forged page is refused once its token was not proven");
        assertEquals(before, context.tracker().current(), "the card shows what it showed before the attack");
        assertFalse(widgetsOpened.contains(FORGED_CALL), "the forged call never opened on the card");
        assertFalse(context.shell().statusTextProperty().get().contains("is connected"),
                context.shell().statusTextProperty().get());
    }

    @Test
    void inSandboxModeAForgedFormCannotStopTheSandbox() throws Exception {
        startCompanion(Settings.DEFAULTS);
        assertTrue(context.shell().sandboxProperty().get(), "nothing configured: the sandbox plays");
        waitFor(() -> !widgetsOpened.isEmpty(), "the sandbox's widget posted its first call");

        // the sandbox's own DOMAIN with forged tokens, and a portal of the attacker's choosing
        WebDriver browser = openHostilePage(List.of(SANDBOX_DOMAIN, "acme.bitrix24.com"));
        waitForTheListenersAnswer(browser, 0);
        waitForTheListenersAnswer(browser, 1);
        waitFor(() -> "acme.bitrix24.com".equals(context.shell().connectQuestions().portalDomainProperty().get()),
                "the foreign portal waits for the agent's answer in the window");

        int playedBefore = widgetsOpened.size();
        waitFor(() -> widgetsOpened.size() > playedBefore + 1, "the sandbox keeps posting its calls");
        assertTrue(context.shell().sandboxProperty().get(), "the sandbox still plays");
        assertFalse(widgetsOpened.contains(FORGED_CALL), "the forged call never opened on the card");
        assertFalse(FORGED_CALL.equals(context.tracker().current().callId()));
    }

    /**
     * Serves and opens the attacker's page on {@code http://localhost:H/}: one sandboxed frame per DOMAIN, each
     * submitting the forged widget form to the listener as soon as it loads.
     */
    private WebDriver openHostilePage(List<String> domains) throws Exception {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body><h1>You won a prize</h1>\n");
        for (int i = 0; i < domains.size(); i++) {
            String frame = "<!DOCTYPE html><html><body>" + formTo(domains.get(i))
                    + "<script>document.getElementById('f').submit();</script></body></html>";
            html.append("<iframe id=\"f").append(i).append("\" sandbox=\"allow-scripts allow-forms\" width=\"400\"")
                    .append(" height=\"200\" srcdoc=\"").append(attribute(frame)).append("\"></iframe>\n");
        }
        byte[] page = html.append("</body></html>\n").toString().getBytes(StandardCharsets.UTF_8);
        hostileSite = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 10);
        hostileSite.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        hostileSite.start();
        WebDriver browser = chromium.driver();
        browser.get("http://localhost:" + hostileSite.getAddress().getPort() + "/");
        return browser;
    }

    /** The widget form the portal would post to {@code domain}'s widget, with forged tokens; the query first. */
    private static List<Map<String, String>> formFields(String domain) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("DOMAIN", domain);
        query.put("PROTOCOL", "1");
        query.put("LANG", "en");
        query.put("APP_SID", "hostile");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("AUTH_ID", "forged-auth-id-" + domain.hashCode() + "-" + System.nanoTime());
        fields.put("AUTH_EXPIRES", "3600");
        fields.put("REFRESH_ID", "forged-refresh-id-0123456789abcdef");
        fields.put("member_id", MEMBER_ID);
        fields.put("status", "L");
        fields.put("PLACEMENT", "CALL_CARD");
        fields.put("PLACEMENT_OPTIONS", json(FORGED_OPTIONS));
        return List.of(query, fields);
    }

    private String formAction(Map<String, String> query) {
        return context.listener().baseUri().resolve("widget/callcard?" + encoded(query)).toString();
    }

    /** The form as HTML that the attacker's frame submits. */
    private String formTo(String domain) {
        List<Map<String, String>> form = formFields(domain);
        StringBuilder html = new StringBuilder("<form id=\"f\" method=\"POST\" action=\"")
                .append(attribute(formAction(form.get(0)))).append("\">");
        form.get(1).forEach((k, v) -> html.append("<input type=\"hidden\" name=\"").append(attribute(k))
                .append("\" value=\"").append(attribute(v)).append("\">"));
        return html.append("</form>").toString();
    }

    /** The same form posted by a program, without any Origin; the page the listener answers. */
    private HttpResponse<String> postForm(List<Map<String, String>> form) throws Exception {
        HttpRequest post = HttpRequest.newBuilder(java.net.URI.create(formAction(form.get(0))))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded(form.get(1)))).build();
        return HTTP.send(post, HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionOf(HttpResponse<String> page) {
        java.util.regex.Matcher session = java.util.regex.Pattern.compile("data-session=\"([A-Za-z0-9_-]+)\"")
                .matcher(page.body());
        assertTrue(session.find(), page.statusCode() + " " + page.body());
        return session.group(1);
    }

    private static String encoded(Map<String, String> values) {
        List<String> pairs = new ArrayList<>();
        values.forEach((k, v) -> pairs.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    /**
     * Waits until hostile frame {@code index} has the listener's answer to its form. The browser does not show the
     * widget page there (its {@code frame-ancestors} names only the portal), but the form was posted and answered.
     */
    private static void waitForTheListenersAnswer(WebDriver browser, int index) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).withMessage(() -> frameSays(browser, index)).until(d -> {
            d.switchTo().defaultContent();
            d.switchTo().frame("f" + index);
            Object where = ((JavascriptExecutor) d).executeScript("return location.href");
            d.switchTo().defaultContent();
            return !"about:srcdoc".equals(where);
        });
    }

    /** Where hostile frame {@code index} is and what it shows: the failure message of a frame that never got a page. */
    private static String frameSays(WebDriver browser, int index) {
        browser.switchTo().defaultContent();
        browser.switchTo().frame("f" + index);
        Object said = ((JavascriptExecutor) browser).executeScript(
                "return location.href + ': ' + (document.body ? document.body.innerText : '(no body)');");
        browser.switchTo().defaultContent();
        return "hostile frame " + index + " shows " + said;
    }

    /** A getStatus answer of the forged call, as the page's bridge would post it; the listener's HTTP status. */
    private int postStatus(String session) throws Exception {
        String json = "{\"type\":\"status\",\"session\":\"" + session + "\",\"seq\":" + seq.incrementAndGet()
                + ",\"callId\":\"" + FORGED_CALL + "\",\"status\":{\"CALL_ID\":\"" + FORGED_CALL
                + "\",\"CALL_STATE\":\"connected\"}}";
        HttpRequest post = HttpRequest.newBuilder(context.listener().baseUri().resolve("bridge/events"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return HTTP.send(post, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String json(Map<String, String> values) {
        List<String> members = new ArrayList<>();
        values.forEach((k, v) -> members.add("\"" + k + "\":\"" + v.replace("\"", "\\\"") + "\""));
        return "{" + String.join(",", members) + "}";
    }

    /** Escaped for an HTML attribute in double quotes. */
    private static String attribute(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
