/**
 * The loopback HTTP listener (the JDK server on 127.0.0.1 by default): the CALL_CARD widget's page and bridge, the
 * routes the portal's server posts to, one decoder per wire format, and the gate every request passes (host,
 * origin, portal, session, application token, size, rate), and the seed REST transport's live link for a portal that
 * accepts {@code placement.call}. Everything it accepts becomes a {@code CallEvent}.
 *
 * <p>May import {@code call} and {@code portal} only: it turns the wire into events and must not know the window,
 * the settings store, or whether a sandbox or a real portal is talking to it.
 *
 * <p>Threads: the JDK's {@code HTTP-Dispatcher}, the route workers {@code listener-N} and the
 * {@code listener-watchdog} that cuts slow bodies, and {@code seed-transport} (the seed transport's poll and commands). The wire formats are in {@code src/site/markdown/protocol.md}
 * (§1, §2, §2a, §5); threads in {@code src/site/markdown/architecture.md}.
 */
package io.callcard.listener;
