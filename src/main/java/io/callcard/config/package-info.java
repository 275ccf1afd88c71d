/**
 * What the user chose and what must stay secret: {@code settings.json} (unknown keys kept, broken files never
 * overwritten), {@code window.properties}, and secrets in the system keyring or, where none answers, in an
 * owner-only {@code secrets.json}.
 *
 * <p>Imports nothing of ours, and only the JDK, Jackson, SLF4J and java-keyring: settings and secrets are read
 * before anything else starts, by the window and the command line alike. No secret ever reaches a log line or an
 * exception message.
 *
 * <p>Threads: {@code keyring-probe}, a daemon that asks the keyring and is abandoned after the timeout. See
 * {@code src/site/markdown/architecture.md}.
 */
package io.callcard.config;
