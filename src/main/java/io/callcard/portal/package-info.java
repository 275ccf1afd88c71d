/**
 * The Bitrix24 REST client: credentials (webhook, OAuth with refresh), one call path, errors typed as
 * {@code PortalError}, a client-side copy of the portal's leaky bucket, CRM names, the call history, the install
 * page's {@code placement.bind} and the seed pages' REST placement transport.
 *
 * <p>May import {@code call} only: the window, the command line and the listener all use it, so it knows none of
 * them.
 *
 * <p>Threads: none of its own; a call runs on its caller's thread (OkHttp keeps its own daemon housekeeping). REST
 * conventions, limits and errors are in {@code src/site/markdown/protocol.md} §4.
 */
package io.callcard.portal;
