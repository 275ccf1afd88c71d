package io.callcard.bench;

import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * For {@link NotificationsBench}: a window like the companion's, and once its first frame is drawn, two ControlsFX
 * notifications one after the other, each timed in three steps on the FX thread: {@code Notifications.create()} with
 * its title, text and owner; {@code show()}; and from there until the popup's window is showing and the next pulse
 * has laid it out. Prints one line per notification ({@code NOTIFICATION <n> <create ms> <show ms> <on screen ms>}),
 * then quits. Run in a fresh JVM each time: the first notification's cost is mostly class loading and CSS.
 */
public final class NotificationsProbe {

    private NotificationsProbe() {
    }

    public static void main(String[] args) {
        Application.launch(ProbeApp.class, args);
    }

    private static long showingWindows() {
        return Window.getWindows().stream().filter(Window::isShowing).count();
    }

    public static final class ProbeApp extends Application {
        private Stage stage;

        @Override
        public void start(Stage primary) {
            stage = primary;
            Scene scene = new Scene(new StackPane(new Label("call card")), 420, 480);
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                Platform.runLater(() -> notify(1));
            };
            scene.addPostLayoutPulseListener(once[0]);
            stage.setScene(scene);
            stage.show();
        }

        private void notify(int n) {
            long t0 = System.nanoTime();
            Notifications notification = Notifications.create().title("Incoming call").text("+49 30 1234 5678")
                    .owner(stage).hideAfter(Duration.seconds(30));
            long t1 = System.nanoTime();
            long windowsBefore = showingWindows();
            notification.show();
            long t2 = System.nanoTime();
            whenShown(windowsBefore, () -> {
                long t3 = System.nanoTime();
                System.out.println(String.format(Locale.ROOT, "NOTIFICATION %d %.2f %.2f %.2f", n, (t1 - t0) / 1e6,
                        (t2 - t1) / 1e6, (t3 - t1) / 1e6));
                System.out.flush();
                if (n < 2) {
                    Platform.runLater(() -> notify(n + 1));
                } else {
                    Platform.exit();
                }
            });
        }

        /** Runs {@code then} at the first pulse after a new window (the popup) is showing and laid out. */
        private void whenShown(long windowsBefore, Runnable then) {
            Runnable[] check = new Runnable[1];
            check[0] = () -> {
                if (showingWindows() > windowsBefore) {
                    stage.getScene().removePostLayoutPulseListener(check[0]);
                    Platform.runLater(then);
                }
            };
            stage.getScene().addPostLayoutPulseListener(check[0]);
            // a pulse on the owner, so the check runs even when only the popup changed
            stage.getScene().getRoot().requestLayout();
        }
    }
}
