package io.callcard.app;

import io.callcard.config.WindowBounds;
import io.callcard.config.WindowBoundsStore;
import io.callcard.ui.window.PlacementMemory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.InvalidationListener;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.LoggerFactory;

/**
 * Puts the window back where the agent left it, unless that place is on a screen no longer attached. The full card
 * and the compact line each keep their own size and place ({@code window.properties}, {@code
 * window-compact.properties}). The bounds are followed as the window moves, so that a SIGTERM (a logout, a service
 * manager), whose hook runs off the FX thread and may find the toolkit already gone, still saves where the window was.
 */
final class WindowPlacement implements PlacementMemory {

    private final WindowBoundsStore fullStore;
    private final WindowBoundsStore compactStore;
    /** Each mode's bounds as last seen on the FX thread; null while unknown. */
    private volatile WindowBounds lastFull;
    private volatile WindowBounds lastCompact;
    /** The mode the stage shows; moves are recorded for it. */
    private volatile boolean compact;
    /** While a mode switch resizes the stage, its passing sizes belong to neither mode. */
    private boolean switching;

    WindowPlacement(Path configDir) {
        this(new WindowBoundsStore(configDir), new WindowBoundsStore(configDir, WindowBoundsStore.COMPACT_FILE_NAME));
    }

    WindowPlacement(WindowBoundsStore fullStore, WindowBoundsStore compactStore) {
        this.fullStore = fullStore;
        this.compactStore = compactStore;
    }

    /**
     * Call before the stage shows, with the mode it starts in. Returns whether saved bounds were used (else the stage
     * keeps the size its scene gave it and centres itself).
     */
    boolean restore(Stage stage, boolean compactMode) {
        compact = compactMode;
        return placeFrom(stage, (compactMode ? compactStore : fullStore).load());
    }

    /** Keeps the stage's bounds as they change (FX thread), for {@link #rememberLast}. */
    void follow(Stage stage) {
        InvalidationListener moved = changed -> {
            if (!switching) {
                record(boundsOf(stage));
            }
        };
        stage.xProperty().addListener(moved);
        stage.yProperty().addListener(moved);
        stage.widthProperty().addListener(moved);
        stage.heightProperty().addListener(moved);
        record(boundsOf(stage));
    }

    @Override
    public void leaving(Stage stage, boolean compactMode) {
        compact = compactMode;
        record(boundsOf(stage));
        switching = true;
    }

    @Override
    public boolean entering(Stage stage, boolean compactMode) {
        WindowBounds known = compactMode ? lastCompact : lastFull;
        Optional<WindowBounds> place = known != null ? Optional.of(known)
                : (compactMode ? compactStore : fullStore).load();
        boolean placed = placeFrom(stage, place);
        compact = compactMode;
        switching = false;
        if (placed) {
            record(boundsOf(stage));
        }
        return placed;
    }

    /** Call as the application stops, while the stage still has its last bounds (FX thread). */
    void remember(Stage stage) {
        record(boundsOf(stage));
        rememberLast();
    }

    /** Saves each mode's bounds last seen; from any thread, for the shutdown hook. */
    void rememberLast() {
        save(fullStore, lastFull);
        save(compactStore, lastCompact);
    }

    private void record(WindowBounds b) {
        if (!b.isPlausible()) {
            return;
        }
        if (compact) {
            lastCompact = b;
        } else {
            lastFull = b;
        }
    }

    private static boolean placeFrom(Stage stage, Optional<WindowBounds> saved) {
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

    private static WindowBounds boundsOf(Stage stage) {
        return new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
    }

    private static void save(WindowBoundsStore store, WindowBounds b) {
        if (b == null || !b.isPlausible()) {
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
