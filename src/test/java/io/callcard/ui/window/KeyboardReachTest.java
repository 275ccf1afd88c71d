package io.callcard.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.callcard.call.CallDirection;
import io.callcard.call.CallSnapshot;
import io.callcard.call.CallerNumber;
import io.callcard.call.CrmEntityType;
import io.callcard.call.CrmNames;
import io.callcard.call.CrmRef;
import io.callcard.prefs.Preferences;
import io.callcard.testing.UiTest;
import io.callcard.ui.Messages;
import io.callcard.ui.PreferencesModel;
import io.callcard.ui.UiExecutor;
import io.callcard.ui.callcard.CallCardViewModel;
import io.callcard.ui.callcard.CrmPages;
import io.callcard.ui.shell.ShellView;
import io.callcard.ui.shell.ShellViewModel;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Every control the agent can use in the full window, during a linked call, is reached by Tab alone. */
@UiTest
class KeyboardReachTest {

    private static final CrmRef CONTACT = new CrmRef(CrmEntityType.CONTACT, 797);

    private final FxRobot robot = new FxRobot();

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void tabReachesEveryEnabledControlOfTheFullWindow() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        CallCardViewModel[] card = new CallCardViewModel[1];
        FxToolkit.setupStage(s -> {
            Messages messages = Messages.forLocale(Locale.ENGLISH);
            card[0] = new CallCardViewModel(messages, Clock.fixed(CallSnapshots.T0, ZoneOffset.UTC), new UiExecutor());
            card[0].usePages(new PortalPages());
            ShellView shell = new ShellView(new ShellViewModel(messages, card[0]), messages, () -> { });
            new WindowMode(s, shell, expand -> new CompactCardView(card[0], messages, expand),
                    new PreferencesModel(Preferences.DEFAULTS, p -> { }), new NoPlacement());
            shell.addSettingsButton();
            s.show();
        });
        card[0].attach(new RecordingChannel());
        CallSnapshot call = CallSnapshots.linked(CallSnapshots.connected(
                CallSnapshots.ringing("C1", CallDirection.INCOMING, CallerNumber.of("+4930123456"))),
                CONTACT, CrmNames.found(CONTACT, "Ivan Petrov"));
        WaitForAsyncUtils.asyncFx(() -> card[0].apply(call)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        Set<String> usable = WaitForAsyncUtils.asyncFx(() -> usableControls(stage.getScene().getRoot(), new TreeSet<>()))
                .get(5, TimeUnit.SECONDS);
        assertFalse(usable.isEmpty());
        Set<String> reached = new TreeSet<>();
        for (int i = 0; i < 2 * usable.size() + 2; i++) {
            robot.push(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            Node focused = stage.getScene().getFocusOwner();
            if (focused != null && focused.getId() != null) {
                reached.add(focused.getId());
            }
        }
        assertEquals(usable, reached);
        assertEquals(Set.of("hold-button", "note-text", "open-contact-797", "settings-button"), usable,
                "the hold button, the note, the CRM link and the settings button are the window's controls in a call");
    }

    /** Controls shown and enabled that a pointer could use, by id. */
    private static Set<String> usableControls(Node node, Set<String> into) {
        if (!node.isVisible() || node.isDisabled()) {
            return into;
        }
        if (node instanceof Control c && c.isFocusTraversable() && c.getId() != null
                && !(c instanceof Label)) {
            into.add(c.getId());
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> usableControls(child, into));
        }
        return into;
    }

    private static final class PortalPages implements CrmPages {
        @Override
        public Optional<String> portalOrigin() {
            return Optional.of("https://example.bitrix24.de");
        }

        @Override
        public void open(String url) {
        }
    }
}
