package io.callcard.ui.shell;

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
import io.callcard.call.CrmRef;
import io.callcard.testing.Eventually;
import io.callcard.testing.UiTest;
import io.callcard.ui.Messages;
import io.callcard.ui.PngSnapshots;
import io.callcard.ui.UiExecutor;
import io.callcard.ui.callcard.CallCardViewModel;
import io.callcard.wire.CardCallState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.Mnemonic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The question "a portal wants to connect" in the real window content, headless on Monocle: shown under the call card
 * without covering it, answered with the keyboard and the mouse, the next question following; looked at as PNGs.
 */
@UiTest
class ConnectQuestionViewTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private final FxRobot robot = new FxRobot();
    private final List<String> answers = new CopyOnWriteArrayList<>();
    private ShellViewModel vm;
    private ShellView shell;

    private void showWindow(Locale language, double width, double height) throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Messages messages = Messages.forLocale(language);
            CallCardViewModel card = new CallCardViewModel(messages, Clock.fixed(T0.plusSeconds(75), ZoneOffset.UTC),
                    new UiExecutor());
            vm = new ShellViewModel(messages, card);
            vm.showSandbox(true);
            shell = new ShellView(vm, messages, () -> { });
            stage.setScene(new Scene(shell, width, height));
            stage.show();
            shell.addSettingsButton();
            card.apply(CallStateReducer.reduce(CallSnapshot.EMPTY, new CallEvent.WidgetOpened(T0,
                    new CallCardStatus("C1", CallerNumber.of("+4930123456"), "reg1", "Berlin sales",
                            new CrmRef(CrmEntityType.CONTACT, 797), List.of(), null, CallDirection.INCOMING,
                            CardCallState.CONNECTED, false))));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupStages();
    }

    private void ask(String portalDomain) throws Exception {
        Consumer<Boolean> answer = allowed -> {
            assertTrue(javafx.application.Platform.isFxApplicationThread(), "answered on the FX thread");
            answers.add(portalDomain + "=" + allowed);
        };
        WaitForAsyncUtils.asyncFx(() -> vm.askToConnect(portalDomain, answer)).get(5, TimeUnit.SECONDS);
    }

    private Button button(String styleClass) {
        return robot.lookup("." + styleClass).queryAs(Button.class);
    }

    /** Waits until the bar has slid in with {@code portalDomain}'s question and its Ignore button has the focus. */
    private void waitForQuestion(String portalDomain) throws Exception {
        Eventually.waitFor(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            Node focused = shell.getScene().getFocusOwner();
            return focused != null && focused.getStyleClass().contains(ConnectQuestionPane.IGNORE_CLASS)
                    && questionLabel().getText().startsWith(portalDomain + " wants to connect")
                    && wholeInScene(button(ConnectQuestionPane.ALLOW_CLASS)); // the bar has finished sliding in
        }, () -> "the question about " + portalDomain + ", focus on Ignore; focus was on "
                + shell.getScene().getFocusOwner() + ", Allow at " + inScene(button(ConnectQuestionPane.ALLOW_CLASS))
                + " in " + shell.getScene().getWidth() + "x" + shell.getScene().getHeight() + ", bar " + robot.lookup(".notification-bar").tryQuery()
                .map(b -> b.isVisible() + " " + inScene(b)).orElse("absent"));
    }

    private Label questionLabel() {
        return robot.lookup(".notification-bar .label").queryAllAs(Label.class).stream()
                .filter(Label::isVisible).filter(l -> l.getText() != null && !l.getText().isEmpty())
                .findFirst().orElseThrow();
    }

    /**
     * Every line of the question is on screen, and it hides no part of the card for good: a card taller than the
     * window scrolls, and scrolled to its end it stands clear of the question.
     */
    private void assertQuestionClearOfTheCardAndWhole() throws Exception {
        Node bar = robot.lookup(".notification-bar").query();
        Node card = robot.lookup(".call-card").query();
        ScrollPane scroller = robot.lookup(".content-scroller").queryAs(ScrollPane.class);
        WaitForAsyncUtils.asyncFx(() -> scroller.setVvalue(scroller.getVmax())).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(wholeInScene(bar), "the question is inside the window: " + inScene(bar));
        assertFalse(inScene(bar).intersects(inScene(card)), "scrolled to its end the card is clear of the question: "
                + inScene(bar) + " vs " + inScene(card));
        WaitForAsyncUtils.asyncFx(() -> scroller.setVvalue(scroller.getVmin())).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Label words = questionLabel();
        assertTrue(words.getHeight() >= words.prefHeight(words.getWidth()) - 0.5, "no line of the question is cut");
        Bounds shownPart = inScene(shell.getCenter());
        assertTrue(shownPart.contains(inScene(words)), "the question lies inside the window's content: "
                + inScene(words) + " in " + shownPart);
    }

    private static boolean wholeInScene(Node node) {
        Bounds b = inScene(node);
        Scene scene = node.getScene();
        return scene != null && b.getMinX() >= 0 && b.getMinY() >= 0 && b.getMaxX() <= scene.getWidth()
                && b.getMaxY() <= scene.getHeight();
    }

    private static Bounds inScene(Node node) {
        return node.localToScene(node.getBoundsInLocal());
    }

    /**
     * The card's timer changes every second: a cached viewport would re-render the whole card into its bitmap each
     * time, so the window's scroll pane keeps none.
     */
    @Test
    void theScrollingCardIsNotRenderedThroughACachedBitmap() throws Exception {
        showWindow(Locale.ENGLISH, 420, 600);
        ScrollPane scroller = robot.lookup(".content-scroller").queryAs(ScrollPane.class);
        Node viewport = scroller.lookup(".viewport");
        assertTrue(viewport != null, "the scroll pane's skin has its viewport");
        assertFalse(viewport.isCache(), "the viewport is drawn directly, not cached as a bitmap");
    }

    @Test
    void theQuestionComesUnderTheCardAndIsAnsweredWithTheKeyboardThenTheMouseInTurn() throws Exception {
        showWindow(Locale.ENGLISH, 420, 480);
        PngSnapshots.save(shell, "connect-0-before");
        ask("acme.bitrix24.com");
        ask("branch.bitrix24.de");
        waitForQuestion("acme.bitrix24.com");
        PngSnapshots.save(shell, "connect-1-asked");

        assertQuestionClearOfTheCardAndWhole();
        assertEquals(List.of(), answers);

        // Ignore has the focus: the keyboard reaches Allow on purpose, one Tab away, and Space presses it
        robot.push(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        if (!button(ConnectQuestionPane.ALLOW_CLASS).isFocused()) {
            robot.push(KeyCode.SHIFT, KeyCode.TAB).push(KeyCode.SHIFT, KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertTrue(button(ConnectQuestionPane.ALLOW_CLASS).isFocused(), "Allow is reached with the keyboard");
        robot.push(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("acme.bitrix24.com=true"), answers);

        waitForQuestion("branch.bitrix24.de");
        PngSnapshots.save(shell, "connect-2-next");
        assertQuestionClearOfTheCardAndWhole();
        assertFalse(robot.lookup(".sandbox-bar").query().isVisible(), "the question has the banner's place");
        robot.clickOn(button(ConnectQuestionPane.ALLOW_CLASS));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("acme.bitrix24.com=true", "branch.bitrix24.de=true"), answers);
        Node bar = robot.lookup(".notification-bar").query();
        Eventually.waitFor(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return !bar.isVisible();
        }, "the bar leaves once nothing is asked");
        PngSnapshots.save(shell, "connect-3-answered");
        assertTrue(robot.lookup(".sandbox-bar").query().isVisible(), "the banner is back");
    }

    @Test
    void spaceOnTheFocusedQuestionIgnoresAndEscIgnoresTheNext() throws Exception {
        showWindow(Locale.ENGLISH, 420, 480);
        ask("evil.example");
        ask("evil2.example");
        waitForQuestion("evil.example");
        robot.push(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("evil.example=false"), answers, "a key pressed by habit never allows");

        waitForQuestion("evil2.example");
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("evil.example=false", "evil2.example=false"), answers);
        assertFalse(vm.connectQuestions().askingProperty().get());
    }

    @Test
    void eachAnswerHasItsMnemonicAndTheRussianQuestionFitsTheSmallestWindow() throws Exception {
        showWindow(Locale.forLanguageTag("ru"), 340, 380);
        ask("acme.bitrix24.ru");
        Eventually.waitFor(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            Node focused = shell.getScene().getFocusOwner();
            return focused != null && focused.getStyleClass().contains(ConnectQuestionPane.IGNORE_CLASS);
        }, "the Russian question, focus on Ignore");
        PngSnapshots.save(shell, "connect-4-ru-smallest");

        // Monocle's robot sends key presses without their character, and mnemonics match on it (SettingsViewTest)
        var mnemonics = shell.getScene().getMnemonics();
        assertEquals(List.of(button(ConnectQuestionPane.ALLOW_CLASS)), targets(mnemonics, "р"));
        assertEquals(List.of(button(ConnectQuestionPane.IGNORE_CLASS)), targets(mnemonics, "о"));
        assertEquals("Разрешить", button(ConnectQuestionPane.ALLOW_CLASS).getText().replace("_", ""));

        assertQuestionClearOfTheCardAndWhole();
        Label text = questionLabel();
        assertTrue(text.getText().startsWith("acme.bitrix24.ru хочет подключиться"), text.getText());
    }

    private static List<Node> targets(javafx.collections.ObservableMap<KeyCombination,
            javafx.collections.ObservableList<Mnemonic>> mnemonics, String letter) {
        return mnemonics.entrySet().stream().filter(e -> e.getKey().getName().equalsIgnoreCase("Alt+'" + letter + "'"))
                .flatMap(e -> e.getValue().stream()).map(Mnemonic::getNode).collect(Collectors.toList());
    }
}
