/**
 * The call history in a SQLite file: {@link io.callcard.history.sqlite.SqliteCallHistory} and the parts it is made
 * of (opening and migrating the file, the one writer thread, the read connections, a query as SQL, the statistics).
 * The rules it follows (schema, durability, identity, problems) are in {@code src/site/markdown/history.md}.
 *
 * <p>Imports the history's contract, the call domain, {@code io.callcard.numbers} (the national format of a number,
 * for search) and {@code io.callcard.threads} (the writer thread); never JavaFX or the application.
 */
package io.callcard.history.sqlite;
