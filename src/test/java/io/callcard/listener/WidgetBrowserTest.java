package io.callcard.listener;

import static io.callcard.testing.Eventually.waitFor;
import static io.callcard.testing.Eventually.waitWithin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.callcard.call.CallDisplayState;
import io.callcard.call.CallTracker;
import io.callcard.call.CrmEntityType;
import io.callcard.sandbox.rest.SandboxRestServer;
import io.callcard.testing.BrowserTest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The widget page in real headless Chromium, the Bitrix24 way: a parent page on {@code http://localhost:P} submits
 * the documented handler form into an iframe on {@code http://127.0.0.1:LISTENER/widget/callcard}; the page loads the
 * sandbox's stand-in BX24 and the bridge script; the test drives the stand-in through {@code window.__sandbox}.
 */
@BrowserTest
class WidgetBrowserTest {

    private WidgetInBrowser widget;
    private CallTracker tracker;

    @BeforeEach
    void start() throws Exception {
        widget = WidgetInBrowser.start();
        tracker = widget.tracker();
    }

    @AfterEach
    void stop() {
        if (widget != null) {
            widget.close();
        }
    }

    @Test
    void theCardsEventsStatusAndCommandsGoThroughTheWidgetPage() throws Exception {
        // the first state the call was seen in: the page's own getStatus poll may already have moved it on
        List<CallDisplayState> phases = new CopyOnWriteArrayList<>();
        tracker.subscribe(update -> {
            if (WidgetForms.EXAMPLE_CALL_ID.equals(update.current().callId())) {
                phases.add(update.current().phase());
            }
        });
        WebDriver driver = widget.driver();
        driver.get(widget.portalPageUrl());
        waitFor(() -> !phases.isEmpty(), "the form POST opened the widget");
        assertEquals(CallDisplayState.CONNECTED, phases.get(0));

        driver.switchTo().frame("widget");
        JavascriptExecutor js = (JavascriptExecutor) driver;
        waitInPage(driver, "return !!window.__sandbox && window.__sandbox.boundEvents().length === 3");
        recordPosts(js);
        waitForState(driver, "connected");
        assertEquals("Connected to CallCard Companion", statusLine(js));

        js.executeScript("window.__sandbox.setStatus(arguments[0])", status("connected"));
        waitFor(() -> "Sandbox line".equals(tracker.current().lineName()), "a getStatus poll reached the tracker");

        js.executeScript("window.__sandbox.fireEvent('CallCard::EntityChanged', "
                + "[{PHONE_NUMBER: '+4930999000', CRM_ENTITY_TYPE: 'CONTACT', CRM_ENTITY_ID: 5}])");
        waitFor(() -> tracker.current().entity() != null
                && tracker.current().entity().type() == CrmEntityType.CONTACT
                && tracker.current().entity().id() == 5, "EntityChanged reached the tracker");

        widget.listener().callCardChannel().disableAutoClose().get(10, TimeUnit.SECONDS);
        assertEquals(Boolean.TRUE, js.executeScript("return window.__sandbox.autoCloseHeld"));
        assertEquals(Boolean.TRUE, js.executeScript("return window.__sandbox.commandsSeen.indexOf('disableAutoClose') >= 0"));
        waitFor(() -> tracker.current().autoCloseHeld(), "the hold reached the tracker");

        // the card fires [state, {failedCode}]; the real library hands the page the state alone
        js.executeScript("window.__sandbox.setStatus(arguments[0])", status("idle"));
        js.executeScript("window.__sandbox.fireEvent('CallCard::CallStateChanged', ['idle', {failedCode: '486'}])");
        waitFor(() -> tracker.current().phase() != CallDisplayState.CONNECTED, "the end of the call reached the tracker");
        assertNull(tracker.current().failedCode(), "no failedCode crosses the portal's frame");

        js.executeScript("window.__sandbox.fireEvent('CallCard::BeforeClose', [])");
        waitFor(() -> tracker.current().closing(), "BeforeClose reached the tracker");
        assertTrue(((Number) js.executeScript("return window.__sandbox.commandsSeen.filter("
                + "function (c) { return c === 'getStatus'; }).length")).intValue() >= 1);

        // one argument per event, posted as the array of what the page received
        assertEquals(List.of("[{\"PHONE_NUMBER\":\"+4930999000\",\"CRM_ENTITY_TYPE\":\"CONTACT\",\"CRM_ENTITY_ID\":5}]",
                "[\"idle\"]", "[[]]"), postedArgs(js));

        // the card closes: the iframe navigates away, the page's pagehide sends {"type":"closed"}
        driver.switchTo().defaultContent();
        js.executeScript("document.getElementById('widget').src = 'about:blank'");
        waitFor(() -> !tracker.current().cardOpen(), "the page's closed message reached the tracker");
    }

    @Test
    void theFrameRemovedInTheSameTaskAsTheLastEventsStillTellsTheCompanion() throws Exception {
        JavascriptExecutor js = widget.openWidget();
        js.executeScript("window.__sandbox.setStatus(arguments[0])", status("connected"));
        waitFor(() -> "Sandbox line".equals(tracker.current().lineName()) && tracker.current().cardOpen(),
                "the page is known to the companion");

        // as the real card closes: the last idle and BeforeClose are posted to the frame, which goes in the same task
        widget.driver().switchTo().defaultContent();
        js.executeScript("var frame = document.getElementById('widget');"
                + "frame.contentWindow.postMessage({sandboxEvent: 'CallCard::CallStateChanged', args: ['idle']}, '*');"
                + "frame.contentWindow.postMessage({sandboxEvent: 'CallCard::BeforeClose', args: []}, '*');"
                + "frame.parentNode.removeChild(frame);");
        waitFor(() -> !tracker.current().cardOpen(), "the page's closed beacon reached the tracker");
    }

    @Test
    void aRestartedCompanionIsReconnectedWithinFiveSecondsWithoutAReload() throws Exception {
        JavascriptExecutor js = widget.openWidget();
        WebDriver driver = widget.driver();
        js.executeScript("window.__sandbox.setStatus(arguments[0])", status("connected"));
        waitFor(() -> "Sandbox line".equals(tracker.current().lineName()), "the page is known to the companion");
        waitForState(driver, "connected");

        widget.restartListener(() -> {
            waitForState(driver, "offline"); // the companion not running, said as such
            assertEquals(js.executeScript("return document.body.getAttribute('data-msg-offline')"), statusLine(js));
            js.executeScript("window.__sandbox.setStatus(arguments[0])", status("connected", "Line after restart"));
        });

        waitWithin(Duration.ofSeconds(5), () -> "Line after restart".equals(tracker.current().lineName()),
                "the page renewed its session and the tracker got a fresh status");
        waitForState(driver, "connected");
        assertEquals(0L, ((Number) js.executeScript("return window.__sandbox.reloadRequests")).longValue(),
                "the page never asks for the reload the call card denies");

        widget.listener().callCardChannel().disableAutoClose().get(10, TimeUnit.SECONDS);
        assertEquals(Boolean.TRUE, js.executeScript("return window.__sandbox.autoCloseHeld"),
                "the renewed session runs the companion's commands");
    }

    @Test
    void aPageTheCompanionRefusesToRenewSaysSoAndStops() throws Exception {
        JavascriptExecutor js = widget.openWidget();
        WebDriver driver = widget.driver();
        waitForState(driver, "connected");
        // a page whose renewal the restarted companion refuses (here: it sends nothing the route can check)
        js.executeScript("window.__renewals = 0; var f = window.fetch;"
                + "window.fetch = function (url, options) {"
                + "  if (url === '/bridge/session') { window.__renewals++;"
                + "    options = Object.assign({}, options, {body: '{}'}); }"
                + "  return f.call(window, url, options); };");
        widget.restartListener(() -> waitForState(driver, "offline"));
        waitForState(driver, "expired");
        long renewals = ((Number) js.executeScript("return window.__renewals")).longValue();
        assertEquals(1L, renewals, "one refused renewal, no loop");
        assertEquals(js.executeScript("return document.body.getAttribute('data-msg-expired')"), statusLine(js));
        assertEquals(0L, ((Number) js.executeScript("return window.__sandbox.reloadRequests")).longValue());
    }

    @Test
    void outsideAPortalFrameTheLibraryIsNullAndThePageSaysItIsNoCallCard() throws Exception {
        JavascriptExecutor js = widget.openWidgetOutsideAFrame();
        waitForState(widget.driver(), "notcallcard");
        assertEquals(Boolean.TRUE, js.executeScript("return window.BX24 === null"));
        assertEquals("This page works only inside a Bitrix24 call card.", statusLine(js));
    }

    @Test
    void aPlacementOtherThanTheCallCardIsSaidAsSuch() throws Exception {
        restartWith(sandbox -> URI.create(sandbox.bx24ScriptUri() + "?placement=DEFAULT"));
        JavascriptExecutor js = widget.openWidgetFrame();
        waitForState(widget.driver(), "notcallcard");
        assertEquals(js.executeScript("return document.body.getAttribute('data-msg-notcallcard')"), statusLine(js));
    }

    @Test
    void aLibraryThatDidNotLoadIsSaidAsSuch() throws Exception {
        restartWith(sandbox -> sandbox.baseUri().resolve("/bx24/not-there.js"));
        JavascriptExecutor js = widget.openWidgetFrame();
        waitForState(widget.driver(), "nobx24");
        assertEquals(Boolean.TRUE, js.executeScript("return typeof BX24 === 'undefined'"));
        assertEquals("The Bitrix24 library did not load; the call card cannot reach CallCard Companion.", statusLine(js));
    }

    @Test
    void theInstallPageBindsTheCallCardTo127001AndFinishes() throws Exception {
        WebDriver driver = widget.driver();
        LoopbackListener listener = widget.listener();
        HttpServer portal = PortalPage.serveInstall(listener.port(), "en");
        try {
            driver.get("http://localhost:" + portal.getAddress().getPort() + "/");
            driver.switchTo().frame("install");
            JavascriptExecutor js = (JavascriptExecutor) driver;
            waitInPage(driver, "return !!document.getElementById('install-status') && document.getElementById("
                    + "'install-status').getAttribute('data-outcome') === 'installed'");
            @SuppressWarnings("unchecked")
            Map<String, Object> params = (Map<String, Object>) js.executeScript(
                    "return window.__sandbox.callsSeen[0].method === 'placement.bind' ? window.__sandbox.callsSeen[0].params : null");
            assertEquals(Map.of("PLACEMENT", "CALL_CARD", "HANDLER",
                    "http://127.0.0.1:" + listener.port() + "/widget/callcard", "TITLE", "CallCard Companion"), params);
            assertEquals(Boolean.TRUE, js.executeScript("return window.__sandbox.installFinished"));
            assertTrue(((String) js.executeScript("return document.getElementById('install-first-tab').textContent"))
                    .contains("FIRST application of the call card"));
        } finally {
            portal.stop(0);
        }

        driver.switchTo().defaultContent();
        driver.get(listener.baseUri() + "widget/install?DOMAIN=localhost&PROTOCOL=0&LANG=ru");
        waitInPage(driver, "return document.getElementById('install-status').getAttribute('data-outcome') === "
                + "'installOutside'");
    }

    private void restartWith(Function<SandboxRestServer, URI> bx24Script) throws Exception {
        widget.close();
        widget = null;
        widget = WidgetInBrowser.start(bx24Script);
        tracker = widget.tracker();
    }

    private static Map<String, Object> status(String state) {
        return status(state, "Sandbox line");
    }

    private static Map<String, Object> status(String state, String lineName) {
        return Map.of("CALL_ID", WidgetForms.EXAMPLE_CALL_ID, "PHONE_NUMBER", "+4930123456",
                "LINE_NUMBER", "+49 30 000-00-00", "LINE_NAME", lineName, "CRM_ENTITY_TYPE", "CONTACT",
                "CRM_ENTITY_ID", 5, "CRM_BINDINGS", List.of(), "CALL_DIRECTION", "incoming",
                "CALL_STATE", state, "CALL_LIST_MODE", false);
    }

    /** Keeps every body the page posts to /bridge/events, in window.__posted (the page calls the global fetch). */
    static void recordPosts(JavascriptExecutor js) {
        js.executeScript("window.__posted = []; var f = window.fetch;"
                + "window.fetch = function (url, options) {"
                + "  if (url === '/bridge/events' && options && typeof options.body === 'string') {"
                + "    window.__posted.push(options.body); }"
                + "  return f.apply(window, arguments); };");
    }

    /** The {@code args} of every event message the page posted since {@link #recordPosts}, as JSON, in order. */
    @SuppressWarnings("unchecked")
    static List<String> postedArgs(JavascriptExecutor js) {
        return (List<String>) js.executeScript("return window.__posted.map(function (b) { return JSON.parse(b); })"
                + ".filter(function (m) { return m.type === 'event'; })"
                + ".map(function (m) { return JSON.stringify(m.args); })");
    }

    static String statusLine(JavascriptExecutor js) {
        return (String) js.executeScript("return document.getElementById('companion-status').textContent");
    }

    static void waitForState(WebDriver driver, String state) {
        waitInPage(driver, "return document.getElementById('companion-status').getAttribute('data-state') === '"
                + state + "'");
    }

    static void waitInPage(WebDriver driver, String script) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(script)));
    }

}
