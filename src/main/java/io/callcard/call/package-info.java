/**
 * The domain: every input as an immutable {@code CallEvent}, the {@code CallSnapshot} it leads to, the pure
 * {@code CallStateReducer} that alone decides what an event means, the {@code CallTracker} that applies events in
 * order, the {@code CallCardChannel} commands go back through, failure codes and CRM references.
 *
 * <p>Imports nothing of ours (only the JDK and SLF4J): the rules of a call are tested alone, without sockets, threads
 * or a window, and every other layer depends on them, never the reverse.
 *
 * <p>Threads: {@code call-tracker}, the one thread that owns call state; subscribers hear about changes on it and
 * must hand slow work on. The portal facts the rules follow are in {@code src/site/markdown/protocol.md} (§2, §3,
 * §5, §6); the flow in {@code src/site/markdown/architecture.md}.
 */
package io.callcard.call;
