package io.callcard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Scenes need the toolkit (headless Monocle, as every UI test); nothing is shown. */
class ShortcutsTest {

    private static final KeyCombination KEYS = new KeyCodeCombination(KeyCode.K, KeyCombination.CONTROL_DOWN);
    private static final Runnable ACTION = () -> { };

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void theKeysFollowTheNodeFromSceneToScene() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Region node = new Region();
            Scene first = new Scene(new StackPane(node));
            Shortcuts.install(node, KEYS, ACTION);
            assertSame(ACTION, first.getAccelerators().get(KEYS), "already in a scene: the keys work at once");

            Scene second = new Scene(new StackPane());
            ((StackPane) second.getRoot()).getChildren().add(node);
            assertFalse(first.getAccelerators().containsKey(KEYS), "gone with the node");
            assertSame(ACTION, second.getAccelerators().get(KEYS));

            ((StackPane) second.getRoot()).getChildren().clear();
            assertEquals(0, second.getAccelerators().size());
        }).get(5, TimeUnit.SECONDS);
    }

    @Test
    void keysInstalledBeforeTheNodeHasASceneWorkOnceItGetsOne() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Region node = new Region();
            Shortcuts.install(node, KEYS, ACTION);
            Scene scene = new Scene(new StackPane(node));
            assertSame(ACTION, scene.getAccelerators().get(KEYS));
        }).get(5, TimeUnit.SECONDS);
    }
}
