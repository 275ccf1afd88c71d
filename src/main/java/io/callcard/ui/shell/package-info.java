/**
 * The main window around the call card: the sandbox banner while simulated calls play, the status line, and the way
 * to the settings.
 *
 * <p>May import {@code ui} and {@code ui.callcard}: it arranges the features, it does not reach past them.
 *
 * <p>Threads: the FX thread only. See {@code src/site/markdown/architecture.md}.
 */
package io.callcard.ui.shell;
