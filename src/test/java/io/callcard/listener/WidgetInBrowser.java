package io.callcard.listener;

import com.sun.net.httpserver.HttpServer;
import io.callcard.call.CallTracker;
import io.callcard.sandbox.rest.SandboxRestServer;
import io.callcard.testing.ListenerFixture;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.function.Function;
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
    private final ListenerFixture listener;
    private final HttpServer portalPage;

    private WidgetInBrowser(HeadlessChromium chromium, SandboxRestServer sandbox, ListenerFixture listener,
                            HttpServer portalPage) {
        this.chromium = chromium;
        this.sandbox = sandbox;
        this.listener = listener;
        this.portalPage = portalPage;
    }

    public static WidgetInBrowser start() throws Exception {
        return start(SandboxRestServer::bx24ScriptUri);
    }

    /**
     * As {@link #start()}, with the widget page loading the BX24 script {@code bx24Script} names: the stand-in with a
     * query ({@code ?placement=...}), or a URL that does not answer a script at all (the library missing).
     */
    public static WidgetInBrowser start(Function<SandboxRestServer, URI> bx24Script) throws Exception {
        return start(bx24Script, io.callcard.testing.UncheckedWidgetProof.INSTANCE);
    }

    /** As {@link #start()}, with the widget form's token proven by {@code proof}. */
    public static WidgetInBrowser provenBy(WidgetProof proof) throws Exception {
        return start(SandboxRestServer::bx24ScriptUri, proof);
    }

    private static WidgetInBrowser start(Function<SandboxRestServer, URI> bx24Script, WidgetProof proof)
            throws Exception {
        HeadlessChromium chromium = HeadlessChromium.startOrSkip();
        SandboxRestServer sandbox = null;
        ListenerFixture listener = null;
        try {
            sandbox = SandboxRestServer.builder().port(0).start();
            listener = ListenerFixture.start(ListenerConfig.loopback(0)
                    .withWidget(WidgetConfig.withBx24Script(bx24Script.apply(sandbox))), java.time.Clock.systemUTC(),
                    java.util.Optional::empty, proof);
            return new WidgetInBrowser(chromium, sandbox, listener, PortalPage.serve(listener.port()));
        } catch (Exception | Error e) {
            closeAll(chromium, sandbox, listener, null);
            throw e;
        }
    }

    public WebDriver driver() {
        return chromium.driver();
    }

    public CallTracker tracker() {
        return listener.tracker();
    }

    /** The listener running now (a new one after {@link #restartListener}). */
    public LoopbackListener listener() {
        return listener.listener();
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
        openWidgetFrame();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("return !!window.__sandbox && window.__sandbox.boundEvents().length === 3")));
        return (JavascriptExecutor) driver;
    }

    /**
     * Opens the portal page and switches into the widget's frame once the widget page is in it, whatever its script
     * makes of it (for the pages that cannot bridge: no library, not a call card).
     */
    public JavascriptExecutor openWidgetFrame() {
        WebDriver driver = driver();
        driver.get(portalPageUrl());
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
            d.switchTo().defaultContent();
            d.switchTo().frame("widget");
            return Boolean.TRUE.equals(((JavascriptExecutor) d)
                    .executeScript("return !!document.getElementById('companion-status')"));
        });
        return (JavascriptExecutor) driver;
    }

    /** Has the portal page's form open the widget page in the browser's own window, outside any frame. */
    public JavascriptExecutor openWidgetOutsideAFrame() {
        WebDriver driver = driver();
        driver.get(portalPageUrl() + "alone");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("return !!document.getElementById('companion-status')")));
        return (JavascriptExecutor) driver;
    }

    /**
     * Stops the listener, then starts it again on the same port once {@code whileStopped} has run: the companion
     * restarting under a page that stays open.
     */
    public void restartListener(ListenerFixture.ThrowingRunnable whileStopped) throws Exception {
        listener.restart(whileStopped);
    }

    @Override
    public void close() {
        closeAll(chromium, sandbox, listener, portalPage);
    }

    private static void closeAll(HeadlessChromium chromium, SandboxRestServer sandbox, ListenerFixture listener,
                                 HttpServer portalPage) {
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
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
