/**
 * The application: {@code Launcher} (the entry point, deliberately not a JavaFX {@code Application}), the JavaFX
 * {@code CallCardApp}, {@code AppContext} (all wiring, by constructors, no framework), {@code AppPaths} and the
 * command line.
 *
 * <p>May import every package: it is the one place that knows all the parts, so no other part has to know another.
 * JavaFX is allowed here and in {@code ui} only.
 *
 * <p>Threads: start-up opens the log, settings, secret store, listener and sandbox on {@code startup-io} once the
 * first frame is drawn; the settings window's disk and portal work runs on {@code settings-io}, in order; a widget's
 * token pair is checked on {@code widget-portal-link}. Details, and the shutdown order, in
 * {@code src/site/markdown/architecture.md}.
 */
package io.callcard.app;
