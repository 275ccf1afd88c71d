/**
 * Light and dark: which the window wears ({@link io.callcard.ui.theme.ThemeModel}, from the agent's
 * {@code Preferences.theme} and what the desktop uses) and putting it on every window ({@link
 * io.callcard.ui.theme.ThemedWindows}: the {@code :dark} pseudo-class on each root, which {@code ui/palette.css} keys
 * its colours on). Asking the desktop runs programs, so it lives in {@code app} and answers through
 * {@link io.callcard.ui.theme.ThemeModel#systemAnswered}.
 *
 * <p>Threads: the FX thread.
 */
package io.callcard.ui.theme;
