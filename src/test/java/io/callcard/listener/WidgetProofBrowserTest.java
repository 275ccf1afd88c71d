package io.callcard.listener;

import static io.callcard.listener.WidgetBrowserTest.statusLine;
import static io.callcard.listener.WidgetBrowserTest.waitForState;
import static io.callcard.testing.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.callcard.testing.BrowserTest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The widget page while its form's token is proven, in headless Chromium with the sandbox's BX24 stand-in: it says
 * "checking" until the companion has proven the token, then "connected" and the call is on the card; refused, it
 * says so ("refused") and stops, and nothing of it reached the card. The proof is answered by the test.
 */
@BrowserTest
class WidgetProofBrowserTest {

    private final List<CompletableFuture<WidgetVerdict>> asked = new CopyOnWriteArrayList<>();
    private WidgetInBrowser widget;

    @AfterEach
    void close() {
        if (widget != null) {
            widget.close();
        }
    }

    private JavascriptExecutor openChecking() throws Exception {
        widget = WidgetInBrowser.provenBy(claim -> {
            CompletableFuture<WidgetVerdict> verdict = new CompletableFuture<>();
            asked.add(verdict);
            return verdict;
        });
        JavascriptExecutor js = widget.openWidget();
        assertEquals(widgetText(js, "checking"), statusLine(js), "the page says checking while unproven");
        return js;
    }

    @Test
    void aProvenPageGoesFromCheckingToConnectedAndItsCallReachesTheCard() throws Exception {
        openChecking();
        assertNull(widget.tracker().current().callId(), "nothing on the card while checking");
        asked.get(0).complete(WidgetVerdict.provenFor("1"));
        waitFor(() -> WidgetForms.EXAMPLE_CALL_ID.equals(widget.tracker().current().callId()), "the call on the card");
        waitForState(widget.driver(), "connected");
    }

    @Test
    void aRefusedPageSaysSoAndStops() throws Exception {
        JavascriptExecutor js = openChecking();
        asked.get(0).complete(WidgetVerdict.refused(WidgetVerdict.TOKEN_REFUSED));
        waitForState(widget.driver(), "refused");
        assertEquals(widgetText(js, "refused"), statusLine(js));
        assertNull(widget.tracker().current().callId(), "nothing of the refused page reached the card");
    }

    private static String widgetText(JavascriptExecutor js, String state) {
        return (String) js.executeScript("return document.body.getAttribute('data-msg-" + state + "')");
    }
}
