package io.callcard.listener;

import java.time.Instant;
import java.util.Objects;

/**
 * The user token pair a widget load brought (AUTH_ID, REFRESH_ID) for the portal DOMAIN. Held in memory only.
 * {@link #toString()} never shows the tokens, so a stray log line cannot leak them.
 */
public record WidgetAuth(String domain, String accessToken, String refreshToken, Instant expiresAt,
                         String serverEndpoint, String memberId) {

    public WidgetAuth {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "WidgetAuth[domain=" + domain + ", expiresAt=" + expiresAt + ", tokens=<redacted>]";
    }
}
