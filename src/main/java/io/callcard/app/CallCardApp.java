package io.callcard.app;

import io.callcard.ui.Messages;
import io.callcard.ui.UiExecutor;
import io.callcard.ui.shell.ShellView;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The JavaFX application. Start-up order matters: build the window from plain objects, show it, and only then
 * open the settings file, the listener and the portal on a background thread (BUILD-NOTES.md: doing that I/O
 * before the first frame nearly doubles the time to a visible window).
 */
public final class CallCardApp extends Application {

    private static volatile StartupOptions launchOptions;

    private final StartupOptions options;
    private AppContext context;

    /** Used by {@link Application#launch}; takes the options {@link #launch(StartupOptions)} left. */
    public CallCardApp() {
        this(Objects.requireNonNull(launchOptions, "CallCardApp must be started through Launcher"));
    }

    /** Used by tests, which start the application on a temporary home. */
    public CallCardApp(StartupOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    static void launch(StartupOptions options) {
        launchOptions = options;
        Application.launch(CallCardApp.class);
    }

    @Override
    public void start(Stage stage) {
        Messages messages = Messages.forLocale(options.locale());
        UiExecutor ui = new UiExecutor();
        context = new AppContext(options, messages, ui);
        ShellView shell = new ShellView(context.shell(), messages);
        Scene scene = new Scene(shell, 420, 480);
        stage.setTitle(context.shell().titleProperty().get());
        stage.setMinWidth(340);
        stage.setMinHeight(380);
        stage.setScene(scene);
        if (options.startupProbe()) {
            StartupProbe.attach(scene, ui, context.servicesReady());
        }
        stage.show();
        context.startServices();
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
    }

    /** The wiring, for tests that look behind the window. */
    AppContext context() {
        return context;
    }
}
