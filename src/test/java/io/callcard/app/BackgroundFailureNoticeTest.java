package io.callcard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import io.callcard.sandbox.SandboxPortal;
import io.callcard.threads.BackgroundFailures;
import io.callcard.threads.BackgroundThreads;
import io.callcard.ui.Messages;
import io.callcard.ui.shell.ShellViewModel.StatusKind;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A background thread that dies says so on the status line, in words that fit what stopped. Without the toolkit. */
class BackgroundFailureNoticeTest {

    @TempDir
    Path home;

    private AppContext context;
    private final Logger failureLog = (Logger) LoggerFactory.getLogger(BackgroundFailures.class);

    @BeforeEach
    void start() throws Exception {
        StartupOptions options = new StartupOptions(AppPaths.underHome(home), 0, true, Locale.ENGLISH, 50, false,
                null);
        context = new AppContext(options, Messages.forLocale(Locale.ENGLISH), Runnable::run);
        context.startServices();
        context.servicesReady().get(20, TimeUnit.SECONDS);
        assertTrue(context.shell().sandboxProperty().get());
        failureLog.setAdditive(false); // the failures this test makes on purpose are not printed
    }

    @AfterEach
    void stop() {
        failureLog.setAdditive(true);
        context.close();
    }

    @Test
    void theSandboxThreadDyingEndsTheBannerAndSaysWhy() throws Exception {
        BackgroundThreads.start(SandboxPortal.THREAD_NAME, () -> {
            throw new IllegalStateException("the scenario broke");
        }).join();
        assertEquals(StatusKind.ERROR, context.shell().statusKindProperty().get());
        assertEquals("The sandbox portal stopped after an error (IllegalStateException: the scenario broke): no more"
                + " simulated calls. The details are in the log.", context.shell().statusTextProperty().get());
        assertFalse(context.shell().sandboxProperty().get(), "the banner goes with the sandbox");
    }

    @Test
    void anyOtherThreadDyingIsSaidWithItsName() throws Exception {
        BackgroundThreads.start("crm-lookup", () -> {
            throw new IllegalArgumentException("bad id");
        }).join();
        assertEquals("Something failed in the background (crm-lookup: IllegalArgumentException: bad id). The"
                + " companion carries on; the details are in the log.", context.shell().statusTextProperty().get());
        assertEquals(StatusKind.ERROR, context.shell().statusKindProperty().get());
        assertTrue(context.shell().sandboxProperty().get(), "the sandbox plays on");
    }
}
