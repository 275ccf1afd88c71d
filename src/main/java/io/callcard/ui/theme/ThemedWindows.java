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
public final class ThemedWindows {

    public static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");

    private static final String DRESSED = ThemedWindows.class.getName();

    private final ThemeModel theme;
    private final List<String> sceneStylesheets;

    private ThemedWindows(ThemeModel theme, List<String> sceneStylesheets) {
        this.theme = theme;
        this.sceneStylesheets = sceneStylesheets;
    }

    /**
     * Themes every window from now on and follows the theme's changes.
     *
     * @param sceneStylesheets besides the palette, stylesheets each scene (and so each popup) carries: the ones that
     *                         style ControlsFX's popups
     */
    public static void follow(ThemeModel theme, List<String> sceneStylesheets) {
        ThemedWindows windows = new ThemedWindows(Objects.requireNonNull(theme, "theme"),
                List.copyOf(sceneStylesheets));
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(windows::dress);
            }
        });
        Window.getWindows().forEach(windows::dress);
        theme.darkProperty().addListener((obs, old, now) -> Window.getWindows().forEach(windows::mark));
    }

    /** Follows one window's scene (once per window: a window shown again is listed again). */
    private void dress(Window window) {
        if (window.getProperties().putIfAbsent(DRESSED, Boolean.TRUE) == null) {
            window.sceneProperty().addListener((obs, old, now) -> dress(now));
        }
        dress(window.getScene());
    }

    private void dress(Scene scene) {
        if (scene == null) {
            return;
        }
        if (!scene.getProperties().containsKey(DRESSED)) {
            scene.getProperties().put(DRESSED, Boolean.TRUE);
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
        if (root != null) {
            root.pseudoClassStateChanged(DARK, theme.isDark());
        }
    }

    private static void addMissing(List<String> sheets, String sheet) {
        if (!sheets.contains(sheet)) {
            sheets.add(sheet);
        }
    }
}
