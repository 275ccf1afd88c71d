package io.callcard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.config.PreferencesStore;
import io.callcard.prefs.Theme;
import io.callcard.testing.UiTest;
import io.callcard.ui.Messages;
import io.callcard.ui.PngSnapshots;
import io.callcard.ui.theme.ThemedWindows;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
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
 * Language and theme chosen in the settings window apply at once to the running app, end to end on a temporary home:
 * the main window is rebuilt in Russian and says its state again, both windows turn dark, the choices are saved in
 * preferences.properties, and the settings window is made again in Russian when next opened. Headless on Monocle.
 */
@UiTest
class AppearanceFromSettingsTest {

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private final Messages russian = Messages.forLocale(Locale.forLanguageTag("ru"));
    private CallCardApp app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    private Stage mainWindow() {
        return (Stage) robot.lookup("#call-card").query().getScene().getWindow();
    }

    private void openSettings() throws Exception {
        robot.clickOn("#call-card");
        robot.push(KeyCode.CONTROL, KeyCode.COMMA);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Window.getWindows().stream()
                .anyMatch(w -> w.isShowing() && w.getScene().lookup("#window-section") != null));
    }

    private Stage settingsWindow() {
        return (Stage) Window.getWindows().stream().filter(w -> w.isShowing()
                && w.getScene().lookup("#window-section") != null).findFirst().orElseThrow();
    }

    @Test
    void russianAndDarkChosenInSettingsApplyAtOnceAndAreKept() throws Exception {
        FxToolkit.registerPrimaryStage();
        StartupOptions options = new StartupOptions(AppPaths.underHome(home), 0, true, Locale.ENGLISH, 10.0, false,
                null);
        app = (CallCardApp) FxToolkit.setupApplication(() -> new CallCardApp(options));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.context().servicesReady().isDone());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#settings-button").tryQuery().isPresent());
        assertEquals("Settings…", robot.lookup("#settings-button").queryAs(Button.class).getText().replace("_", ""));

        openSettings();
        robot.clickOn("#language-russian");
        WaitForAsyncUtils.waitForFxEvents();
        // the main window was made again in Russian; its status line says the last status again, in Russian
        Button settingsButton = robot.from(mainWindow().getScene().getRoot()).lookup("#settings-button")
                .queryAs(Button.class);
        assertEquals(russian.get("shell.settings"), settingsButton.getText());
        Label status = robot.from(mainWindow().getScene().getRoot()).lookup("#status-line").queryAs(Label.class);
        assertEquals(app.context().shell().statusTextProperty().get(), status.getText());
        assertTrue(status.getText().matches(".*[а-яА-Я].*"), status.getText());

        robot.clickOn("#theme-dark");
        WaitForAsyncUtils.waitForFxEvents();
        Node mainRoot = mainWindow().getScene().getRoot();
        assertTrue(mainRoot.getPseudoClassStates().contains(ThemedWindows.DARK));
        assertTrue(settingsWindow().getScene().getRoot().getPseudoClassStates().contains(ThemedWindows.DARK));
        PngSnapshots.save(mainRoot, "main-window-ru-dark");

        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        openSettings();
        assertEquals(russian.get("settings.title"), settingsWindow().getTitle(), "made again in the new language");
        PngSnapshots.save(settingsWindow().getScene().getRoot(), "settings-ru-dark");

        // ControlsFX's NotificationPane (a portal asking to connect) in the dark palette too
        robot.push(KeyCode.ESCAPE);
        robot.interact(() -> app.context().shell().askToConnect("acme.bitrix24.ru", allowed -> { }));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.from(mainWindow().getScene().getRoot())
                .lookup(".connect-question .notification-bar > .pane").tryQuery().map(Node::isVisible).orElse(false));
        javafx.scene.layout.Region bar = robot.from(mainWindow().getScene().getRoot())
                .lookup(".connect-question .notification-bar > .pane").queryAs(javafx.scene.layout.Region.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(javafx.scene.paint.Color.web("#3a3115"), bar.getBackground().getFills().get(1).getFill());
        PngSnapshots.save(mainWindow().getScene().getRoot(), "main-window-ru-dark-question");
        robot.interact(() -> app.context().shell().connectQuestions().ignore());

        PreferencesStore store = new PreferencesStore(AppPaths.underHome(home).configDir());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> store.load().preferences().theme() == Theme.DARK);
        assertEquals("ru", store.load().preferences().language());
    }
}
