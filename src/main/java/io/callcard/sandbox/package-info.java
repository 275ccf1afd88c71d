/**
 * The simulated portal the companion plays against while no portal is configured: scenarios (built in or from a
 * file), a pure renderer that turns a pass into the exact posts a widget page would send, and a simulated widget and
 * call card with Bitrix24's rules: its auto-close, and what its own code really delivers to the widget (one argument
 * per event, the end of a call lost when the card closes at once, the widget loaded only as the default tab), or the
 * documented behaviour when a scenario chooses it.
 *
 * <p>May import {@code call} and {@code sandbox.rest}, never {@code listener}, {@code portal}, {@code config},
 * {@code ui} or {@code app}: it must reach the companion exactly as a portal would, over HTTP.
 *
 * <p>Threads: {@code sandbox-portal} plays the passes; {@code sandbox-widget-commands} long-polls the companion's
 * commands. See {@code src/site/markdown/architecture.md} and, for the card's rules, {@code protocol.md} §2 and §2a.
 */
package io.callcard.sandbox;
