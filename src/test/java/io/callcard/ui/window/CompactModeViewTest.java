package io.callcard.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallDirection;
import io.callcard.call.CallSnapshot;
import io.callcard.call.CallerNumber;
import io.callcard.call.CrmEntityType;
import io.callcard.call.CrmNames;
import io.callcard.call.CrmRef;
import io.callcard.prefs.Preferences;
import io.callcard.testing.UiTest;
import io.callcard.ui.Messages;
import io.callcard.ui.PngSnapshots;
import io.callcard.ui.PreferencesModel;
import io.callcard.ui.UiExecutor;
import io.callcard.ui.callcard.CallCardViewModel;
import io.callcard.ui.shell.ShellView;
import io.callcard.ui.shell.ShellViewModel;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Compact mode in a real window, headless on Monocle: the key switches it and the choice is saved through
 * {@link PreferencesModel}, the line shows state, name or number, timer and hold, Ctrl+H and Tab work in it, and
 * always-on-top follows the preferences at once.
 */
@UiTest
class CompactModeViewTest {

    private static final CrmRef CONTACT = new CrmRef(CrmEntityType.CONTACT, 797);

    private final FxRobot robot = new FxRobot();
    private final RecordingChannel channel = new RecordingChannel();
    private final List<Preferences> saved = new CopyOnWriteArrayList<>();
    private CallCardViewModel card;
    private PreferencesModel preferences;
    private WindowMode mode;
    private Stage stage;

    private void showWindow(Preferences initial) throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            Messages messages = Messages.forLocale(Locale.ENGLISH);
            card = new CallCardViewModel(messages, Clock.fixed(CallSnapshots.T0.plusSeconds(72), ZoneOffset.UTC),
                    new UiExecutor());
            preferences = new PreferencesModel(initial, saved::add);
            ShellView shell = new ShellView(new ShellViewModel(messages, card), messages, () -> { });
            mode = new WindowMode(s, shell, expand -> new CompactCardView(card, messages, expand),
                    preferences, new NoPlacement());
            s.show();
        });
        card.attach(channel);
        CallSnapshot talking = CallSnapshots.linked(CallSnapshots.connected(
                CallSnapshots.ringing("C1", CallDirection.INCOMING, CallerNumber.of("+4930123456"))),
                CONTACT, CrmNames.found(CONTACT, "Ivan Petrov"));
        WaitForAsyncUtils.asyncFx(() -> card.apply(talking)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theKeySwitchesToTheOneLineCardSavesTheChoiceAndTheButtonSwitchesBack() throws Exception {
        showWindow(Preferences.DEFAULTS);
        assertInstanceOf(ShellView.class, stage.getScene().getRoot());
        PngSnapshots.save(stage.getScene().getRoot(), "window-full-connected");

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.M);
        WaitForAsyncUtils.waitForFxEvents();
        assertInstanceOf(CompactCardView.class, stage.getScene().getRoot());
        assertTrue(saved.get(saved.size() - 1).effectiveCompact(), "the choice is saved");
        assertEquals("Connected", text("#compact-state"));
        assertEquals("Ivan Petrov", text("#compact-headline"), "the name, the card says its type");
        assertEquals("01:07", text("#compact-timer"));
        assertEquals("Hold card open", text("#compact-hold"));
        assertEquals("Call state: Connected", robot.lookup("#compact-state").query().getAccessibleText());
        assertEquals("Name or number: Ivan Petrov",
                robot.lookup("#compact-headline").query().getAccessibleText());
        assertEquals("Time: 01:07", robot.lookup("#compact-timer").query().getAccessibleText());
        assertTrue(stage.getHeight() < 120, "one line high, was " + stage.getHeight());
        PngSnapshots.save(stage.getScene().getRoot(), "window-compact-connected");

        robot.clickOn("#compact-expand");
        WaitForAsyncUtils.waitForFxEvents();
        assertInstanceOf(ShellView.class, stage.getScene().getRoot());
        assertFalse(saved.get(saved.size() - 1).effectiveCompact());
        assertEquals(WindowMode.FULL_HEIGHT, stage.getHeight(), "the full card's size comes back");
    }

    @Test
    void theNameIsReplacedByTheNumberWhileNoNameIsKnown() throws Exception {
        showWindow(Preferences.DEFAULTS.withCompact(true));
        assertInstanceOf(CompactCardView.class, stage.getScene().getRoot(), "starts compact as saved");
        CallSnapshot unnamed = CallSnapshots.ringing("C2", CallDirection.INCOMING, CallerNumber.of("+74951234567"));
        WaitForAsyncUtils.asyncFx(() -> card.apply(unnamed)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("+7 495 123-45-67", text("#compact-headline"), "the number as the card reads it");
        assertEquals("Ringing…", text("#compact-state"));
        assertEquals("00:00", text("#compact-timer"), "the time it has rung");
        PngSnapshots.save(stage.getScene().getRoot(), "window-compact-ringing");
    }

    @Test
    void ctrlHHoldsTheCardFromTheCompactLineAndFromTheFullCardAfterSwitchingBack() throws Exception {
        showWindow(Preferences.DEFAULTS.withCompact(true));
        robot.push(KeyCode.CONTROL, KeyCode.H);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("disableAutoClose"), channel.commands());

        WaitForAsyncUtils.asyncFx(mode::toggleCompact).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertInstanceOf(ShellView.class, stage.getScene().getRoot());
        robot.push(KeyCode.CONTROL, KeyCode.H);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("disableAutoClose", "disableAutoClose"), channel.commands(),
                "the full card's button has the key back (the card never confirmed the hold, so it asks again)");
    }

    @Test
    void tabReachesEveryButtonOfTheCompactLine() throws Exception {
        showWindow(Preferences.DEFAULTS.withCompact(true));
        Set<String> reached = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            robot.push(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            Node focused = stage.getScene().getFocusOwner();
            if (focused != null) {
                reached.add(focused.getId());
            }
        }
        assertEquals(Set.of("compact-hold", "compact-expand"), reached);
    }

    @Test
    void alwaysOnTopFollowsThePreferencesAtOnce() throws Exception {
        showWindow(Preferences.DEFAULTS);
        assertFalse(stage.isAlwaysOnTop());
        WaitForAsyncUtils.asyncFx(() -> preferences.change(p -> p.withAlwaysOnTop(true))).get(5, TimeUnit.SECONDS);
        assertTrue(stage.isAlwaysOnTop());
        WaitForAsyncUtils.asyncFx(() -> preferences.change(p -> p.withAlwaysOnTop(false))).get(5, TimeUnit.SECONDS);
        assertFalse(stage.isAlwaysOnTop());
        assertEquals(2, saved.size(), "each change saved");
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }
}
