package io.callcard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallDisplayState;
import io.callcard.sandbox.BuiltInScenarios;
import io.callcard.sandbox.CardBehaviour;
import io.callcard.sandbox.Scenario;
import io.callcard.testing.UiTest;
import io.callcard.ui.EnumPseudoClasses;
import io.callcard.ui.PngSnapshots;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.collections.SetChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole slice, end to end: the app starts on a temporary home, its sandbox portal posts widget messages over
 * real loopback HTTP to its listener, and the window's call card follows. Headless on Monocle.
 */
@UiTest
class CallCardAppTest {

    @TempDir
    Path home;

    private CallCardApp app;
    private final FxRobot robot = new FxRobot();

    /** A phase as the agent saw it, with the failure line shown at that moment. */
    private record Seen(CallDisplayState phase, String failure) {
    }

    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());

    private void startApp(int port) throws Exception {
        startApp(port, null);
    }

    /** With {@code scenario} playing in the sandbox, or the built-in demo when null. */
    private void startApp(int port, Scenario scenario) throws Exception {
        FxToolkit.registerPrimaryStage();
        StartupOptions options = new StartupOptions(AppPaths.underHome(home), port, true, Locale.ENGLISH, 10.0,
                false, scenario);
        app = (CallCardApp) FxToolkit.setupApplication(() -> new CallCardApp(options));
    }

    @AfterEach
    void stopApp() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void aTakenPortIsExplainedInTheStatusLineAndTheWindowStays() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            startApp(taken.getLocalPort());
            Label status = robot.lookup("#status-line").queryAs(Label.class);
            String expected = "Port " + taken.getLocalPort() + " is already in use. Is another CallCard Companion"
                    + " running? Close it, or start with --port to choose another port.";
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> expected.equals(status.getText()));
            assertTrue(status.getPseudoClassStates().contains(PseudoClass.getPseudoClass("error")));
            assertTrue(app.context().servicesReady().isCompletedExceptionally());
            assertTrue(robot.lookup("#call-card").query().isVisible(), "the window stays up to say what is wrong");
        }
    }

    @Test
    void theWindowComesBackWhereTheAgentLeftIt() throws Exception {
        startApp(0);
        Stage stage = (Stage) robot.lookup("#call-card").query().getScene().getWindow();
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setX(101);
            stage.setY(77);
            stage.setWidth(390);
            stage.setHeight(520);
        }).get(5, TimeUnit.SECONDS);
        FxToolkit.cleanupApplication(app);
        app = null;
        assertTrue(Files.readString(AppPaths.underHome(home).configDir().resolve("window.properties"))
                .contains("width=390.0"));

        startApp(0);
        Stage again = (Stage) robot.lookup("#call-card").query().getScene().getWindow();
        assertEquals(101, again.getX(), 0.5);
        assertEquals(77, again.getY(), 0.5);
        assertEquals(390, again.getWidth(), 0.5);
        assertEquals(520, again.getHeight(), 0.5);
    }

    @Test
    void aSigtermSavesWhereTheWindowWasFromTheHooksOwnThread() throws Exception {
        startApp(0);
        Stage stage = (Stage) robot.lookup("#call-card").query().getScene().getWindow();
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setX(133);
            stage.setWidth(405);
        }).get(5, TimeUnit.SECONDS);
        Thread hook = new Thread(app::terminated, "callcard-shutdown"); // what the JVM's hook thread runs
        hook.start();
        hook.join(10_000);
        String saved = Files.readString(AppPaths.underHome(home).configDir().resolve("window.properties"));
        assertTrue(saved.contains("x=133.0") && saved.contains("width=405.0"), saved);
    }

    @Test
    void aBrokenSettingsFileIsReportedAndDefaultsAreUsed() throws Exception {
        Path config = AppPaths.underHome(home).configDir();
        Files.createDirectories(config);
        Files.writeString(config.resolve("settings.json"), "{\"listenerPort\": 70000}");
        startApp(0);
        Label status = robot.lookup("#status-line").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.getText().startsWith("Settings file "));
        assertTrue(status.getText().contains("listenerPort must be between 1 and 65535, was 70000"),
                status.getText());
        assertTrue(status.getPseudoClassStates().contains(PseudoClass.getPseudoClass("warning")));
        assertEquals("{\"listenerPort\": 70000}", Files.readString(config.resolve("settings.json")),
                "the user's file is never overwritten");
    }

    @Test
    void sandboxCallsDriveTheCardThroughConnectingConnectedAndAFailedEnd() throws Exception {
        // the documented card tells the widget each call's failure code; by Bitrix24's own rules (the sandbox's
        // default) the code comes from the portal's statistics after the call instead
        startApp(0, BuiltInScenarios.demo().withCardBehaviour(CardBehaviour.DOCUMENTED));
        Node card = robot.lookup("#call-card").query();
        Label failure = robot.lookup("#failure").queryAs(Label.class);
        WaitForAsyncUtils.asyncFx(() -> card.getPseudoClassStates().addListener(
                (SetChangeListener<PseudoClass>) change -> {
                    if (change.wasAdded()) {
                        CallDisplayState phase = phaseOf(change.getElementAdded());
                        if (phase != null) {
                            seen.add(new Seen(phase, failure.isVisible() ? failure.getText() : ""));
                        }
                    }
                })).get(5, TimeUnit.SECONDS);

        // The sandbox starts with the window, so the test may join mid-call: it waits for a whole cycle, in order
        // (the demo loops): a call rings, is answered and ends, then a later call fails busy with the code shown.
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, this::sawWholeCycle);
        } catch (TimeoutException e) {
            throw new AssertionError("expected connecting -> connected -> ended -> failed (Busy (486)), saw " + seen);
        }

        Label banner = robot.lookup("#sandbox-banner").queryAs(Label.class);
        assertTrue(banner.isVisible());
        assertEquals("Sandbox portal: simulated calls. Connect your Bitrix24 in Settings", banner.getText());
        Label status = robot.lookup("#status-line").queryAs(Label.class);
        String port = String.valueOf(app.context().listener().port());
        assertEquals("Listening for the call card on 127.0.0.1:" + port, status.getText());

        PngSnapshots.save(card.getScene().getRoot(), "call-card-failed");
    }

    private boolean sawWholeCycle() {
        List<CallDisplayState> wanted = List.of(CallDisplayState.CONNECTING, CallDisplayState.CONNECTED, CallDisplayState.ENDED, CallDisplayState.FAILED);
        int next = 0;
        synchronized (seen) {
            for (Seen s : seen) {
                if (s.phase() != wanted.get(next)) {
                    continue;
                }
                if (s.phase() == CallDisplayState.FAILED) {
                    return s.failure().equals("Busy (486)");
                }
                next++;
            }
        }
        return false;
    }

    private static CallDisplayState phaseOf(PseudoClass pc) {
        for (CallDisplayState p : CallDisplayState.values()) {
            if (EnumPseudoClasses.cssName(p).equals(pc.getPseudoClassName())) {
                return p;
            }
        }
        return null;
    }
}
