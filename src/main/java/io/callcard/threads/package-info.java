/**
 * The one owner of the companion's background threads: every thread and executor outside the JavaFX toolkit is made
 * here, named after what it does, a daemon unless it must hold the JVM up, and watched, so that a failure on it is
 * logged with its cause and handed to whoever listens ({@link io.callcard.threads.BackgroundFailures}: the
 * application, which says in the window what it means for the user) instead of dying silently.
 *
 * <p>Every package may import this one, and it imports nothing of ours: only the JDK and SLF4J. That keeps it usable
 * from the innermost layers ({@code call}, {@code config}) without bending their rules, and keeps the rule "only this
 * package constructs {@code java.lang.Thread}" (ArchitectureTest) cheap to honour everywhere.
 *
 * <p>Two traps it closes. A task an executor runs through {@code submit} never reaches a thread's uncaught-exception
 * handler (its exception sits in the returned {@code Future}, often never read), so the executors made here log such
 * a failure too. And a non-daemon worker keeps the JVM alive after the window closed, so every thread is a daemon
 * except a shutdown hook's.
 */
package io.callcard.threads;
