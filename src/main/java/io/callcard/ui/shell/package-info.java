/**
 * The main window around the call card: the sandbox banner while simulated calls play, the status line, the way
 * to the settings, the line under the card saying where its data comes from ({@code SourceLine},
 * {@code SourceViewModel}, {@code CardSourceBar}) and the missed-calls badge ({@code MissedCalls}).
 *
 * <p>May import {@code ui} and {@code ui.callcard}: it arranges the features, it does not reach past them; and
 * {@code call} (and {@code wire}'s call states), to judge which calls were missed.
 *
 * <p>Threads: the FX thread, except {@code MissedCalls.watcher}, which judges each call update on the call tracker's
 * thread and hands only a change of the count to the FX thread. See {@code src/site/markdown/architecture.md}.
 */
package io.callcard.ui.shell;
