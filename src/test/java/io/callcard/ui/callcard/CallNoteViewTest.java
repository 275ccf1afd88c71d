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
import io.callcard.testing.UiTest;
import io.callcard.ui.Messages;
import io.callcard.ui.PngSnapshots;
import io.callcard.ui.UiExecutor;
import io.callcard.ui.shell.ShellView;
import io.callcard.ui.shell.ShellViewModel;
import io.callcard.wire.CardCallState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The note field on the card in the real window content, headless on Monocle: typed into, added with Ctrl+Enter and
 * with the button, the outbox's answers shown; PNGs under target/screenshots to look at.
 */
@UiTest
class CallNoteViewTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final CrmRef CONTACT = new CrmRef(CrmEntityType.CONTACT, 797);

    private final FxRobot robot = new FxRobot();
    private final ManualCallNotes outbox = new ManualCallNotes();
    private CallCardViewModel card;
    private ShellView shell;
    private CallSnapshot snapshot = CallSnapshot.EMPTY;

    @BeforeEach
    void showWindow() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Messages messages = Messages.forLocale(Locale.ENGLISH);
            card = new CallCardViewModel(messages, Clock.fixed(T0.plusSeconds(95), ZoneOffset.UTC),
                    new UiExecutor());
            shell = new ShellView(new ShellViewModel(messages, card), messages, () -> { });
            stage.setScene(new Scene(shell, 440, 760));
            stage.sizeToScene();
            stage.show();
        });
        card.note().attach(outbox);
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupStages();
    }

    private void cardSays(CallEvent event) throws Exception {
        snapshot = CallStateReducer.reduce(snapshot, event);
        CallSnapshot s = snapshot;
        WaitForAsyncUtils.asyncFx(() -> card.apply(s)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void callEnded(CrmRef entity) throws Exception {
        cardSays(new CallEvent.WidgetOpened(T0, new CallCardStatus("C1", CallerNumber.of("+4930123456"), "reg1",
                "Berlin sales", entity, entity == null ? List.of() : List.of(entity), null, CallDirection.INCOMING,
                CardCallState.CONNECTED, false)));
        if (entity != null) {
            cardSays(new CallEvent.CrmNamesLearned(T0.plusSeconds(1), "C1", T0, CrmNames.found(entity,
                    "Ivan Petrov")));
        }
        cardSays(new CallEvent.StateChanged(T0.plusSeconds(95), "C1", CardCallState.IDLE, null));
    }

    private Label status() {
        return robot.lookup("#note-status").queryAs(Label.class);
    }

    @Test
    void typedAndAddedWithCtrlEnterThenAddedSaysSo() throws Exception {
        callEnded(CONTACT);
        assertEquals("Note for Ivan Petrov \u00b7 Contact", robot.lookup("#note-target").queryAs(Label.class)
                .getText());
        Button add = robot.lookup("#note-add").queryAs(Button.class);
        assertTrue(add.isDisabled(), "nothing typed yet");

        robot.clickOn("#note-text").write("Wants a callback on Monday");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(add.isDisabled());
        PngSnapshots.save(shell, "note-1-typed");
        robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(1, outbox.added().size(), "Ctrl+Enter added it");
        NoteDraft sent = outbox.added().get(0);
        assertEquals("Wants a callback on Monday", sent.text(), "no new line from the Enter");
        assertEquals(CONTACT, sent.entity());
        assertEquals("", robot.lookup("#note-text").queryAs(TextArea.class).getText());
        assertEquals("Adding the note to Ivan Petrov \u00b7 Contact\u2026", status().getText());

        outbox.report(sent, NoteProgress.State.ADDED, "");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Note added to the timeline of Ivan Petrov \u00b7 Contact.", status().getText());
        assertTrue(status().getPseudoClassStates().contains(PseudoClass.getPseudoClass("added")));
        Path png = PngSnapshots.save(shell, "note-2-added");
        assertTrue(Files.size(png) > 0, png.toString());
    }

    @Test
    void theButtonAddsTooAndARefusedNoteStaysOnTheCardToCopy() throws Exception {
        callEnded(CONTACT);
        robot.clickOn("#note-text").write("Needs a manager");
        robot.clickOn("#note-add");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, outbox.added().size());

        outbox.report(outbox.added().get(0), NoteProgress.State.REFUSED, "portal.error.ACCESS_DENIED");
        WaitForAsyncUtils.waitForFxEvents();

        TextField refused = robot.lookup("#note-refused").queryAs(TextField.class);
        assertTrue(refused.isVisible());
        assertEquals("Needs a manager", refused.getText());
        assertFalse(refused.isEditable());
        assertTrue(status().getText().startsWith("The portal refused the note for Ivan Petrov \u00b7 Contact."));
        assertTrue(status().getPseudoClassStates().contains(PseudoClass.getPseudoClass("refused")));
        PngSnapshots.save(shell, "note-3-refused");
    }

    @Test
    void ctrlHWhileTypingHoldsTheCardAndKeepsTheWords() throws Exception {
        ManualCallCardChannel channel = new ManualCallCardChannel();
        card.attach(channel);
        cardSays(new CallEvent.WidgetOpened(T0, new CallCardStatus("C1",
                CallerNumber.of("+4930123456"), "reg1", "", CONTACT, List.of(CONTACT), null, CallDirection.INCOMING,
                CardCallState.CONNECTED, false)));
        robot.clickOn("#note-text").write("Typing");
        robot.push(KeyCode.CONTROL, KeyCode.H);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of("disableAutoClose"), channel.commands(), "the window's hold shortcut, not a backspace");
        assertEquals("Typing", robot.lookup("#note-text").queryAs(TextArea.class).getText());
    }

    @Test
    void tabLeavesTheFieldForTheButtonAndShiftTabComesBack() throws Exception {
        callEnded(CONTACT);
        robot.clickOn("#note-text").write("Call back");
        robot.push(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("note-add", shell.getScene().getFocusOwner().getId(), "Tab moves on, as in the whole window");
        assertEquals("Call back", robot.lookup("#note-text").queryAs(TextArea.class).getText(), "no tab typed");

        robot.push(KeyCode.SHIFT, KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("note-text", shell.getScene().getFocusOwner().getId());
    }

    @Test
    void aCallWithoutACrmItemSaysWhyThereIsNoField() throws Exception {
        callEnded(null);
        assertFalse(robot.lookup(".note-field").query().isVisible(), "no field to type into");
        Label why = robot.lookup("#note-unavailable").queryAs(Label.class);
        assertTrue(why.isVisible());
        assertEquals("No note field: this call is not linked to a CRM item.", why.getText());
        PngSnapshots.save(shell, "note-4-no-crm-link");
    }
}
