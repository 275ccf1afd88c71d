package io.callcard.ui.settings;

/**
 * The settings as saved, in plain values for the window.
 *
 * @param listenerPort           the listener's port
 * @param listenerAddress        the IP address the listener binds, or null for the default (127.0.0.1)
 * @param offerWidgetCredentials whether a widget's sign-in may sign the companion's REST calls
 * @param followCallsToEnd       whether the companion holds the call card open until each call is idle
 * @param importCallRecords      whether the portal's call records fill in the history every few minutes
 * @param portalHost             the saved portal's host, or null when the sandbox plays
 * @param rateLimit              the saved portal's REST budget (standard when there is no portal)
 * @param problem                why the saved file could not be read (defaults are shown then), or empty
 */
public record SavedSettings(int listenerPort, String listenerAddress, boolean offerWidgetCredentials, boolean followCallsToEnd,
                            boolean importCallRecords, String portalHost,
                            RateLimitChoice rateLimit, String problem) {
}
