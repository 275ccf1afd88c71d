package io.callcard.ui.settings;

import java.util.concurrent.CompletableFuture;

/**
 * Connecting a Bitrix24 portal by its inbound webhook, and forgetting it. Both talk to the network or the disk, so
 * they answer later, on a thread of their own; the view-model brings the answer back to the UI thread.
 */
public interface PortalConnectService {

    /** Tries {@code webhookUrl} against the portal and saves it (and {@code rateLimit}) only if the portal answered. */
    CompletableFuture<ConnectionResult> connect(String webhookUrl, RateLimitChoice rateLimit);

    /** Forgets the saved portal and its secrets. */
    CompletableFuture<ConnectionResult> disconnect();
}
