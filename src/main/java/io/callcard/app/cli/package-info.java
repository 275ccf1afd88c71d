/**
 * The subcommands that run without a window (picocli): {@code portal connect}, {@code portal test},
 * {@code portal app-token}, {@code portal disconnect} and {@code sandbox serve}.
 *
 * <p>Part of {@code app}, so it may import every package: the command line drives the same parts as the window
 * ({@code config}, {@code portal}, {@code sandbox}, the words of {@code ui.Messages}), without JavaFX. Secrets are read
 * without echo, never from arguments.
 *
 * <p>Threads: {@code sandbox serve} runs on {@code main} until a shutdown hook ({@code sandbox-serve-stop}) releases
 * it. See {@code src/site/markdown/architecture.md}.
 */
package io.callcard.app.cli;
