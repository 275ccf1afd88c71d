package io.callcard.ui.window;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.Group;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Scale;

/**
 * The window icon at every size a desktop asks for, drawn on the FX thread from {@link IconDrawing} after the first
 * frame (the window shows without one for a moment rather than wait for it).
 */
public final class WindowIcons {

    /** The sizes window managers, taskbars and Alt+Tab pick from. */
    public static final List<Integer> SIZES = List.of(16, 20, 24, 32, 40, 48, 64, 128, 256);

    private WindowIcons() {
    }

    /** The packaged icon at each of {@link #SIZES}; FX thread. */
    public static List<Image> all() {
        IconDrawing drawing = IconDrawing.packaged();
        List<Image> images = new ArrayList<>();
        for (int size : SIZES) {
            images.add(draw(drawing, size));
        }
        return List.copyOf(images);
    }

    /** {@code drawing} as a {@code size}-pixel square with a transparent background; FX thread. */
    static WritableImage draw(IconDrawing drawing, int size) {
        Group shapes = drawing.toGroup();
        double scale = size / drawing.viewSize();
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        params.setTransform(new Scale(scale, scale));
        // the viewport is in the scaled coordinates: exactly the icon's square, margins included
        params.setViewport(new Rectangle2D(0, 0, size, size));
        return shapes.snapshot(params, new WritableImage(size, size));
    }

    /** The same pixels for AWT (the tray), without the javafx-swing module. */
    static BufferedImage toAwt(Image image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return out;
    }
}
