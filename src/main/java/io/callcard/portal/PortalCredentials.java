package io.callcard.portal;

import java.util.Objects;

/**
 * How the companion signs its REST calls: an inbound webhook (the secret is in the URL) or an OAuth token pair.
 * Every {@code toString()} hides the secrets, so a credential may end up in a log line without leaking.
 */
public sealed interface PortalCredentials permits PortalCredentials.Webhook, PortalCredentials.OAuth {

    /** What a hidden secret prints as. */
    String REDACTED = "***";

    /** The portal's origin, {@code https://host[:port]}, without a trailing slash. */
    String portal();

    /** The URL a method name is appended to, ending with a slash. */
    String restBase();

    /**
     * An inbound webhook {@code https://PORTAL/rest/USER_ID/CODE/}; build it with {@link WebhookUrl#parse}, which
     * checks what a user pasted.
     */
    record Webhook(String portal, String userId, String code) implements PortalCredentials {

        public Webhook {
            portal = PortalOrigin.require(portal);
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(code, "code");
            if (!userId.matches("[0-9]+") || !code.matches("[A-Za-z0-9]+")) {
                throw new IllegalArgumentException("not a webhook user id and code");
            }
        }

        @Override
        public String restBase() {
            return portal + "/rest/" + userId + "/" + code + "/";
        }

        @Override
        public String toString() {
            return "Webhook[" + portal + "/rest/" + userId + "/" + REDACTED + "/]";
        }
    }

    /**
     * An OAuth 2 pair for an application, plus what it takes to refresh it. A widget hands the same pair over as
     * {@code AUTH_ID} / {@code REFRESH_ID}, but not the application's client id and secret: such a pair is used
     * until it expires and is then replaced by the next widget load ({@link #refreshable()} is false).
     */
    record OAuth(String portal, String accessToken, String refreshToken, String clientId, String clientSecret)
            implements PortalCredentials {

        public OAuth {
            portal = PortalOrigin.require(portal);
            Objects.requireNonNull(accessToken, "accessToken");
            if ((clientId == null) != (clientSecret == null)) {
                throw new IllegalArgumentException("client id and client secret come together or not at all");
            }
            if (clientId != null) {
                Objects.requireNonNull(refreshToken, "refreshToken");
            }
        }

        /** The pair a {@code CALL_CARD} widget load handed over; {@code refreshToken} may be null. */
        public static OAuth fromWidget(String portal, String accessToken, String refreshToken) {
            return new OAuth(portal, accessToken, refreshToken, null, null);
        }

        /** Whether an expired access token can be renewed here: only with the application's id and secret. */
        public boolean refreshable() {
            return clientId != null && refreshToken != null;
        }

        @Override
        public String restBase() {
            return portal + "/rest/";
        }

        /** The same application and portal with a refreshed pair. */
        public OAuth withTokens(String newAccessToken, String newRefreshToken) {
            return new OAuth(portal, newAccessToken, newRefreshToken, clientId, clientSecret);
        }

        @Override
        public String toString() {
            return "OAuth[portal=" + portal + ", accessToken=" + REDACTED + ", refreshToken=" + REDACTED
                    + ", clientId=" + clientId + ", clientSecret=" + REDACTED + "]";
        }
    }
}
