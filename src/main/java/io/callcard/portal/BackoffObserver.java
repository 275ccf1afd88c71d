package io.callcard.portal;

import java.time.Duration;

/** Hears what the client does on its own, so the UI can say "waiting for the portal" instead of looking stuck. */
public interface BackoffObserver {

    /** Nobody listens. */
    BackoffObserver NONE = (method, reason, retry, wait) -> { };

    /**
     * The portal refused {@code method} for {@code reason} (a rate limit); the client waits {@code wait} before
     * retry number {@code retry}. Called on the calling thread; must be quick.
     */
    void backingOff(String method, PortalError reason, int retry, Duration wait);
}
