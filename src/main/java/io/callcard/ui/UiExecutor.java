package io.callcard.ui;

import java.util.concurrent.Executor;
import javafx.application.Platform;

/**
 * The one place that hands work to the JavaFX thread. Everything else receives an {@link Executor}, so tests can
 * pass {@code Runnable::run} and never start the toolkit.
 */
public final class UiExecutor implements Executor {

    @Override
    public void execute(Runnable work) {
        if (Platform.isFxApplicationThread()) {
            work.run();
        } else {
            Platform.runLater(work);
        }
    }

    /** Always queue, even on the FX thread: {@code work} runs after the current pulse, its frame drawn. */
    public void executeLater(Runnable work) {
        Platform.runLater(work);
    }
}
