package io.callcard.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.testing.UiTest;
import io.callcard.ui.PngSnapshots;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Pos;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The window and tray icons drawn at run time from the packaged assets/icon.svg, at every size, and looked at. */
@UiTest
class WindowIconsTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void theSvgIsPackagedAndReadShapeByShape() {
        IconDrawing drawing = IconDrawing.packaged();
        assertEquals(256, drawing.viewSize());
        assertEquals(6, drawing.shapeCount(), "four rects, the handset path, ... as assets/icon.svg has them");
    }

    @Test
    void aShapeTheDrawingCannotDrawIsRefusedNotDropped() {
        String svg = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 64 64'>"
                + "<rect x='0' y='0' width='64' height='64' fill='#ffffff'/><circle cx='8' cy='8' r='4'/></svg>";
        IOException refused = assertThrows(IOException.class,
                () -> IconDrawing.read(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))));
        assertTrue(refused.getMessage().contains("<circle>"), refused.getMessage());
    }

    @Test
    void everySizeIsDrawnSquareWithTheCardsColoursAndATransparentCorner() throws Exception {
        List<Image> icons = WaitForAsyncUtils.asyncFx(WindowIcons::all).get(10, TimeUnit.SECONDS);
        assertEquals(WindowIcons.SIZES.size(), icons.size());
        for (int i = 0; i < icons.size(); i++) {
            int size = WindowIcons.SIZES.get(i);
            Image icon = icons.get(i);
            assertEquals(size, icon.getWidth(), "width at " + size);
            assertEquals(size, icon.getHeight(), "height at " + size);
            assertEquals(0, icon.getPixelReader().getColor(0, 0).getOpacity(), 0.01, "corner at " + size);
        }
        Image big = icons.get(icons.size() - 1);
        // the frame's blue at (28, 128), the card's white at (200, 70), the green edge at (43, 128): icon.svg's fills
        assertClose(Color.web("#2f6fdf"), big.getPixelReader().getColor(28, 128));
        assertClose(Color.WHITE, big.getPixelReader().getColor(200, 70));
        assertClose(Color.web("#1a7f45"), big.getPixelReader().getColor(43, 128));

        HBox all = WaitForAsyncUtils.asyncFx(() -> {
            HBox row = new HBox(8);
            row.setAlignment(Pos.BOTTOM_LEFT);
            icons.forEach(image -> row.getChildren().add(new ImageView(image)));
            return row;
        }).get(5, TimeUnit.SECONDS);
        PngSnapshots.save(all, "window-icons");
    }

    @Test
    void theTrayIconCarriesTheMissedCountAsABadge() throws Exception {
        IconDrawing drawing = IconDrawing.packaged();
        BufferedImage plain = WaitForAsyncUtils.asyncFx(() -> DesktopTray.badged(drawing, "")).get(5, TimeUnit.SECONDS);
        BufferedImage three = WaitForAsyncUtils.asyncFx(() -> DesktopTray.badged(drawing, "3"))
                .get(5, TimeUnit.SECONDS);
        BufferedImage many = WaitForAsyncUtils.asyncFx(() -> DesktopTray.badged(drawing, "9+"))
                .get(5, TimeUnit.SECONDS);
        assertEquals(32, three.getWidth());
        // above the card's frame, at the badge's top: transparent without a badge, the badge's red with one
        assertEquals(0, plain.getRGB(23, 2) >>> 24, "nothing drawn above the frame");
        Color badge = argb(three.getRGB(23, 2));
        assertClose(Color.web("#c0262d"), badge);
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        ImageIO.write(plain, "png", dir.resolve("tray-icon.png").toFile());
        ImageIO.write(three, "png", dir.resolve("tray-icon-3-missed.png").toFile());
        ImageIO.write(many, "png", dir.resolve("tray-icon-9plus-missed.png").toFile());
    }

    private static Color argb(int argb) {
        return Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff, ((argb >>> 24) & 0xff) / 255.0);
    }

    private static void assertClose(Color expected, Color actual) {
        String what = "expected " + expected + ", was " + actual;
        assertEquals(expected.getRed(), actual.getRed(), 0.03, what);
        assertEquals(expected.getGreen(), actual.getGreen(), 0.03, what);
        assertEquals(expected.getBlue(), actual.getBlue(), 0.03, what);
        assertEquals(1.0, actual.getOpacity(), 0.03, what);
    }
}
