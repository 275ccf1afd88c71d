/**
 * The window beside the phone: desktop notifications of calls ({@code CallNotices} decides, {@code CallNotifier}
 * shows), always on top and the one-line compact mode ({@code WindowMode}, {@code CompactCardView}), the window icon
 * drawn from {@code assets/icon.svg} ({@code WindowIcons}) and the tray icon ({@code TrayStatus} decides its words,
 * {@code DesktopTray} paints them).
 *
 * <p>May import {@code call}, {@code prefs} and {@code ui}; the deciding classes are plain Java, tested without the
 * toolkit. Everything heavy here (ControlsFX popups, the tray and AWT, the icon's SVG) is made after the first frame.
 *
 * <p>Threads: the FX thread; snapshots arrive through {@code UiExecutor}. See {@code src/site/markdown/architecture.md}.
 */
package io.callcard.ui.window;
