package io.callcard.ui.window;

import com.dustinredmond.fxtrayicon.FXTrayIcon;
import io.callcard.ui.Messages;
import io.callcard.ui.callcard.CardHoldViewModel;
import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.Optional;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.scene.transform.Scale;
import javafx.stage.Stage;

/**
 * The tray icon, where the desktop has a tray (FXTrayIcon over the JDK's SystemTray): the application's icon with the
 * missed count as a badge, the tooltip {@link TrayStatus} words, and a menu: show the window, hold the card open (a
 * check item showing what the card confirmed), quit. Made after the first frame, on the FX thread; absent where
 * SystemTray is not supported (headless machines, some Wayland desktops).
 */
public final class DesktopTray implements AutoCloseable {

    /** Drawn at the size trays ask for most; FXTrayIcon scales it to the platform's. */
    private static final int ICON_SIZE = 32;

    private final FXTrayIcon icon;
    private final IconDrawing drawing;

    private DesktopTray(FXTrayIcon icon, IconDrawing drawing) {
        this.icon = icon;
        this.drawing = drawing;
    }

    /**
     * Puts the icon in the tray; empty where there is none. FX thread.
     *
     * @param bringForward shows the window (the menu's first item, and a click on the icon)
     */
    public static Optional<DesktopTray> show(Stage stage, Messages messages, TrayStatus status, CardHoldViewModel hold,
                                             Runnable bringForward) {
        Objects.requireNonNull(status, "status");
        if (!FXTrayIcon.isSupported()) {
            return Optional.empty();
        }
        IconDrawing drawing = IconDrawing.packaged();
        FXTrayIcon icon = new FXTrayIcon(stage, badged(drawing, status.badgeProperty().get()));
        DesktopTray tray = new DesktopTray(icon, drawing);
        icon.setApplicationTitle(messages.get("app.title"));

        MenuItem showWindow = new MenuItem(messages.get("tray.show"));
        showWindow.setOnAction(e -> bringForward.run());
        CheckMenuItem holdItem = new CheckMenuItem(messages.get("tray.hold"));
        holdItem.setSelected(hold.heldProperty().get());
        // the card decides: a click asks, and the check shows what it confirmed, not the click
        holdItem.setOnAction(e -> {
            hold.toggle();
            holdItem.setSelected(hold.heldProperty().get());
        });
        hold.heldProperty().addListener((obs, old, held) -> holdItem.setSelected(held));
        MenuItem quit = new MenuItem(messages.get("tray.quit"));
        quit.setOnAction(e -> Platform.exit());
        icon.addMenuItems(showWindow, holdItem, quit);
        icon.setOnAction(e -> bringForward.run());

        icon.setTrayIconTooltip(status.tooltipProperty().get());
        status.tooltipProperty().addListener((obs, old, text) -> icon.setTrayIconTooltip(text));
        status.badgeProperty().addListener((obs, old, badge) -> icon.setGraphic(badged(tray.drawing, badge)));
        icon.show();
        return Optional.of(tray);
    }

    /** The icon with {@code badge} (the missed count) in a red circle at its top right; the plain icon when empty. */
    static BufferedImage badged(IconDrawing drawing, String badge) {
        Group picture = drawing.toGroup();
        double scale = ICON_SIZE / drawing.viewSize();
        if (!badge.isEmpty()) {
            double side = drawing.viewSize();
            double r = side * 0.27;
            Circle dot = new Circle(side - r, r, r, Color.web("#c0262d"));
            Text count = new Text(badge);
            count.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, badge.length() > 1 ? r * 1.05 : r * 1.4));
            count.setFill(Color.WHITE);
            count.setTextOrigin(VPos.CENTER);
            count.setTextAlignment(TextAlignment.CENTER);
            count.setX(side - r - count.getLayoutBounds().getWidth() / 2);
            count.setY(r);
            picture.getChildren().addAll(dot, count);
        }
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        params.setTransform(new Scale(scale, scale));
        params.setViewport(new Rectangle2D(0, 0, ICON_SIZE, ICON_SIZE));
        WritableImage image = picture.snapshot(params, new WritableImage(ICON_SIZE, ICON_SIZE));
        return WindowIcons.toAwt(image);
    }

    /** Takes the icon out of the tray, so AWT lets the JVM end. */
    @Override
    public void close() {
        icon.hide();
    }
}
