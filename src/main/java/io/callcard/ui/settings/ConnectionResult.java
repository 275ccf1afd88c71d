package io.callcard.ui.settings;

/**
 * What trying (or forgetting) a portal came to.
 *
 * @param succeeded  the portal is now connected (after a connect) or forgotten (after a disconnect)
 * @param portalHost the portal saved from now on, or null when none is (the sandbox plays at the next start);
 *                   meaningful only when {@code succeeded}
 * @param words      what to tell the user: success, or precisely why not
 */
public record ConnectionResult(boolean succeeded, String portalHost, String words) {
}
