package io.callcard.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallCardStatus;
import io.callcard.call.CallDirection;
import io.callcard.call.CallEvent;
import io.callcard.call.CallSnapshot;
import io.callcard.call.CallStateReducer;
import io.callcard.call.CallUpdate;
import io.callcard.call.CallerNumber;
import io.callcard.testing.UiTest;
import io.callcard.ui.Messages;
import io.callcard.ui.PngSnapshots;
import io.callcard.ui.UiExecutor;
import io.callcard.ui.callcard.CallCardViewModel;
import io.callcard.wire.CardCallState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The source line and the missed-calls badge in the real window content, headless on Monocle: the line under the
 * card, its looks by kind, the badge made with the first missed call, pressed to mark them seen; looked at as PNGs.
 */
@UiTest
class CardSourceBarViewTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    private final FxRobot robot = new FxRobot();
    private ShellViewModel vm;
    private ShellView shell;
    private Stage stage;
    private Consumer<CallUpdate> watcher;

    @BeforeEach
    void showWindow() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            Messages messages = Messages.forLocale(Locale.ENGLISH);
            CallCardViewModel card = new CallCardViewModel(messages, Clock.fixed(T0.plusSeconds(75), ZoneOffset.UTC),
                    new UiExecutor());
            vm = new ShellViewModel(messages, card);
            shell = new ShellView(vm, messages, () -> { });
            s.setScene(new Scene(shell, 420, 480));
            s.show();
            watcher = vm.missedCalls().watcher(new UiExecutor());
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupStages();
    }

    /** An incoming call rings on the card and the card closes unanswered; the card shows it. */
    private void missedCall(String callId, long at) throws Exception {
        CallCardStatus ringing = new CallCardStatus(callId, CallerNumber.of("+4930123456"), "reg1", "Berlin sales",
                null, List.of(), null, CallDirection.INCOMING, CardCallState.CONNECTING, false);
        CallEvent opened = new CallEvent.WidgetOpened(T0.plusSeconds(at), ringing);
        CallSnapshot open = CallStateReducer.reduce(CallSnapshot.EMPTY, opened);
        CallEvent lost = new CallEvent.BridgeLost(T0.plusSeconds(at + 20), callId);
        CallSnapshot closed = CallStateReducer.reduce(open, lost);
        watcher.accept(new CallUpdate(opened, CallSnapshot.EMPTY, open));
        watcher.accept(new CallUpdate(lost, open, closed));
        WaitForAsyncUtils.asyncFx(() -> vm.callCard().apply(closed)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Paint lineColour() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            shell.applyCss();
            return ((Label) shell.lookup("#card-source")).getTextFill();
        }).get(5, TimeUnit.SECONDS);
    }

    @Test
    void theLineNamesTheSourceUnderTheCardAndTheBadgeCountsUntilPressed() throws Exception {
        Label line = (Label) shell.lookup("#card-source");
        assertEquals("Starting: not listening yet", line.getText());
        assertNull(shell.lookup("#missed-badge"), "no badge before the first missed call");

        SourceFacts widgetOpen = new SourceFacts(SourceFacts.Listening.LISTENING, false, T0, true, null, null,
                SourceFacts.SeedTransport.REFUSED, false, true, false, true);
        WaitForAsyncUtils.asyncFx(() -> vm.source().show(SourceLine.describe(widgetOpen, T0.plusSeconds(12))))
                .get(5, TimeUnit.SECONDS);
        assertEquals("Widget bridge · 10 s ago", line.getText());
        assertEquals("Card data from Widget bridge · 10 s ago", line.getAccessibleText());
        Paint live = lineColour();

        missedCall("m1", 0);
        missedCall("m2", 60);
        Button badge = (Button) shell.lookup("#missed-badge");
        assertTrue(badge.isVisible());
        assertEquals("2 missed", badge.getText());
        assertEquals("2 missed calls since you last looked. Press to mark them seen.", badge.getAccessibleText());
        assertTrue(badge.localToScene(badge.getBoundsInLocal()).getMinY()
                >= shell.lookup("#call-card").localToScene(shell.lookup("#call-card").getBoundsInLocal()).getMaxY(),
                "the line and the badge sit under the card");
        Path png = PngSnapshots.save(shell, "shell-source-line-missed-badge");
        assertTrue(Files.size(png) > 0);

        SourceFacts nothing = new SourceFacts(SourceFacts.Listening.LISTENING, false, null, false, T0, null,
                SourceFacts.SeedTransport.REFUSED, false, false, true, false);
        WaitForAsyncUtils.asyncFx(() -> vm.source().show(SourceLine.describe(nothing, T0.plusSeconds(20))))
                .get(5, TimeUnit.SECONDS);
        assertEquals("The call card widget is not installed: see Setting up the widget in the README (last heard:"
                + " Server events · 20 s ago)", line.getText());
        assertNotEquals(live, lineColour(), "hearing nothing looks different from a live channel");
        PngSnapshots.save(shell, "shell-source-line-not-installed");

        robot.clickOn(badge);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, vm.missedCalls().countProperty().get(), "pressing the badge marks them seen");
        assertFalse(badge.isVisible());
        assertFalse(badge.isManaged(), "it gives up its place too");
    }

    @Test
    void theWindowGainingTheFocusWithTheCardShowingMarksThemSeen() throws Exception {
        // Monocle keeps a shown window focused, so the agent "working elsewhere" is a window not shown yet
        Stage window = WaitForAsyncUtils.asyncFx(() -> {
            Stage later = new Stage();
            later.setScene(new Scene(new ShellView(vm, Messages.forLocale(Locale.ENGLISH), () -> { }), 420, 480));
            return later;
        }).get(5, TimeUnit.SECONDS);
        assertFalse(window.isFocused());
        missedCall("m1", 0);
        missedCall("m2", 60);
        assertEquals(2, vm.missedCalls().countProperty().get(), "nobody looked yet");

        WaitForAsyncUtils.asyncFx(() -> {
            window.show();
            window.toFront();
            window.requestFocus();
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        try {
            assertTrue(window.isFocused());
            assertEquals(0, vm.missedCalls().countProperty().get(), "the agent brought the window forward and looked");
        } finally {
            WaitForAsyncUtils.asyncFx(window::hide).get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void theWindowGainingTheFocusWithTheCardHiddenLeavesThemUnseen() throws Exception {
        Stage window = WaitForAsyncUtils.asyncFx(() -> {
            Stage later = new Stage();
            ShellView hiddenCard = new ShellView(vm, Messages.forLocale(Locale.ENGLISH), () -> { });
            later.setScene(new Scene(hiddenCard, 420, 480));
            hiddenCard.applyCss(); // the card's scroller holds it once skinned
            hiddenCard.lookup("#call-card").getParent().setVisible(false); // e.g. a one-line compact window
            return later;
        }).get(5, TimeUnit.SECONDS);
        missedCall("m1", 0);
        WaitForAsyncUtils.asyncFx(() -> {
            window.show();
            window.requestFocus();
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        try {
            assertTrue(window.isFocused());
            assertEquals(1, vm.missedCalls().countProperty().get(), "the card was not in sight: nobody looked at it");
        } finally {
            WaitForAsyncUtils.asyncFx(window::hide).get(5, TimeUnit.SECONDS);
        }
    }
}
