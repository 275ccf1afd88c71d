package io.callcard.ui.callcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallSnapshot;
import io.callcard.call.CallTracker;
import io.callcard.listener.LoopbackListener;
import io.callcard.listener.PortalPage;
import io.callcard.listener.WidgetInBrowser;
import io.callcard.testing.BrowserTest;
import io.callcard.testing.UiTest;
import io.callcard.ui.LatestValueRelay;
import io.callcard.ui.Messages;
import io.callcard.ui.PngSnapshots;
import io.callcard.ui.UiExecutor;
import io.callcard.ui.shell.ShellView;
import io.callcard.ui.shell.ShellViewModel;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The hold button end to end: the companion's window (TestFX, Monocle) and a real listener; the widget page runs in
 * headless Chromium on the sandbox's stand-in BX24, which records every command it is given. A click in the window
 * must reach the card as {@code disableAutoClose}, and the button shows "held" only once the card's answer came back
 * through the tracker.
 */
@BrowserTest
@UiTest
class HoldButtonBrowserTest {

    private WidgetInBrowser widget;
    private CallTracker tracker;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        widget = WidgetInBrowser.start();
        tracker = widget.tracker();
        LoopbackListener listener = widget.listener();

        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Messages messages = Messages.forLocale(Locale.ENGLISH);
            UiExecutor ui = new UiExecutor();
            CallCardViewModel card = new CallCardViewModel(messages, Clock.systemUTC(), ui);
            // wired as AppContext wires it: snapshots through the relay, commands through the listener's channel
            LatestValueRelay<CallSnapshot> toCard = new LatestValueRelay<>(ui, card::apply);
            tracker.subscribe(update -> toCard.accept(update.current()));
            card.attach(listener.callCardChannel());
            stage.setScene(new Scene(new ShellView(new ShellViewModel(messages, card), messages, () -> { }), 420, 600));
            stage.show();
        });
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        if (widget != null) {
            widget.close();
        }
    }

    @Test
    void theHoldButtonHoldsTheRealCardAndLetsItGo() throws Exception {
        JavascriptExecutor page = widget.openWidget();
        WebDriver driver = widget.driver();
        // the card answers getStatus polls from now on, as a card on screen does
        page.executeScript("window.__sandbox.setStatus(arguments[0])", connectedStatus());
        ToggleButton button = robot.lookup("#hold-button").queryAs(ToggleButton.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !button.isDisabled());

        robot.clickOn("#hold-button");
        waitInPage(driver, "return window.__sandbox.commandsSeen.indexOf('disableAutoClose') >= 0");
        assertEquals(Boolean.TRUE, page.executeScript("return window.__sandbox.autoCloseHeld"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, button::isSelected);
        assertEquals("Let card close", button.getText());
        assertTrue(tracker.current().autoCloseHeld());
        PngSnapshots.save(button.getScene().getRoot(), "hold-browser-held");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !button.isDisabled());
        robot.clickOn("#hold-button");
        waitInPage(driver, "return window.__sandbox.commandsSeen.indexOf('enableAutoClose') >= 0");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !button.isSelected());
        assertEquals(Boolean.FALSE, page.executeScript("return window.__sandbox.autoCloseHeld"));
        assertEquals("Hold card open", button.getText());
        assertEquals(List.of("disableAutoClose", "enableAutoClose"), page.executeScript(
                "return window.__sandbox.commandsSeen.filter(function (c) { return c !== 'getStatus'; })"));
    }

    private static Map<String, Object> connectedStatus() {
        return Map.of("CALL_ID", PortalPage.CALL_ID, "PHONE_NUMBER", "+4930123456",
                "LINE_NUMBER", "+49 30 000-00-00", "LINE_NAME", "Sandbox line", "CRM_ENTITY_TYPE", "CONTACT",
                "CRM_ENTITY_ID", 5, "CRM_BINDINGS", List.of(), "CALL_DIRECTION", "incoming",
                "CALL_STATE", "connected", "CALL_LIST_MODE", false);
    }

    private static void waitInPage(WebDriver driver, String script) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(script)));
    }
}
