/**
 * The simulated portal the companion plays against while no portal is configured: scenarios (built in or from a
 * file), a pure renderer that turns a pass into the exact posts a widget page would send, and a simulated widget and
 * call card with Bitrix24's auto-close rules.
 *
 * <p>May import {@code call} and {@code sandbox.rest}, never {@code listener}, {@code portal}, {@code config},
 * {@code ui} or {@code app}: it must reach the companion exactly as a portal would, over HTTP.
 *
 * <p>Threads: {@code sandbox-portal} plays the passes; {@code sandbox-widget-commands} long-polls the companion's
 * commands. See {@code src/site/markdown/architecture.md} and, for the card's rules, {@code protocol.md} §2.
 */
package io.callcard.sandbox;
