package io.callcard.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The baseline of the start-up benchmark: the least a JavaFX program can do, a stage with one label, of the same
 * size as the companion's window. Prints {@code FIRST_FRAME} and {@code FIRST_FRAME_CPU} the same way
 * {@code StartupProbe} does, then quits;
 * with {@value #STAY} it stays open instead, for the footprint benchmark's idle measurements.
 */
public final class BareStageProbe {

    /** Keep the stage open after the first frame. */
    static final String STAY = "--stay";

    private BareStageProbe() {
    }

    public static void main(String[] args) {
        Application.launch(BareApp.class, args);
    }

    public static final class BareApp extends Application {
        @Override
        public void start(Stage stage) {
            Scene scene = new Scene(new StackPane(new Label("bare stage")), 420, 480);
            boolean stay = getParameters().getRaw().contains(STAY);
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                Platform.runLater(() -> {
                    System.out.println("FIRST_FRAME");
                    System.out.flush();
                    System.out.println(cpuSoFar());
                    System.out.flush();
                    if (!stay) {
                        Platform.exit();
                    }
                });
            };
            scene.addPostLayoutPulseListener(once[0]);
            stage.setScene(scene);
            stage.show();
        }
    }

    /** As the companion's probe says it: the FX thread's and the process's CPU time until the first frame. */
    static String cpuSoFar() {
        long threadNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long processMillis = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
        return "FIRST_FRAME_CPU fx=" + threadNanos / 1_000_000 + " process=" + processMillis;
    }
}
