package io.callcard.listener;

import static io.callcard.testing.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallDisplayState;
import io.callcard.call.CallTracker;
import io.callcard.call.CrmEntityType;
import io.callcard.testing.BrowserTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
        WebDriver driver = widget.driver();
        driver.get(widget.portalPageUrl());
        waitFor(() -> WidgetForms.EXAMPLE_CALL_ID.equals(tracker.current().callId()), "the form POST opened the widget");
        assertEquals(CallDisplayState.CONNECTED, tracker.current().phase());

        driver.switchTo().frame("widget");
        JavascriptExecutor js = (JavascriptExecutor) driver;
        waitInPage(driver, "return !!window.__sandbox && window.__sandbox.boundEvents().length === 3");
        assertEquals("Connected to CallCard Companion",
                js.executeScript("return document.getElementById('companion-status').textContent"));

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

        js.executeScript("window.__sandbox.setStatus(arguments[0])", status("idle"));
        js.executeScript("window.__sandbox.fireEvent('CallCard::CallStateChanged', ['idle', {failedCode: '486'}])");
        waitFor(() -> tracker.current().phase() == CallDisplayState.FAILED, "the failed call reached the tracker");
        assertEquals("486", tracker.current().failedCode());

        js.executeScript("window.__sandbox.fireEvent('CallCard::BeforeClose', [])");
        waitFor(() -> tracker.current().closing(), "BeforeClose reached the tracker");
        assertTrue(((Number) js.executeScript("return window.__sandbox.commandsSeen.filter("
                + "function (c) { return c === 'getStatus'; }).length")).intValue() >= 1);

        // the card closes: the iframe navigates away, the page's pagehide sends {"type":"closed"}
        driver.switchTo().defaultContent();
        js.executeScript("document.getElementById('widget').src = 'about:blank'");
        waitFor(() -> !tracker.current().cardOpen(), "the page's closed message reached the tracker");
    }

    @Test
    void aRestartedCompanionHasTheWidgetReloadedForAFreshSession() throws Exception {
        JavascriptExecutor js = widget.openWidget();
        WebDriver driver = widget.driver();
        js.executeScript("window.__sandbox.setStatus(arguments[0])", status("connected"));
        waitFor(() -> "Sandbox line".equals(tracker.current().lineName()), "the page is known to the companion");

        widget.restartListener(() -> waitInPage(driver, "return document.getElementById('companion-status')"
                + ".textContent === document.body.getAttribute('data-msg-offline')"));

        waitInPage(driver, "return window.__sandbox.reloadRequests === 1");
        assertEquals(js.executeScript("return document.body.getAttribute('data-msg-expired')"),
                js.executeScript("return document.getElementById('companion-status').textContent"));
    }

    @Test
    void theInstallPageBindsTheCallCardTo127001AndFinishes() throws Exception {
        WebDriver driver = widget.driver();
        LoopbackListener listener = widget.listener();
        driver.get(listener.baseUri() + "widget/install?DOMAIN=localhost&PROTOCOL=0&LANG=en");
        JavascriptExecutor js = (JavascriptExecutor) driver;
        waitInPage(driver, "return document.getElementById('install-status').getAttribute('data-outcome') === 'installed'");
        @SuppressWarnings("unchecked")
        Map<String, Object> params = (Map<String, Object>) js.executeScript(
                "return window.__sandbox.callsSeen[0].method === 'placement.bind' ? window.__sandbox.callsSeen[0].params : null");
        assertEquals(Map.of("PLACEMENT", "CALL_CARD", "HANDLER",
                "http://127.0.0.1:" + listener.port() + "/widget/callcard", "TITLE", "CallCard Companion"), params);
        assertEquals(Boolean.TRUE, js.executeScript("return window.__sandbox.installFinished"));
    }

    private static Map<String, Object> status(String state) {
        return Map.of("CALL_ID", WidgetForms.EXAMPLE_CALL_ID, "PHONE_NUMBER", "+4930123456",
                "LINE_NUMBER", "+49 30 000-00-00", "LINE_NAME", "Sandbox line", "CRM_ENTITY_TYPE", "CONTACT",
                "CRM_ENTITY_ID", 5, "CRM_BINDINGS", List.of(), "CALL_DIRECTION", "incoming",
                "CALL_STATE", state, "CALL_LIST_MODE", false);
    }

    static void waitInPage(WebDriver driver, String script) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(script)));
    }

}
