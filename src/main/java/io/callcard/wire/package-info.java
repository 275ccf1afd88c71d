/**
 * The Bitrix24 wire vocabulary, one home per wire format: what every layer that speaks to a portal or a widget page
 * would otherwise write again. It holds the call card's command and event names ({@link
 * io.callcard.wire.CallCardCommand}, {@link io.callcard.wire.CallCardEventName}) and its call states ({@link
 * io.callcard.wire.CardCallState}); the one decoder of the card's data object, whichever channel brought it ({@link
 * io.callcard.wire.CallCardFields} over the lenient field readers of {@link io.callcard.wire.JsonFields}); the
 * PHP-style form codec ({@link io.callcard.wire.PhpForm}); the strict mapper for JSON from outside ({@link
 * io.callcard.wire.StrictJson}); the loopback rule ({@link io.callcard.wire.Loopback}); and the listener port range
 * ({@link io.callcard.wire.ListenerPort}). A decoder says what it refused with {@link
 * io.callcard.wire.WireFormatException}; each layer chooses its own answer to that.
 *
 * <p>May import: the JDK and Jackson, nothing else, and nothing of ours (ArchitectureTest enforces it). Every package
 * may import it: the listener, the portal client, the sandbox (which plays the portal's side of the same formats),
 * the domain ({@code call} builds its values from what is decoded here), settings, the UI and the app. That is why it
 * may depend on none of them, and why it does no I/O and knows nothing of JavaFX: it is pure functions over text and
 * JSON trees. The atomic file write is I/O and so lives in {@code io.callcard.config}.
 */
package io.callcard.wire;
