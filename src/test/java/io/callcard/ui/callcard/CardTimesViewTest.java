package io.callcard.ui.callcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallCardStatus;
import io.callcard.call.CallDirection;
import io.callcard.call.CallEvent;
import io.callcard.call.CallSnapshot;
import io.callcard.call.CallStateReducer;
import io.callcard.call.CallerNumber;
import io.callcard.call.CrmEntityType;
import io.callcard.call.CrmNames;
import io.callcard.call.CrmRef;
import io.callcard.prefs.Preferences;
import io.callcard.testing.UiTest;
import io.callcard.ui.Messages;
import io.callcard.ui.Palette;
import io.callcard.ui.PngSnapshots;
import io.callcard.ui.PreferencesModel;
import io.callcard.ui.UiExecutor;
import io.callcard.ui.shell.ShellView;
import io.callcard.ui.shell.ShellViewModel;
import io.callcard.wire.CardCallState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The card in the real window content, headless on Monocle: the number read and copied (button and Ctrl+C), the CRM
 * item and the activity opened from the keyboard, the time in each state and the held card's close countdown. Leaves
 * PNGs under target/screenshots (call-card-*).
 */
@UiTest
class CardTimesViewTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
    private static final CrmRef CONTACT = new CrmRef(CrmEntityType.CONTACT, 797);
    private static final CrmRef DEAL = new CrmRef(CrmEntityType.DEAL, 4615);



    private final FxRobot robot = new FxRobot();
    private final RecordedClipboard clipboard = new RecordedClipboard();
    private final RecordedPages pages = new RecordedPages();
    private CallCardViewModel card;
    private VBox window;
    private TextField note;
    private CallSnapshot snapshot = CallSnapshot.EMPTY;

    @BeforeEach
    void showWindow() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Messages messages = Messages.forLocale(Locale.ENGLISH);
            // the clock stands 75 s after the first event: the call's times read as they would then
            card = new CallCardViewModel(messages, Clock.fixed(T0.plusSeconds(75), ZoneOffset.UTC), new UiExecutor());
            card.usePreferences(new PreferencesModel(Preferences.DEFAULTS.withNumberRegion("RU"), p -> { }));
            card.useClipboard(clipboard);
            card.usePages(pages);
            ShellView shell = new ShellView(new ShellViewModel(messages, card), messages, () -> { });
            note = new TextField("a note being typed");
            note.setId("test-note");
            window = new VBox(shell, note);
            window.getStylesheets().add(Palette.STYLESHEET); // the palette's colours are the scene root's
            stage.setScene(new Scene(window, 440, 640));
            stage.sizeToScene();
            stage.show();
        });
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupStages();
    }

    /** The tracker's part, on the FX thread as the app's relay does it. */
    private void cardSays(CallEvent... events) throws Exception {
        for (CallEvent event : events) {
            snapshot = CallStateReducer.reduce(snapshot, event);
        }
        CallSnapshot s = snapshot;
        WaitForAsyncUtils.asyncFx(() -> card.apply(s)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** Whether the node is there and visible: a part built on first use is not there before. */
    private boolean shown(String id) {
        return robot.lookup(id).tryQueryAs(javafx.scene.Node.class).map(javafx.scene.Node::isVisible).orElse(false);
    }

    private void aNamedConnectedCall() throws Exception {
        cardSays(new CallEvent.WidgetOpened(T0, new CallCardStatus("C1", CallerNumber.of("84951234567"), "reg1",
                        "Moscow sales", CONTACT, List.of(CONTACT, DEAL), 12043L, CallDirection.INCOMING,
                        CardCallState.CONNECTING, false)),
                new CallEvent.StateChanged(T0.plusSeconds(9), "C1", CardCallState.CONNECTED, null),
                new CallEvent.CrmNamesLearned(T0.plusSeconds(10), "C1", T0,
                        CrmNames.found(CONTACT, "Ivan Petrov").with(CrmNames.found(DEAL, "Fleet renewal 2027"))));
    }

    @Test
    void theNumberIsReadAndCopiedAsDialledByButtonAndByCtrlC() throws Exception {
        aNamedConnectedCall();
        assertEquals("+7 495 123-45-67", text("#phone"));
        assertEquals("Talk time", text("#timer-caption"));
        assertEquals("01:06", text("#timer"), "connected at 9 s, the clock at 75 s");
        PngSnapshots.save(window, "call-card-connected-named");

        robot.clickOn("#copy-number");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("+74951234567"), clipboard.put);
        assertTrue(shown("#copy-status"));
        assertEquals("Copied +74951234567", text("#copy-status"));

        robot.clickOn("#test-note");
        robot.push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.CONTROL, KeyCode.C);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("+74951234567"), clipboard.put, "a text field keeps its own Ctrl+C");

        robot.interact(() -> robot.lookup("#copy-number").query().requestFocus()); // focus off the text field
        assertFalse(note.isFocused());
        robot.push(KeyCode.CONTROL, KeyCode.C);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("+74951234567", "+74951234567"), clipboard.put, "Ctrl+C anywhere else copies the number");
    }

    @Test
    void ctrlOOpensThePrimaryItemAndCtrlShiftOTheActivity() throws Exception {
        aNamedConnectedCall();
        assertTrue(shown("#open-activity"));
        robot.clickOn("#phone");
        robot.push(KeyCode.CONTROL, KeyCode.O);
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.O);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("https://acme.bitrix24.ru/crm/contact/details/797/",
                "https://acme.bitrix24.ru/crm/activity/?open_view=12043"), pages.opened);
    }

    @Test
    void aHeldCardShowsItsCloseCountdownAfterTheCall() throws Exception {
        cardSays(new CallEvent.WidgetOpened(T0, new CallCardStatus("C2", CallerNumber.of("+4930123456"), "reg1",
                        "Berlin sales", null, List.of(), null, CallDirection.OUTGOING, CardCallState.CONNECTED,
                        false)),
                new CallEvent.AutoCloseChanged(T0.plusSeconds(2), "C2", true),
                new CallEvent.StateChanged(T0.plusSeconds(42), "C2", CardCallState.IDLE, null),
                new CallEvent.BeforeClose(T0.plusSeconds(58), "C2"));
        assertTrue(shown("#close-countdown"));
        assertEquals("Bitrix24 closes the card in 0:48", text("#close-countdown"), "65 s from 58 s, read at 75 s");
        assertEquals("Talked", text("#timer-caption"));
        assertEquals("00:42", text("#timer"));
        PngSnapshots.save(window, "call-card-close-countdown");

        cardSays(new CallEvent.AutoCloseChanged(T0.plusSeconds(75), "C2", true));
        assertEquals("Bitrix24 closes the card in 1:05", text("#close-countdown"), "the portal started it again");
    }

    @Test
    void aHiddenNumberRingsWithNothingToCopy() throws Exception {
        cardSays(new CallEvent.WidgetOpened(T0.plusSeconds(63), new CallCardStatus("C3", CallerNumber.HIDDEN, "reg1",
                "", null, List.of(), null, CallDirection.INCOMING, CardCallState.CONNECTING, false)));
        assertEquals("Hidden number", text("#phone"));
        assertEquals("Ringing for", text("#timer-caption"));
        assertEquals("00:12", text("#timer"));
        assertTrue(robot.lookup("#copy-number").queryAs(Button.class).isDisabled());
        assertFalse(shown("#open-activity"));
        PngSnapshots.save(window, "call-card-hidden-ringing");
    }
}
