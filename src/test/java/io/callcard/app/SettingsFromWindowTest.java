package io.callcard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.callcard.config.PortalSettings;
import io.callcard.config.SecretKeys;
import io.callcard.config.SecretStores;
import io.callcard.config.SettingsStore;
import io.callcard.sandbox.rest.SandboxRestServer;
import io.callcard.testing.UiTest;
import io.callcard.ui.PngSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Connecting a portal from the window, end to end: the app runs on a temporary home, Ctrl+, opens Settings, the
 * webhook of a real sandbox REST server is typed and Enter pressed, and the portal's answer decides what is saved in
 * settings.json and the secret store. Headless on Monocle.
 */
@UiTest
class SettingsFromWindowTest {

    private static final PseudoClass SUCCESS = PseudoClass.getPseudoClass("success");
    private static final PseudoClass FAILURE = PseudoClass.getPseudoClass("failure");

    @TempDir
    Path home;

    private final SandboxRestServer portal = SandboxRestServer.builder().start();
    private final FxRobot robot = new FxRobot();
    private CallCardApp app;

    private Path configDir() {
        return AppPaths.underHome(home).configDir();
    }

    private void startApp(Locale language) throws Exception {
        FxToolkit.registerPrimaryStage();
        StartupOptions options = new StartupOptions(AppPaths.underHome(home), 0, true, language, 10.0, false, null);
        app = (CallCardApp) FxToolkit.setupApplication(() -> new CallCardApp(options));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.context().servicesReady().isDone());
    }

    private final Logger rootLog = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private Level levelBefore;

    @BeforeEach
    void captureLogs() {
        levelBefore = rootLog.getLevel();
        rootLog.setLevel(Level.DEBUG);
        logged.start();
        rootLog.addAppender(logged);
    }

    @AfterEach
    void stop() throws Exception {
        rootLog.detachAppender(logged);
        rootLog.setLevel(levelBefore);
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        portal.close();
    }

    /** Ctrl+, in the main window; the settings window appears and reads the saved settings. */
    private void openSettingsWithTheShortcut() throws Exception {
        robot.clickOn("#call-card");
        robot.push(KeyCode.CONTROL, KeyCode.COMMA);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#webhook-field").tryQuery().isPresent()
                && robot.lookup("#webhook-field").query().getScene().getWindow().isShowing());
        Label saved = robot.lookup("#saved-portal").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup("#port-field").queryAs(TextField.class)
                .getText().isEmpty());
        assertTrue(saved.getText().startsWith("Now: the sandbox portal"), saved.getText());
    }

    private Label typeWebhookAndPressEnter(String url) throws Exception {
        robot.clickOn("#webhook-field");
        robot.write(url);
        robot.push(KeyCode.ENTER);
        Label outcome = robot.lookup("#portal-outcome").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> outcome.getPseudoClassStates().contains(SUCCESS)
                || outcome.getPseudoClassStates().contains(FAILURE));
        return outcome;
    }

    @Test
    void aWebhookThePortalAcceptsIsConnectedAndSaved() throws Exception {
        startApp(Locale.ENGLISH);
        openSettingsWithTheShortcut();
        PngSnapshots.save(robot.lookup("#webhook-field").query().getScene().getRoot(), "settings-en-opened");

        Label outcome = typeWebhookAndPressEnter(portal.webhookUrl());

        assertTrue(outcome.getPseudoClassStates().contains(SUCCESS), outcome.getText());
        assertTrue(outcome.getText().startsWith("Connected to 127.0.0.1 as "), outcome.getText());
        assertTrue(outcome.getText().contains("Restart CallCard Companion"), outcome.getText());
        assertEquals("Now: 127.0.0.1", robot.lookup("#saved-portal").queryAs(Label.class).getText());
        assertEquals("", robot.lookup("#webhook-field").queryAs(TextField.class).getText());
        PngSnapshots.save(outcome.getScene().getRoot(), "settings-en-connected");

        PortalSettings saved = new SettingsStore(configDir()).load().portal();
        assertEquals(PortalSettings.Kind.WEBHOOK, saved.kind());
        assertEquals("127.0.0.1", saved.host());
        assertEquals(Optional.of(portal.webhookUrl()),
                SecretStores.open(configDir()).read(SecretKeys.WEBHOOK_URL));
        String code = portal.webhookUrl().replaceAll(".*/rest/\\d+/([^/]+)/", "$1");
        assertFalse(Files.readString(configDir().resolve("settings.json")).contains(code),
                "the webhook's code stays out of settings.json");
        String log = logs();
        assertTrue(log.contains("Settings: connected to portal 127.0.0.1"), "the log is captured: " + log);
        assertFalse(log.contains(code), "the webhook's code is never logged");
    }

    @Test
    void aWebhookThePortalRefusesIsExplainedAndNothingIsSaved() throws Exception {
        startApp(Locale.ENGLISH);
        openSettingsWithTheShortcut();
        String wrong = portal.webhookUrl().replaceAll("/rest/(\\d+)/[^/]+/", "/rest/$1/wrongcode123/");

        Label outcome = typeWebhookAndPressEnter(wrong);

        assertTrue(outcome.getPseudoClassStates().contains(FAILURE), outcome.getText());
        assertTrue(outcome.getText().contains("did not accept this webhook"), outcome.getText());
        assertTrue(outcome.getText().endsWith("Nothing was saved."), outcome.getText());
        assertEquals(wrong, robot.lookup("#webhook-field").queryAs(TextField.class).getText(),
                "what was typed stays, to be mended");
        assertNull(new SettingsStore(configDir()).load().portal());
        assertEquals(Optional.empty(), SecretStores.open(configDir()).read(SecretKeys.WEBHOOK_URL));
        assertTrue(robot.lookup("#saved-portal").queryAs(Label.class).getText().startsWith("Now: the sandbox"));
        PngSnapshots.save(outcome.getScene().getRoot(), "settings-en-refused");

        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        Stage main = (Stage) robot.lookup("#call-card").query().getScene().getWindow();
        assertFalse(outcome.getScene().getWindow().isShowing(), "Esc closes Settings");
        assertTrue(main.isShowing());
    }

    @Test
    void theBannerLinkOpensSettingsInRussian() throws Exception {
        startApp(Locale.forLanguageTag("ru"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#settings-link").query().isVisible()
                && robot.lookup("#settings-link").query().getParent().isVisible());
        robot.clickOn("#settings-link");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#webhook-field").tryQuery().isPresent());
        Label saved = robot.lookup("#saved-portal").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> saved.getText().startsWith("Сейчас: тестовый портал"));
        assertEquals("Настройки", ((Stage) saved.getScene().getWindow()).getTitle());
        PngSnapshots.save(robot.lookup("#call-card").query().getScene().getRoot(), "main-window-ru");

        Label outcome = typeWebhookAndPressEnter(portal.webhookUrl().replaceAll("/rest/(\\d+)/[^/]+/",
                "/rest/$1/wrongcode123/"));
        assertTrue(outcome.getText().contains("не принял этот вебхук"), outcome.getText());
        PngSnapshots.save(saved.getScene().getRoot(), "settings-ru-refused");
    }

    private String logs() {
        StringBuilder all = new StringBuilder();
        for (ILoggingEvent event : logged.list) {
            all.append(event.getFormattedMessage()).append('\n');
        }
        return all.toString();
    }
}
