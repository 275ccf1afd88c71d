package io.callcard.ui.theme;

import io.callcard.ui.Palette;
import java.util.List;
import java.util.Objects;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Puts the theme on every window of the application, the ones that exist and the ones still to come (the settings
 * window, ControlsFX's notification popups, tooltips, menus): the palette and the shared stylesheet on each scene (a
 * popup copies its owner scene's stylesheets, so ControlsFX's popups get them too), and {@link #DARK} on each root,
 * which {@code palette.css} keys the dark colours on. Set before a window's first frame, so nothing flashes in the
 * wrong colours when the theme is known. FX thread.
 */
public final class ThemedWindows implements AutoCloseable {

    public static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");

    private final ThemeModel theme;
    private final List<String> sceneStylesheets;
    private final ListChangeListener<Window> windowsShown = change -> {
        while (change.next()) {
            change.getAddedSubList().forEach(this::dress);
        }
    };
    private final javafx.beans.value.ChangeListener<Boolean> darkChanged =
            (obs, old, now) -> Window.getWindows().forEach(this::mark);
    /** After {@link #close()}: windows are left as they are. */
    private boolean closed;

    private ThemedWindows(ThemeModel theme, List<String> sceneStylesheets) {
        this.theme = theme;
        this.sceneStylesheets = sceneStylesheets;
    }

    /**
     * Themes every window from now on and follows the theme's changes, until closed (the application never closes
     * it; a test does, so the next test's windows are its own).
     *
     * @param sceneStylesheets besides the palette, stylesheets each scene (and so each popup) carries: the ones that
     *                         style ControlsFX's popups
     */
    public static ThemedWindows follow(ThemeModel theme, List<String> sceneStylesheets) {
        ThemedWindows windows = new ThemedWindows(Objects.requireNonNull(theme, "theme"),
                List.copyOf(sceneStylesheets));
        Window.getWindows().addListener(windows.windowsShown);
        Window.getWindows().forEach(windows::dress);
        theme.darkProperty().addListener(windows.darkChanged);
        return windows;
    }

    /** Stops theming windows (FX thread). */
    @Override
    public void close() {
        closed = true;
        Window.getWindows().removeListener(windowsShown);
        theme.darkProperty().removeListener(darkChanged);
    }

    /** Follows one window's scene (once per window, marked in its properties: a window shown again is listed again). */
    private void dress(Window window) {
        if (window.getProperties().putIfAbsent(this, Boolean.TRUE) == null) {
            window.sceneProperty().addListener((obs, old, now) -> dress(now));
        }
        dress(window.getScene());
    }

    private void dress(Scene scene) {
        if (scene == null || closed) {
            return;
        }
        if (scene.getProperties().putIfAbsent(this, Boolean.TRUE) == null) {
            scene.rootProperty().addListener((obs, old, now) -> mark(now));
        }
        addMissing(scene.getStylesheets(), Palette.STYLESHEET);
        sceneStylesheets.forEach(sheet -> addMissing(scene.getStylesheets(), sheet));
        mark(scene.getRoot());
    }

    private void mark(Window window) {
        if (window.getScene() != null) {
            mark(window.getScene().getRoot());
        }
    }

    private void mark(Parent root) {
        if (root != null && !closed) {
            root.pseudoClassStateChanged(DARK, theme.isDark());
        }
    }

    private static void addMissing(List<String> sheets, String sheet) {
        if (!sheets.contains(sheet)) {
            sheets.add(sheet);
        }
    }
}
