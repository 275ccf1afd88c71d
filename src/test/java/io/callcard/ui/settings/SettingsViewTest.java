package io.callcard.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.testing.UiTest;
import io.callcard.prefs.Preferences;
import io.callcard.ui.Messages;
import io.callcard.ui.PreferencesModel;
import io.callcard.ui.PngSnapshots;
import io.callcard.ui.UiExecutor;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.Mnemonic;
import javafx.stage.Modality;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The settings window on its own, headless on Monocle, with a portal and a settings file the test answers by hand:
 * the keyboard (mnemonics, Enter, Esc), states as pseudo-classes, and how it looks in English and Russian.
 */
@UiTest
class SettingsViewTest {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final PseudoClass FAILURE = PseudoClass.getPseudoClass("failure");

    private final FxRobot robot = new FxRobot();
    private final ManualPortalConnectService portal = new ManualPortalConnectService();
    private final ManualPlainSettings plain = new ManualPlainSettings();
    private SettingsWindow window;

    private AboutFacts about;

    private void open(Locale language) throws Exception {
        plain.saved = new SavedSettings(48024, null, false, false, false, "acme.bitrix24.com",
                RateLimitChoice.STANDARD, "");
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(owner -> {
            Messages messages = Messages.forLocale(language);
            owner.setScene(new Scene(new Label("the main window"), 420, 480));
            owner.show();
            SettingsViewModel vm = new SettingsViewModel(messages, portal, plain,
                    new ManualApplicationTokenStore(), new PreferencesModel(Preferences.DEFAULTS, p -> { }),
                    new UiExecutor());
            if (about != null) {
                vm.describe(about);
            }
            window = new SettingsWindow(owner, vm, messages);
            window.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.setupFixture(() -> {
            if (window != null && window.stage() != null) {
                window.stage().close();
            }
        });
        FxToolkit.cleanupStages();
    }

    private static List<Node> targets(ObservableMap<KeyCombination, ObservableList<Mnemonic>> mnemonics,
                                      String letter) {
        return mnemonics.entrySet().stream().filter(e -> e.getKey().getName().equals("Alt+'" + letter + "'"))
                .flatMap(e -> e.getValue().stream()).map(Mnemonic::getNode).collect(Collectors.toList());
    }

    private Node root() {
        return window.stage().getScene().getRoot();
    }

    @Test
    void theAboutSectionSaysTheVersionAndTheAgentsFoldersOnlyWhenTheApplicationGaveThem() throws Exception {
        open(Locale.ENGLISH);
        assertTrue(robot.lookup("#about-section").tryQuery().isEmpty(), "no facts, no section");
        close();

        about = new AboutFacts("0.1.0", java.nio.file.Path.of("/home/anna/.config/callcard-companion"),
                java.nio.file.Path.of("/home/anna/.local/share/callcard-companion"),
                java.nio.file.Path.of("/home/anna/.local/state/callcard-companion/logs"));
        open(Locale.forLanguageTag("ru"));
        assertEquals("CallCard Companion 0.1.0", robot.lookup("#about-version").queryAs(Label.class).getText());
        String folders = robot.lookup("#about-folders").queryAs(Label.class).getText();
        assertTrue(folders.startsWith("Настройки: /home/anna/.config/callcard-companion"), folders);
        robot.interact(() -> ((javafx.scene.control.ScrollPane) robot.lookup(".settings-scroll").query()).setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents();
        PngSnapshots.save(root(), "settings-ru-about");
    }

    @Test
    void everyFieldHasItsOwnMnemonicAndEnterInThePortFieldSaves() throws Exception {
        open(Locale.ENGLISH);
        // Monocle's robot sends key presses without their character, and mnemonics match on the character: so the
        // scene's mnemonic table is checked here instead of pressing Alt+letter.
        var mnemonics = window.stage().getScene().getMnemonics();
        assertEquals(List.of(robot.lookup("#port-field").query()), targets(mnemonics, "p"));
        assertEquals(List.of(robot.lookup("#webhook-field").query()), targets(mnemonics, "w"));
        assertEquals(List.of(robot.lookup("#rate-standard").query()), targets(mnemonics, "l"));
        assertEquals(List.of(robot.lookup("#connect-button").query()), targets(mnemonics, "c"));
        assertEquals(List.of(robot.lookup("#save-button").query()), targets(mnemonics, "S"));
        assertEquals(List.of(robot.lookup("#region-field").query()), targets(mnemonics, "r"));
        assertEquals(List.of(robot.lookup("#address-field").query()), targets(mnemonics, "b"));
        assertEquals(List.of(robot.lookup("#token-field").query()), targets(mnemonics, "t"));
        assertEquals(List.of(robot.lookup("#on-top-check").query()), targets(mnemonics, "y"));
        mnemonics.forEach((keys, list) -> assertEquals(1, list.size(), "one control per mnemonic: " + keys));

        robot.interact(() -> robot.lookup("#port-field").query().requestFocus()); // scrolls it into view
        robot.clickOn("#port-field").push(KeyCode.END).push(KeyCode.BACK_SPACE).push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, plain.saves().size());
        assertEquals(4802, plain.saves().get(0).port());
    }

    @Test
    void aMistypedWebhookAndPortAreMarkedWhereTheyAreTyped() throws Exception {
        open(Locale.ENGLISH);
        robot.clickOn("#webhook-field").write("http://acme.bitrix24.com/rest/1/abc/");
        Label hint = robot.lookup("#webhook-hint").queryAs(Label.class);
        assertTrue(hint.getPseudoClassStates().contains(INVALID));
        assertTrue(hint.getText().contains("must start with https://"), hint.getText());
        assertTrue(robot.lookup("#connect-button").queryAs(Button.class).isDisabled());
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(portal.sent().isEmpty(), "Enter on a refused webhook sends nothing");

        TextField port = robot.lookup("#port-field").queryAs(TextField.class);
        robot.interact(port::requestFocus);
        robot.doubleClickOn(port).write("70000");
        Label problem = robot.lookup("#port-problem").queryAs(Label.class);
        assertTrue(problem.isVisible());
        assertEquals("70000 is not a port: choose one from 1 to 65535.", problem.getText());
        assertTrue(port.getPseudoClassStates().contains(INVALID));
        assertTrue(robot.lookup("#save-button").queryAs(Button.class).isDisabled());
        PngSnapshots.save(root(), "settings-en-mistyped");
    }

    @Test
    void disconnectAsksAndEscWithdrawsTheQuestionThenClosesTheWindow() throws Exception {
        open(Locale.ENGLISH);
        robot.clickOn("#disconnect-button");
        Node bar = robot.lookup("#disconnect-confirm").query();
        assertTrue(bar.isVisible());
        assertTrue(robot.lookup("#keep-button").query().isFocused(), "the safe answer has the focus");

        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(bar.isVisible());
        assertTrue(window.stage().isShowing(), "the first Esc only withdraws the question");
        assertTrue(portal.sent().isEmpty());

        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.stage().isShowing());
    }

    @Test
    void whileConnectingEverythingWaitsAndTheRefusalIsShownInRussian() throws Exception {
        open(Locale.forLanguageTag("ru"));
        robot.clickOn("#show-webhook");
        robot.clickOn("#webhook-field-shown").write("https://acme.bitrix24.ru/rest/1/abc123/").push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, portal.sent().size());
        assertTrue(robot.lookup("#busy-indicator").query().isVisible());
        assertTrue(robot.lookup("#webhook-field-shown").query().isDisabled());
        assertTrue(robot.lookup("#disconnect-button").query().isDisabled());
        PngSnapshots.save(root(), "settings-ru-connecting");

        WaitForAsyncUtils.asyncFx(() -> portal.last().answer().complete(new ConnectionResult(false, null,
                Messages.forLocale(Locale.forLanguageTag("ru")).get("connect.refused", "https://acme.bitrix24.ru",
                        Messages.forLocale(Locale.forLanguageTag("ru")).get("portal.error.INSUFFICIENT_SCOPE")))))
                .get();
        WaitForAsyncUtils.waitForFxEvents();
        Label outcome = robot.lookup("#portal-outcome").queryAs(Label.class);
        assertTrue(outcome.getPseudoClassStates().contains(FAILURE));
        assertTrue(outcome.getText().startsWith("https://acme.bitrix24.ru не принял этот вебхук"));
        assertFalse(robot.lookup("#busy-indicator").query().isVisible());

        robot.clickOn("#disconnect-button");
        WaitForAsyncUtils.waitForFxEvents();
        PngSnapshots.save(root(), "settings-ru-confirm");
        assertTrue(robot.lookup("#disconnect-question").query().isVisible());
        assertEquals(Modality.WINDOW_MODAL, window.stage().getModality(), "modal over the main window");
    }
}
