package io.callcard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.testing.UiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The settings' and the history's window helper: made on the first showing, brought forward while up, made anew in a
 * new language, Esc closes it (from a text field too) unless the window withdrew something of its own first.
 */
@UiTest
class OnDemandWindowTest {

    private final FxRobot robot = new FxRobot();
    private final Messages messages = Messages.forLocale(Locale.ENGLISH);
    private final List<String> madeIn = new ArrayList<>();
    private final List<String> openings = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    private OnDemandWindow window(Stage owner) {
        return new OnDemandWindow(owner, messages, stage -> {
            madeIn.add(messages.get("settings.title"));
            TextField typed = new TextField();
            typed.setId("typed");
            return new VBox(new Label(messages.get("settings.title")), typed);
        }, 300, 200, stage -> stage.setTitle(messages.get("settings.title")));
    }

    @Test
    void madeOnceBroughtForwardAndMadeAnewInANewLanguage() throws Exception {
        Stage owner = FxToolkit.registerPrimaryStage();
        OnDemandWindow window = onFx(() -> window(owner));
        assertEquals(null, window.stage(), "nothing made before the first showing");
        onFx(() -> {
            window.show(() -> openings.add("first"));
            return null;
        });
        Stage first = window.stage();
        assertTrue(first.isShowing());
        onFx(() -> {
            window.show(() -> openings.add("while up"));
            return null;
        });
        assertSame(first, window.stage(), "brought forward, not made again");
        assertEquals(List.of("first"), openings, "bringing forward reads nothing afresh");

        onFx(() -> {
            first.close();
            window.show(() -> openings.add("again"));
            return null;
        });
        assertSame(first, window.stage(), "the same language: the same window");
        assertEquals(List.of("first", "again"), openings);

        onFx(() -> {
            first.close();
            messages.switchTo(Locale.forLanguageTag("ru"));
            window.show(() -> openings.add("in Russian"));
            return null;
        });
        assertNotSame(first, window.stage(), "made anew in the new language");
        assertEquals(2, madeIn.size());
        assertFalse(madeIn.get(0).equals(madeIn.get(1)), madeIn::toString);
        assertEquals(madeIn.get(1), window.stage().getTitle());
    }

    @Test
    void escClosesItFromATextFieldUnlessSomethingWasWithdrawnFirst() throws Exception {
        Stage owner = FxToolkit.registerPrimaryStage();
        AtomicBoolean asking = new AtomicBoolean(true);
        OnDemandWindow window = onFx(() -> window(owner).withdrawingOnEscape(() -> asking.getAndSet(false)));
        onFx(() -> {
            window.show(() -> { });
            return null;
        });
        robot.clickOn("#typed");
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.stage().isShowing(), "the first Esc withdrew the question: the window stays");
        assertFalse(asking.get());
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.stage().isShowing(), "the next Esc closes it");
    }
}
