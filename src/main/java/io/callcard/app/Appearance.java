package io.callcard.app;

import io.callcard.prefs.Theme;
import io.callcard.ui.Messages;
import io.callcard.ui.PreferencesModel;
import io.callcard.ui.SpokenLanguage;
import io.callcard.ui.shell.ShellView;
import io.callcard.ui.theme.ThemeModel;
import io.callcard.ui.theme.ThemedWindows;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.value.ChangeListener;
import javafx.stage.Window;

/**
 * The window's language and colours, from the agent's preferences, applied at once and before the first frame where
 * the preference already says (a chosen language, light or dark). Following the desktop's theme means asking it
 * ({@link DesktopTheme}, off the FX thread): at start, when the agent goes back to "follow the system", and each time
 * the main window is focused again, since the desktop may have changed in between (one question at a time).
 */
final class Appearance implements AutoCloseable {

    private final ThemeModel theme;
    private final Executor ui;
    private final Window main;
    private final AtomicBoolean asking = new AtomicBoolean();
    private final ChangeListener<Boolean> focused = (obs, old, now) -> {
        if (now) {
            askTheDesktop();
        }
    };
    private ThemedWindows windows;

    private Appearance(ThemeModel theme, Executor ui, Window main) {
        this.theme = theme;
        this.ui = ui;
        this.main = main;
    }

    /** Call before the window's views are built; close when the application stops. FX thread. */
    static Appearance apply(PreferencesModel preferences, Messages messages, Locale started, Window main,
                            Executor ui) {
        SpokenLanguage.follow(preferences.currentProperty(), messages, started);
        ThemeModel theme = new ThemeModel(preferences.currentProperty());
        Appearance appearance = new Appearance(theme, ui, main);
        appearance.windows = ThemedWindows.follow(theme, List.of(ShellView.STYLESHEET));
        appearance.askTheDesktop();
        preferences.currentProperty().addListener((obs, old, now) -> {
            if (now.effectiveTheme() == Theme.SYSTEM && old.effectiveTheme() != Theme.SYSTEM) {
                appearance.askTheDesktop();
            }
        });
        main.focusedProperty().addListener(appearance.focused);
        return appearance;
    }

    /** Stops theming windows and asking the desktop (the toolkit may outlive the application: tests). FX thread. */
    @Override
    public void close() {
        main.focusedProperty().removeListener(focused);
        windows.close();
    }

    private void askTheDesktop() {
        if (!theme.followsSystem() || !asking.compareAndSet(false, true)) {
            return;
        }
        DesktopTheme.askInBackground(dark -> ui.execute(() -> {
            asking.set(false);
            if (dark != null) { // a desktop that once answered and now says nothing has not changed its mind
                theme.systemAnswered(dark);
            }
        }));
    }
}
