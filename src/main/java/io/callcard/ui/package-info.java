/**
 * The window's shared parts: {@code UiExecutor} (the one class that hands work to the FX thread), the English and
 * Russian words ({@code Messages}), and small view helpers (pseudo-classes per state, the palette, lazy tooltips,
 * the relay that passes only the newest snapshot). Features live in {@code ui.callcard}, {@code ui.settings} and
 * {@code ui.shell}: each a view built in code, a plain-Java view-model, and CSS.
 *
 * <p>May import {@code call} and {@code portal}, never {@code app}, {@code listener} or {@code sandbox}: the window
 * shows state and asks for commands through interfaces, and never opens a socket or starts a service.
 *
 * <p>Threads: the FX thread only; background work is handed in by {@code app}. See
 * {@code src/site/markdown/architecture.md}.
 */
package io.callcard.ui;
