package io.callcard.ui.settings;

import java.util.concurrent.CompletableFuture;

/** The settings that are no secret: read when the window opens, written by Save. Both touch the disk: async. */
public interface PlainSettings {

    CompletableFuture<SavedSettings> load();

    /**
     * Saves the port, the listener's bind address (null: the default, loopback), the widget sign-in choice and whether
     * calls are followed to the end, whether the portal's call records fill in the history, and the rate limit of the saved portal, if one is saved.
     */
    CompletableFuture<SaveResult> save(int listenerPort, String listenerAddress, boolean offerWidgetCredentials,
                                       boolean followCallsToEnd, boolean importCallRecords, RateLimitChoice rateLimit);
}
