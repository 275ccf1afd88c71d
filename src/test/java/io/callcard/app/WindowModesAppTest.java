package io.callcard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.config.PreferencesStore;
import io.callcard.config.WindowBoundsStore;
import io.callcard.testing.Eventually;
import io.callcard.testing.UiTest;
import io.callcard.ui.PngSnapshots;
import io.callcard.ui.shell.ShellView;
import io.callcard.ui.window.CompactCardView;
import io.callcard.ui.window.WindowIcons;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window beside the phone as the application builds it, on a temporary home, headless on Monocle: compact mode
 * and on top as saved, the compact line's own size kept apart from the full card's, the icon drawn after the first
 * frame, and the sandbox's ringing call raising a notification.
 */
@UiTest
class WindowModesAppTest {

    @TempDir
    Path home;

    private CallCardApp app;
    private final FxRobot robot = new FxRobot();

    private Path configDir() {
        return AppPaths.underHome(home).configDir();
    }

    private Stage startApp() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage(); // the stage TestFX starts the application on
        StartupOptions options = new StartupOptions(AppPaths.underHome(home), 0, true, Locale.ENGLISH, 10.0,
                false, null);
        app = (CallCardApp) FxToolkit.setupApplication(() -> new CallCardApp(options));
        return stage;
    }

    @AfterEach
    void stopApp() throws Exception {
        // the primary stage is shared by every TestFX test: none leaves it minimised
        WaitForAsyncUtils.asyncFx(() -> FxToolkit.toolkitContext().getRegisteredStage().setIconified(false))
                .get(5, TimeUnit.SECONDS);
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().filter(w -> !(w instanceof Stage)).toList()
                .forEach(Window::hide)).get(5, TimeUnit.SECONDS);
    }

    /** The titles of the call notifications on screen. */
    private static java.util.List<String> noticeTitles() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().getRoot().lookup(".call-notice") != null)
                .map(w -> ((Label) w.getScene().getRoot().lookup(".notification-bar .title")).getText())
                .toList()).get(5, TimeUnit.SECONDS);
    }

    @Test
    void savedCompactAndOnTopApplyFromTheStartAndTheCompactLineKeepsItsOwnSize() throws Exception {
        Files.createDirectories(configDir());
        Files.writeString(configDir().resolve(PreferencesStore.FILE_NAME), "compact=true\nalwaysOnTop=true\n");
        Stage stage = startApp();
        assertInstanceOf(CompactCardView.class, stage.getScene().getRoot());
        assertTrue(stage.isAlwaysOnTop());
        WaitForAsyncUtils.asyncFx(() -> stage.setWidth(610)).get(5, TimeUnit.SECONDS);

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.M);
        WaitForAsyncUtils.waitForFxEvents();
        assertInstanceOf(ShellView.class, stage.getScene().getRoot());
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setWidth(430);
            stage.setHeight(500);
        }).get(5, TimeUnit.SECONDS);
        Eventually.waitFor(() -> Files.readString(configDir().resolve(PreferencesStore.FILE_NAME))
                .contains("compact=false"), "the switch is saved");

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.M);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(610, stage.getWidth(), 0.5, "the compact line comes back at its own width");
        assertTrue(stage.getHeight() < 120, "and one line high, was " + stage.getHeight());
        PngSnapshots.save(stage.getScene().getRoot(), "app-compact");

        FxToolkit.cleanupApplication(app);
        app = null;
        assertTrue(Files.readString(configDir().resolve(WindowBoundsStore.FILE_NAME)).contains("width=430.0"));
        assertTrue(Files.readString(configDir().resolve(WindowBoundsStore.COMPACT_FILE_NAME))
                .contains("width=610.0"));
    }

    @Test
    void theIconIsDrawnAfterTheFirstFrameAndTheSandboxsRingingCallRaisesANotification() throws Exception {
        Stage stage = startApp();
        Eventually.waitFor(() -> stage.getIcons().size() == WindowIcons.SIZES.size(), "the icon at every size");
        // the agent is elsewhere (a window in front raises none)
        WaitForAsyncUtils.asyncFx(() -> stage.setIconified(true)).get(5, TimeUnit.SECONDS);
        // the sandbox's demo starts with an incoming call from a known contact, followed from the first frame on
        Eventually.waitFor(() -> noticeTitles().contains("Incoming call"), "an incoming call's notification");
    }
}
