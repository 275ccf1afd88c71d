package io.callcard.app;

import io.callcard.config.WindowBounds;
import io.callcard.config.WindowBoundsStore;
import java.io.IOException;
import java.util.Optional;
import javafx.beans.InvalidationListener;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.LoggerFactory;

/**
 * Puts the window back where the agent left it, unless that place is on a screen no longer attached. The bounds are
 * followed as the window moves, so that a SIGTERM (a logout, a service manager), whose hook runs off the FX thread and
 * may find the toolkit already gone, still saves where the window was.
 */
final class WindowPlacement {

    private final WindowBoundsStore store;
    /** The stage's bounds as last seen on the FX thread; null before {@link #follow}. */
    private volatile WindowBounds last;

    WindowPlacement(WindowBoundsStore store) {
        this.store = store;
    }

    /** Call before the stage shows. Returns whether saved bounds were used (else the stage centres itself). */
    boolean restore(Stage stage) {
        Optional<WindowBounds> saved = store.load();
        if (saved.isEmpty() || !onSomeScreen(saved.get())) {
            return false;
        }
        WindowBounds b = saved.get();
        stage.setX(b.x());
        stage.setY(b.y());
        stage.setWidth(b.width());
        stage.setHeight(b.height());
        return true;
    }

    /** Keeps the stage's bounds as they change (FX thread), for {@link #rememberLast}. */
    void follow(Stage stage) {
        InvalidationListener moved = changed -> last = boundsOf(stage);
        stage.xProperty().addListener(moved);
        stage.yProperty().addListener(moved);
        stage.widthProperty().addListener(moved);
        stage.heightProperty().addListener(moved);
        last = boundsOf(stage);
    }

    /** Call as the application stops, while the stage still has its last bounds (FX thread). */
    void remember(Stage stage) {
        save(boundsOf(stage));
    }

    /** Saves the bounds last seen; from any thread, for the shutdown hook. */
    void rememberLast() {
        WindowBounds b = last;
        if (b != null) {
            save(b);
        }
    }

    private static WindowBounds boundsOf(Stage stage) {
        return new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
    }

    private void save(WindowBounds b) {
        if (!b.isPlausible()) {
            return;
        }
        try {
            store.save(b);
        } catch (IOException e) {
            LoggerFactory.getLogger(WindowPlacement.class).warn("Window position not saved: {}", e.toString());
        }
    }

    /** At least a grab-able strip of the title bar must be visible on an attached screen. */
    private static boolean onSomeScreen(WindowBounds b) {
        Rectangle2D titleBar = new Rectangle2D(b.x() + 20, b.y(), Math.max(1, b.width() - 40), 30);
        return !Screen.getScreensForRectangle(titleBar).isEmpty();
    }
}
