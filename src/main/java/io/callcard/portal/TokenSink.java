package io.callcard.portal;

/**
 * Takes a refreshed OAuth pair so the application can store it: the old refresh token stops working once the new
 * one is issued, so a pair that is not persisted means signing in again at the next start.
 */
@FunctionalInterface
public interface TokenSink {

    /** Does not keep anything. */
    TokenSink DISCARD = refreshed -> { };

    /** Called once per refresh, on the thread that performed it. */
    void tokensRefreshed(PortalCredentials.OAuth refreshed);
}
