/**
 * The sandbox's Bitrix24 REST server ({@code callcard sandbox serve}, and the tests): webhook and OAuth paths,
 * answer envelopes, the documented errors, the leaky bucket, the token endpoint, a seeded CRM and call history,
 * {@code batch}, the legacy placement transport, fault switches, and the telephony events a portal posts.
 *
 * <p>May import {@code call} and {@code sandbox}; like the rest of the sandbox it reaches the companion only over
 * HTTP, so tests exercise the real client against it.
 *
 * <p>Threads: {@code sandbox-rest-N} answer requests (daemon); {@code sandbox-legacy-card} plays a scenario on the
 * seed transport's call card ({@code LegacyCallCardPlayer}); the JDK's HTTP client posts events. What it imitates
 * is in {@code src/site/markdown/protocol.md} §4 and §5.
 */
package io.callcard.sandbox.rest;
