package io.callcard.app;

import io.callcard.threads.BackgroundThreads;
import io.callcard.ui.Messages;
import io.callcard.ui.Shortcuts;
import io.callcard.ui.UiExecutor;
import io.callcard.ui.callcard.CallCardViewModel;
import io.callcard.ui.history.HistoryWindow;
import io.callcard.ui.history.TodayCallsView;
import io.callcard.ui.settings.SettingsWindow;
import io.callcard.ui.shell.ErrorDialog;
import io.callcard.ui.shell.ShellView;
import io.callcard.ui.window.CallNotifier;
import io.callcard.ui.window.CompactCardView;
import io.callcard.ui.window.DesktopTray;
import io.callcard.ui.window.TrayStatus;
import io.callcard.ui.window.WindowFront;
import io.callcard.ui.window.WindowIcons;
import io.callcard.ui.window.WindowMode;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.beans.value.ObservableIntegerValue;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application. Start-up order matters: build the window from plain objects, show it, and once its first
 * frame is drawn open the logs, the settings file, the listener and the portal on a background thread
 * (toolchain.md: doing that I/O before the first frame nearly doubles the time to a visible window).
 */
public final class CallCardApp extends Application {

    private static volatile CompletableFuture<ParsedCommandLine> launchCommandLine;

    private StartupOptions options;
    private AppContext context;
    private Stage stage;
    private WindowPlacement placement;
    private Messages messages;
    private SettingsWindow settingsWindow;
    private FxFailureHandler fxFailures;
    private Thread shutdownHook;
    private WindowMode windowMode;
    private AutoCloseable notifications;
    private Optional<DesktopTray> tray = Optional.empty();
    private Appearance appearance;
    private HistoryWindow historyWindow;

    /** Used by {@link Application#launch}: the options come from the command line {@link Launcher} is reading. */
    public CallCardApp() {
    }

