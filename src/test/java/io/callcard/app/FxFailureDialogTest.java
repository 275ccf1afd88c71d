package io.callcard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.callcard.ui.shell.ErrorDialog;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.input.Clipboard;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An exception that escapes on the FX thread: logged, shown once in a dialog that can copy its details, and the
 * application keeps running. Headless on Monocle, the application as started for real.
 */
class FxFailureDialogTest {

    @TempDir
    Path home;

    private CallCardApp app;
    private final FxRobot robot = new FxRobot();

    private final Logger handlerLog = (Logger) LoggerFactory.getLogger(FxFailureHandler.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void startApp() throws Exception {
        logged.start();
        handlerLog.addAppender(logged);
        handlerLog.setAdditive(false); // the failures this test makes on purpose are kept here, not printed
        FxToolkit.registerPrimaryStage();
        StartupOptions options = new StartupOptions(AppPaths.underHome(home), 0, true, Locale.ENGLISH, 10.0,
                false, null);
        app = (CallCardApp) FxToolkit.setupApplication(() -> new CallCardApp(options));
    }

    @AfterEach
    void stopApp() throws Exception {
        handlerLog.detachAppender(logged);
        handlerLog.setAdditive(true);
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    /** One place to throw from, so that two calls are "the same failure". */
    private static void failOnTheFxThread(String message) {
        Platform.runLater(() -> {
            throw new IllegalStateException(message);
        });
    }

    private Set<DialogPane> errorDialogs() {
        return robot.lookup(".dialog-pane").queryAllAs(DialogPane.class);
    }

    @Test
    void aFailureIsShownOnceWithDetailsToCopyAndTheWindowCarriesOn() throws Exception {
        failOnTheFxThread("the first failure");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> errorDialogs().size() == 1);
        Platform.runLater(() -> {
            throw new UnsupportedOperationException("another failure");
        });
        failOnTheFxThread("the first failure, again");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(1, errorDialogs().size(), "failures while the dialog is open do not open more");
        DialogPane pane = errorDialogs().iterator().next();
        assertEquals("Something went wrong in the window", pane.getHeaderText());
        assertTrue(pane.getContentText().contains("More errors since: 1"), pane.getContentText());

        Button copy = robot.lookup("#" + ErrorDialog.COPY_ID).queryButton();
        robot.interact(copy::fire);
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString())
                .get(5, TimeUnit.SECONDS);
        assertTrue(copied.contains("IllegalStateException: the first failure"), copied);
        assertTrue(copied.contains("UnsupportedOperationException: another failure"), copied);
        assertFalse(copied.contains("the first failure, again"), "the same failure again is logged only");
        assertEquals(1, errorDialogs().size(), "copying keeps the dialog open");

        robot.interact(() -> ((Button) pane.lookupButton(ButtonType.OK)).fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> errorDialogs().isEmpty());
        failOnTheFxThread("the first failure, once more");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Set.of(), errorDialogs(), "a failure already shown does not come back after the dialog closed");

        List<String> logLines = logged.list.stream().map(e -> e.getThrowableProxy().getMessage()).toList();
        assertEquals(List.of("the first failure", "another failure", "the first failure, again",
                "the first failure, once more"), logLines, "every failure is logged, shown or not");

        List<Window> windows = WaitForAsyncUtils.asyncFx(() -> List.copyOf(Window.getWindows()))
                .get(5, TimeUnit.SECONDS);
        assertTrue(windows.stream().anyMatch(Window::isShowing), "the main window is still up");
        assertTrue(robot.lookup("#call-card").query().isVisible());
    }
}
