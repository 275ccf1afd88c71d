package io.callcard.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallDirection;
import io.callcard.call.CallSnapshot;
import io.callcard.call.CallerNumber;
import io.callcard.call.CrmEntityType;
import io.callcard.call.CrmNames;
import io.callcard.call.CrmRef;
import io.callcard.prefs.Preferences;
import io.callcard.testing.Eventually;
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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A real ControlsFX notification raised by a call, headless on Monocle: shown once with the caller's name, not shown
 * when switched off, and a click on it brings the window back.
 */
@UiTest
class NotificationViewTest {

    private static final CrmRef CONTACT = new CrmRef(CrmEntityType.CONTACT, 797);

    private final FxRobot robot = new FxRobot();
    private Stage stage;
    private PreferencesModel preferences;
    private CallNotifier notifier;

    @BeforeEach
    void showWindow() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            Messages messages = Messages.forLocale(Locale.ENGLISH);
            CallCardViewModel card = new CallCardViewModel(messages, Clock.fixed(CallSnapshots.T0, ZoneOffset.UTC),
                    new UiExecutor());
            s.setScene(new Scene(new ShellView(new ShellViewModel(messages, card), messages, () -> { }), 420, 480));
            preferences = new PreferencesModel(Preferences.DEFAULTS, p -> { });
            notifier = new CallNotifier(s, messages, preferences);
            s.show();
        });
        // the agent is elsewhere: a window in front and focused raises no notification (the card says it)
        WaitForAsyncUtils.asyncFx(() -> stage.setIconified(true)).get(5, TimeUnit.SECONDS);
    }

    @Test
    void aWindowInFrontAndFocusedRaisesNoNotificationAndTheCallsNoticeIsSpent() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stage.setIconified(false)).get(5, TimeUnit.SECONDS);
        Eventually.waitFor(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return stage.isFocused();
        }, "the window has the focus");
        CallSnapshot ring = CallSnapshots.ringing("C9", CallDirection.INCOMING, CallerNumber.of("+4930123456"));
        WaitForAsyncUtils.asyncFx(() -> notifier.accept(ring)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, notices().size(), "the agent is looking at the card");
        WaitForAsyncUtils.asyncFx(() -> stage.setIconified(true)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(() -> notifier.accept(ring)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, notices().size(), "the call's notice was spent, not kept for later");
    }

    @AfterEach
    void closeWindow() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stage.setIconified(false)).get(5, TimeUnit.SECONDS); // the primary stage is shared
        FxToolkit.cleanupStages();
        WaitForAsyncUtils.asyncFx(() -> notices().forEach(Window::hide)).get(5, TimeUnit.SECONDS);
    }

    @Test
    void anIncomingCallShowsOneNotificationWithTheNameAndAClickBringsTheWindowBack() throws Exception {
        CallSnapshot ring = CallSnapshots.linked(
                CallSnapshots.ringing("C1", CallDirection.INCOMING, CallerNumber.of("+4930123456")),
                CONTACT, CrmNames.found(CONTACT, "Ivan Petrov"));
        WaitForAsyncUtils.asyncFx(() -> notifier.accept(ring)).get(5, TimeUnit.SECONDS);
        Eventually.waitFor(() -> notices().size() == 1, "the notification is shown");
        Parent popup = notices().get(0).getScene().getRoot();
        assertEquals(List.of("Incoming call", "Ivan Petrov"), texts(popup));
        Eventually.waitFor(() -> fadedIn(popup), "the notification has faded in");
        PngSnapshots.save(popup, "notification-incoming");

        WaitForAsyncUtils.asyncFx(() -> notifier.accept(ring)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, notices().size(), "the same call's next snapshot raises nothing");

        Node bar = popup.lookup(".notification-bar");
        robot.clickOn(bar);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(stage.isIconified(), "the click brought the window back");
        assertTrue(stage.isShowing());
    }

    @Test
    void aMissedCallIsShownAndAFailedCallSwitchedOffIsNot() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> preferences.change(p -> p.withNotifications(true, true, false)))
                .get(5, TimeUnit.SECONDS);
        CallSnapshot dial = CallSnapshots.ringing("C2", CallDirection.OUTGOING, CallerNumber.of("+74951234567"));
        CallSnapshot busy = CallSnapshots.outcome(CallSnapshots.ended(dial), "486", "");
        WaitForAsyncUtils.asyncFx(() -> notifier.accept(busy)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, notices().size(), "failed calls are switched off");

        CallSnapshot missed = CallSnapshots.ended(
                CallSnapshots.ringing("C3", CallDirection.INCOMING, CallerNumber.HIDDEN));
        WaitForAsyncUtils.asyncFx(() -> notifier.accept(missed)).get(5, TimeUnit.SECONDS);
        Eventually.waitFor(() -> notices().size() == 1, "the missed call is shown");
        Parent popup = notices().get(0).getScene().getRoot();
        assertEquals(List.of("Missed call", "Hidden number"), texts(popup));
        Eventually.waitFor(() -> fadedIn(popup), "the notification has faded in");
        PngSnapshots.save(popup, "notification-missed");
    }

    /** The windows showing a call notification. */
    private static List<Window> notices() {
        return Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().getRoot().lookup(".call-notice") != null)
                .collect(Collectors.toList());
    }

    /** ControlsFX fades a notification's words in as it slides in: the picture is taken once they are all there. */
    private static boolean fadedIn(Parent popup) {
        return popup.lookupAll(".notification-bar .label").stream().allMatch(n -> n.getOpacity() == 1.0);
    }

    private static List<String> texts(Parent popup) {
        return popup.lookupAll(".notification-bar .label").stream()
                .map(n -> ((Label) n).getText())
                .filter(t -> t != null && !t.isEmpty())
                .collect(Collectors.toList());
    }
}
