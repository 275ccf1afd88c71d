package io.callcard.ui.callcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallCardCommandFailed;
import io.callcard.call.CallCardStatus;
import io.callcard.call.CallDirection;
import io.callcard.call.CallEvent;
import io.callcard.call.CallSnapshot;
import io.callcard.wire.CardCallState;
import io.callcard.call.CallStateReducer;
import io.callcard.call.CallerNumber;
import io.callcard.call.CrmEntityType;
import io.callcard.call.CrmRef;
import io.callcard.testing.UiTest;
import io.callcard.ui.Messages;
import io.callcard.ui.PngSnapshots;
import io.callcard.ui.UiExecutor;
import io.callcard.ui.shell.ShellView;
import io.callcard.ui.shell.ShellViewModel;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The hold button in the real window content, headless on Monocle: clicked with the mouse and pressed with Ctrl+H,
 * answered by a channel the test controls, confirmed by the card through the snapshot.
 */
@UiTest
class HoldButtonViewTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");

    private final FxRobot robot = new FxRobot();
    private final ManualCallCardChannel channel = new ManualCallCardChannel();
    private CallCardViewModel card;
    private ShellView shell;
    private CallSnapshot snapshot = CallSnapshot.EMPTY;

    @BeforeEach
    void showWindow() throws Exception {
        showWindowIn(Locale.ENGLISH);
    }

    private void showWindowIn(Locale language) throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Messages messages = Messages.forLocale(language);
            card = new CallCardViewModel(messages, Clock.fixed(T0.plusSeconds(75), ZoneOffset.UTC),
                    new UiExecutor());
            shell = new ShellView(new ShellViewModel(messages, card), messages, () -> { });
            stage.setScene(new Scene(shell, 420, 600)); // the window's default size
            stage.show();
        });
        card.attach(channel);
        snapshot = CallSnapshot.EMPTY;
        cardSays(new CallEvent.WidgetOpened(T0, new CallCardStatus("C1", CallerNumber.of("+4930123456"),
                "reg1", "Berlin sales", new CrmRef(CrmEntityType.CONTACT, 797), List.of(), null,
                CallDirection.INCOMING, CardCallState.CONNECTED, false)));
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupStages();
    }

    /** The tracker's part, on the FX thread as the app's relay does it. */
    private void cardSays(CallEvent event) throws Exception {
        snapshot = CallStateReducer.reduce(snapshot, event);
        CallSnapshot s = snapshot;
        WaitForAsyncUtils.asyncFx(() -> card.apply(s)).get(5, TimeUnit.SECONDS);
    }

    private ToggleButton button() {
        return robot.lookup("#hold-button").queryAs(ToggleButton.class);
    }

    @Test
    void clickingHoldsTheCardOnceAndTheButtonShowsHeldAfterTheCardConfirms() throws Exception {
        assertEquals("Hold card open", button().getText());
        assertFalse(button().isDisabled());
        assertFalse(robot.lookup("#hold-state").queryAs(Label.class).isVisible());
        PngSnapshots.save(shell, "hold-1-available");

        robot.clickOn("#hold-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("disableAutoClose"), channel.commands());
        assertTrue(button().isDisabled(), "disabled while the card has not answered");
        assertTrue(button().getPseudoClassStates().contains(PENDING));
        assertFalse(button().isSelected(), "the click alone does not flip the toggle");
        PngSnapshots.save(shell, "hold-2-pending");
        robot.clickOn("#hold-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("disableAutoClose"), channel.commands(), "a disabled button sends nothing");

        channel.answerLast();
        cardSays(new CallEvent.AutoCloseChanged(T0.plusSeconds(2), "C1", true));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(button().isSelected());
        assertTrue(button().getPseudoClassStates().contains(SELECTED));
        assertEquals("Let card close", button().getText());
        assertTrue(robot.lookup("#hold-state").queryAs(Label.class).isVisible(), "Held open is said in words too");
        PngSnapshots.save(shell, "hold-3-held");

        robot.clickOn("#hold-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("disableAutoClose", "enableAutoClose"), channel.commands());
    }

    @Test
    void ctrlHPressesTheButtonAndTheButtonTakesFocus() throws Exception {
        assertNull(button().getTooltip(), "no tooltip machinery before the pointer comes");
        robot.moveTo(button()).moveBy(3, 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(button().getTooltip().getText().contains("65 seconds"), "the tooltip is made when the pointer comes");
        robot.push(KeyCode.CONTROL, KeyCode.H);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("disableAutoClose"), channel.commands());
        assertTrue(button().isFocusTraversable());
        assertTrue(button().getAccessibleHelp().contains("65 seconds"));
    }

    @Test
    void aFailedCommandIsExplainedUnderTheButton() throws Exception {
        Label error = robot.lookup("#hold-error").queryAs(Label.class);
        assertFalse(error.isVisible());

        robot.clickOn("#hold-button");
        WaitForAsyncUtils.waitForFxEvents();
        channel.failLast(CallCardCommandFailed.Reason.TIMED_OUT);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(error.isVisible());
        assertEquals("The call card did not answer", error.getText());
        assertFalse(button().isDisabled(), "the agent can try again");
        PngSnapshots.save(shell, "hold-4-failed");
    }

    @Test
    void theRussianHeldStateFitsTheNarrowestWindowUncut() throws Exception {
        FxToolkit.cleanupStages();
        showWindowIn(Locale.forLanguageTag("ru"));
        WaitForAsyncUtils.asyncFx(() -> shell.getScene().getWindow().setWidth(340)).get(5, TimeUnit.SECONDS);
        cardSays(new CallEvent.AutoCloseChanged(T0.plusSeconds(2), "C1", true));
        WaitForAsyncUtils.waitForFxEvents();
        PngSnapshots.save(shell, "hold-5-held-ru-narrow");

        assertEquals("Разрешить закрытие", shownText(button()));
        Label heldState = robot.lookup("#hold-state").queryAs(Label.class);
        assertEquals("Удержана", shownText(heldState));
        Text drawn = (Text) heldState.lookup(".text");
        assertTrue(drawn.getLayoutBounds().getHeight() < 2 * drawn.getFont().getSize(), "one line, not wrapped");
    }

    /** What the skin draws, which ends in an ellipsis when the text does not fit. */
    private static String shownText(Labeled labeled) {
        return ((Text) labeled.lookup(".text")).getText();
    }
}
