/**
 * The call history: every call the companion hears about, one {@link io.callcard.history.HistoryCall} per call with
 * its timeline of applied events, kept in a store behind {@link io.callcard.history.CallHistory} (SQLite in the data
 * folder; the interface and its portable SQL leave room for a shared team store on a database server).
 *
 * <p>Imports the call domain ({@code io.callcard.call}), the wire vocabulary, {@code io.callcard.numbers} (search by
 * every form of a number) and {@code io.callcard.threads}; never
 * JavaFX, the listener, the portal client or the application. Writes go through the store's one writer thread in
 * batches; reads may come from any thread. The rules the history follows are in {@code src/site/markdown/history.md}.
 */
package io.callcard.history;
