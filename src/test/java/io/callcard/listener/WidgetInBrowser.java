package io.callcard.listener;

import com.sun.net.httpserver.HttpServer;
import io.callcard.call.CallTracker;
import io.callcard.sandbox.rest.SandboxRestServer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Everything a browser test of the widget needs, started together and closed together: headless Chromium (skipped
 * locally, failing under CI when missing), the sandbox's stand-in BX24, a tracker and a real listener serving the
 * widget with that BX24, and the {@link PortalPage} that submits the handler form into an iframe named
 * {@code widget}. Public for browser tests and benchmarks of other packages.
 */
public final class WidgetInBrowser implements AutoCloseable {

    private final HeadlessChromium chromium;
    private final SandboxRestServer sandbox;
    private final CallTracker tracker;
    private final HttpServer portalPage;
    private LoopbackListener listener;

    private WidgetInBrowser(HeadlessChromium chromium, SandboxRestServer sandbox, CallTracker tracker,
                            LoopbackListener listener, HttpServer portalPage) {
        this.chromium = chromium;
        this.sandbox = sandbox;
        this.tracker = tracker;
        this.listener = listener;
        this.portalPage = portalPage;
    }

    public static WidgetInBrowser start() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.startOrSkip();
        SandboxRestServer sandbox = null;
        CallTracker tracker = null;
        LoopbackListener listener = null;
        try {
            sandbox = SandboxRestServer.builder().port(0).start();
            tracker = new CallTracker();
            listener = LoopbackListener.start(0, tracker, Clock.systemUTC(),
                    WidgetConfig.withBx24Script(sandbox.bx24ScriptUri()));
            return new WidgetInBrowser(chromium, sandbox, tracker, listener, PortalPage.serve(listener.port()));
        } catch (Exception | Error e) {
            closeAll(chromium, sandbox, tracker, listener, null);
            throw e;
        }
    }

    public WebDriver driver() {
        return chromium.driver();
    }

    public CallTracker tracker() {
        return tracker;
    }

    public LoopbackListener listener() {
        return listener;
    }

    public SandboxRestServer sandbox() {
        return sandbox;
    }

    /** The portal page, as the agent's browser opens it: {@code http://localhost:P/}. */
    public String portalPageUrl() {
        return "http://localhost:" + portalPage.getAddress().getPort() + "/";
    }

    /** Opens the portal page, switches into the widget's frame and waits until the page bound the card's events. */
    public JavascriptExecutor openWidget() {
        WebDriver driver = driver();
        driver.get(portalPageUrl());
        driver.switchTo().frame("widget");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("return !!window.__sandbox && window.__sandbox.boundEvents().length === 3")));
        return (JavascriptExecutor) driver;
    }

    /**
     * Stops the listener, then starts it again on the same port once {@code whileStopped} has run: the companion
     * restarting under a page that stays open.
     */
    public void restartListener(ThrowingRunnable whileStopped) throws Exception {
        int port = listener.port();
        listener.close();
        whileStopped.run();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            try {
                listener = LoopbackListener.start(port, tracker, Clock.systemUTC(),
                        WidgetConfig.withBx24Script(sandbox.bx24ScriptUri()));
                return;
            } catch (ListenerStartException busy) {
                if (System.nanoTime() > deadline) {
                    throw busy;
                }
                Thread.sleep(50);
            }
        }
    }

    /** What runs while the listener is down. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Override
    public void close() {
        closeAll(chromium, sandbox, tracker, listener, portalPage);
    }

    private static void closeAll(HeadlessChromium chromium, SandboxRestServer sandbox, CallTracker tracker,
                                 LoopbackListener listener, HttpServer portalPage) {
        if (chromium != null) {
            try {
                chromium.close();
            } catch (IOException e) {
                // the browser is gone either way; nothing else to free
            }
        }
        if (portalPage != null) {
            portalPage.stop(0);
        }
        if (listener != null) {
            listener.close();
        }
        if (tracker != null) {
            tracker.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