    /** Used by tests, which start the application on a temporary home. */
    public CallCardApp(StartupOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    static void launch(CompletableFuture<ParsedCommandLine> commandLine) {
        launchCommandLine = commandLine;
        Application.launch(CallCardApp.class);
    }

    /** Runs on the launcher thread once the toolkit is up: the first moment the options are needed. */
    @Override
    public void init() {
        if (options != null) {
            return;
        }
        ParsedCommandLine cli = Objects.requireNonNull(launchCommandLine, "start CallCardApp through Launcher")
                .join();
        if (!cli.starts()) {
            cli.report();
            System.exit(cli.exitCode());
        }
        options = cli.options();
        LoggingSetup.pointAt(options.paths().logDir());
    }

    @Override
    public void start(Stage stage) {
        messages = Messages.forLocale(options.locale());
        fxFailures = FxFailureHandler.installOnThisThread(new ErrorDialog(messages, stage));
        UiExecutor ui = new UiExecutor();
        context = new AppContext(options, messages, ui);
        appearance = Appearance.apply(context.preferences(), messages, options.locale(), stage, ui); // before the views
        context.shell().callCard().usePages(new BrowserCrmPages(getHostServices(), context::crmPortalOrigin));
        // SIGTERM (a logout, kill, a service manager) never reaches stop(): the same orderly close runs from a hook
        placement = new WindowPlacement(options.paths().configDir());
        shutdownHook = BackgroundThreads.shutdownHook("callcard-shutdown", this::terminated);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        // the card's scroll pane joins after the first frame (an idle card is short: nothing to scroll yet)
        ShellView shell = ShellView.withScrollingLater(context.shell(), messages, this::openSettings);
        // the scene shows the full card or the compact line, on top or not, as the preferences say (and follows them)
        windowMode = new WindowMode(stage, shell, this::compactLine, context.preferences(), placement);
        Scene scene = windowMode.scene();
        messages.localeProperty().addListener((obs, old, now) -> rebuildViews());
        stage.setTitle(context.shell().titleProperty().get());
        this.stage = stage;
        placement.restore(stage, windowMode.compactShown());
        placement.follow(stage);
        FirstFrame.then(scene, ui, () -> {
            if (options.startupProbe()) {
                StartupProbe.firstFrameShown(context.servicesReady());
            }
            // every call is followed for notifications before the services can report one
            notifications = context.followCalls(new CallNotifier(stage, messages, context.preferences()));
            // before the services start, so before any call can make the card taller than the window
            shell.addScrolling();
            // I/O starts only now, so it does not compete with the first frame for the CPU
            context.startServices();
            shell.addSettingsButton();
            // today's calls (a list, its models and their threads) wait for the next turn: the services start first
            ui.executeLater(() -> {
                context.historyPanes().use(new SystemNumberClipboard(),
                        new BrowserCrmPages(getHostServices(), context::crmPortalOrigin));
                // the history's numbers are read as the card reads them: in the same region
                context.historyPanes().readNumbersIn(context.shell().callCard()::numberRegion,
                        context.preferences().currentProperty());
                addHistory(shell);
            });
            if (options.trainingRun()) {
                TrainingRun.follow(context.shell().callCard().phaseProperty(), context.servicesReady(),
                        this::listenerPort);
            }
            // the icon (an SVG read and drawn) and the tray (AWT) wait for the next turn: the services start first
            ui.executeLater(this::dressWindow);
        });
        stage.show();
    }

    /** The listener's port once it listens (for the training run's milestones). */
    private int listenerPort() {
        return context.listener() == null ? -1 : context.listener().port();
    }

    /** The one-line card, made when compact mode is first shown; Ctrl+, opens the settings from it too. */
    private CompactCardView compactLine(Runnable expand) {
        CompactCardView line = new CompactCardView(context.shell().callCard(), messages, expand);
        Shortcuts.install(line, ShellView.SETTINGS_SHORTCUT, this::openSettings);
        return line;
    }

    /** The window's icon at every size, and the tray icon where the desktop has a tray. */
    private void dressWindow() {
        stage.getIcons().setAll(WindowIcons.all());
        CallCardViewModel card = context.shell().callCard();
        TrayStatus trayStatus = TrayStatus.forCard(messages, card, missedCallCount());
        try {
            tray = DesktopTray.show(stage, messages, trayStatus, card.hold(), () -> WindowFront.bring(stage));
        } catch (RuntimeException refused) {
            // a desktop that claims a tray and then refuses the icon costs the agent the icon, not an error dialog
            LoggerFactory.getLogger(CallCardApp.class).warn("No tray icon: {}", refused.toString());
        }
    }

    /** Calls missed since the agent last looked, for the tray's badge: the window's own counter. */
    private ObservableIntegerValue missedCallCount() {
        return context.shell().missedCalls().countProperty();
    }

    /**
     * The language changed (Messages switched in place, the view-models said their state again): the window's views
     * are made again, in it. The settings window follows when it is next opened.
     */
    private void rebuildViews() {
        ShellView fresh = new ShellView(context.shell(), messages, this::openSettings);
        windowMode.replaceViews(fresh);
        fresh.addSettingsButton();
        addHistory(fresh);
        stage.setTitle(context.shell().titleProperty().get());
    }

    /** Today's calls under the card, and the full history from their button or Ctrl+Shift+H (issue 13). */
    private void addHistory(ShellView shell) {
        shell.addHistory(new TodayCallsView(context.historyPanes().today(), messages, this::openHistory),
                HistoryWindow.SHORTCUT, this::openHistory);
        context.historyPanes().callsChanged(); // read again: after a language switch its words are said anew
    }

    /** The full history's window, beside the main one; made on first use. */
    private void openHistory() {
        if (historyWindow == null) {
            historyWindow = new HistoryWindow(stage, context.historyPanes().full(), messages);
        }
        historyWindow.show();
    }

    /** The settings window, modal over the main one; made on first use so start-up does not pay for it. */
    private void openSettings() {
        if (settingsWindow == null) {
            settingsWindow = new SettingsWindow(stage, context.settings(), messages);
        }
        settingsWindow.show();
    }

    @Override
    public void stop() {
        if (placement != null) {
            placement.remember(stage);
        }
        tray.ifPresent(DesktopTray::close);
        if (notifications != null) {
            try {
                notifications.close();
            } catch (Exception e) {
                LoggerFactory.getLogger(CallCardApp.class).warn("Notifications not stopped: {}", e.toString());
            }
        }
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already stopping: the hook runs the same close, which happens once
            }
        }
        if (context != null) {
            context.close();
        }
        if (fxFailures != null) {
            fxFailures.uninstall();
        }
        if (appearance != null) {
            appearance.close();
        }
    }

    /** SIGTERM: off the FX thread, with the toolkit perhaps already gone; the window's place is saved all the same. */
    void terminated() {
        placement.rememberLast();
        context.close();
    }

    /** The wiring, for tests that look behind the window. */
    AppContext context() {
        return context;
    }
}
