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
import javafx.stage.Window;

/**
 * The window's language and colours, from the agent's preferences, applied at once and before the first frame where
 * the preference already says (a chosen language, light or dark). Following the desktop's theme means asking it
 * ({@link DesktopTheme}, off the FX thread): at start, when the agent goes back to "follow the system", and each time
 * the main window is focused again, since the desktop may have changed in between (one question at a time).
 */
final class Appearance {

    private final ThemeModel theme;
    private final Executor ui;
    private final AtomicBoolean asking = new AtomicBoolean();

    private Appearance(ThemeModel theme, Executor ui) {
        this.theme = theme;
        this.ui = ui;
    }

    /** Call before the window's views are built. FX thread. */
    static void apply(PreferencesModel preferences, Messages messages, Locale started, Window main, Executor ui) {
        SpokenLanguage.follow(preferences.currentProperty(), messages, started);
        ThemeModel theme = new ThemeModel(preferences.currentProperty());
        ThemedWindows.follow(theme, List.of(ShellView.STYLESHEET));
        Appearance appearance = new Appearance(theme, ui);
        appearance.askTheDesktop();
        preferences.currentProperty().addListener((obs, old, now) -> {
            if (now.effectiveTheme() == Theme.SYSTEM && old.effectiveTheme() != Theme.SYSTEM) {
                appearance.askTheDesktop();
            }
        });
        main.focusedProperty().addListener((obs, old, now) -> {
            if (now) {
                appearance.askTheDesktop();
            }
        });
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
