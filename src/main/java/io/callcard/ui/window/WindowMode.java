package io.callcard.ui.window;

import io.callcard.prefs.Preferences;
import io.callcard.ui.PreferencesModel;
import java.util.Objects;
import java.util.function.Function;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

/**
 * Applies the window's preferences the moment they change (always on top, compact or full) and gives the compact-mode
 * key to the scene. Compact mode swaps the scene's root for the one-line card (made on first use) and moves the window
 * to the compact line's own size and place ({@link PlacementMemory}); leaving it brings back the full card's. The
 * key and the compact line's button write through {@link PreferencesModel}, which saves the choice.
 */
public final class WindowMode {

    /** Ctrl+Shift+M (Cmd+Shift+M on macOS): M for "mini"; plain Cmd+M minimises on macOS. */
    public static final KeyCombination COMPACT_SHORTCUT =
            new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    static final double FULL_WIDTH = 420;
    static final double FULL_HEIGHT = 600; // a connected call with its note and hold button, without scrolling
    static final double FULL_MIN_WIDTH = 340;
    static final double FULL_MIN_HEIGHT = 380;
    static final double COMPACT_MIN_WIDTH = 280;

    private final Stage stage;
    private final Scene scene;
    private Parent full;
    private final Function<Runnable, ? extends Parent> compactMaker;
    private final PreferencesModel preferences;
    private final PlacementMemory memory;
    private Parent compact;
    private boolean compactShown;

    /**
     * Makes the stage's scene, showing the mode the preferences ask for; call before the stage shows.
     *
     * @param full         the full window content
     * @param compactMaker makes the one-line card when compact mode is first shown, given the action that leaves it
     */
    public WindowMode(Stage stage, Parent full, Function<Runnable, ? extends Parent> compactMaker,
                      PreferencesModel preferences, PlacementMemory memory) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.full = Objects.requireNonNull(full, "full");
        this.compactMaker = Objects.requireNonNull(compactMaker, "compactMaker");
        this.preferences = Objects.requireNonNull(preferences, "preferences");
        this.memory = Objects.requireNonNull(memory, "memory");
        Preferences now = preferences.current();
        compactShown = now.effectiveCompact();
        // no size on the scene itself: the stage's size is the window's, and each mode sets it
        scene = new Scene(compactShown ? compact() : full);
        stage.setScene(scene);
        if (compactShown) {
            stage.sizeToScene();
        } else {
            stage.setWidth(FULL_WIDTH);
            stage.setHeight(FULL_HEIGHT);
        }
        minimumsFor(compactShown);
        stage.setAlwaysOnTop(now.effectiveAlwaysOnTop());
        scene.getAccelerators().put(COMPACT_SHORTCUT, this::toggleCompact);
        preferences.currentProperty().addListener((obs, old, changed) -> apply(changed));
    }

    public Scene scene() {
        return scene;
    }

    /** Whether the one-line card is the window's content now. */
    public boolean compactShown() {
        return compactShown;
    }

    /**
     * Takes the window's views made again (the language changed): the full content is {@code fresh}, the compact line
     * is made again when next shown, and the mode now shown gets its new content at once.
     */
    public void replaceViews(Parent fresh) {
        full = Objects.requireNonNull(fresh, "fresh");
        compact = null;
        scene.setRoot(compactShown ? compact() : full);
    }

    /** The agent's switch between the full card and the compact line (the key, the compact line's button). */
    public void toggleCompact() {
        preferences.change(p -> p.withCompact(!p.effectiveCompact()));
    }

    private void apply(Preferences p) {
        stage.setAlwaysOnTop(p.effectiveAlwaysOnTop());
        boolean wanted = p.effectiveCompact();
        if (wanted == compactShown) {
            return;
        }
        memory.leaving(stage, compactShown);
        compactShown = wanted;
        double titleBar = Math.max(0, stage.getHeight() - scene.getHeight());
        // the old root leaves the scene before the new one enters, so keys it held (Ctrl+H) pass to the new one
        scene.setRoot(wanted ? compact() : full);
        minimumsFor(wanted);
        if (!memory.entering(stage, wanted)) {
            if (wanted) {
                // one line high, and wide enough for the whole line (at least as wide as the window was)
                Parent line = scene.getRoot();
                line.applyCss();
                double sides = Math.max(0, stage.getWidth() - scene.getWidth());
                stage.setWidth(Math.max(stage.getWidth(), line.prefWidth(-1) + sides));
                stage.setHeight(line.prefHeight(-1) + titleBar);
            } else {
                stage.setWidth(FULL_WIDTH);
                stage.setHeight(FULL_HEIGHT);
            }
        }
    }

    private void minimumsFor(boolean compactMode) {
        stage.setMinWidth(compactMode ? COMPACT_MIN_WIDTH : FULL_MIN_WIDTH);
        stage.setMinHeight(compactMode ? 0 : FULL_MIN_HEIGHT);
    }

    private Parent compact() {
        if (compact == null) {
            compact = compactMaker.apply(this::toggleCompact);
        }
        return compact;
    }
}
