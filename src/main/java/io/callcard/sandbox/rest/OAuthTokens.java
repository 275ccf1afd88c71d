package io.callcard.sandbox.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * One access/refresh pair as the sandbox's token endpoint hands it out: the user and scopes it acts for, when it was
 * issued and when the access token expires (the refresh token lives until it is used).
 */
public record OAuthTokens(String accessToken, String refreshToken, int userId, Set<String> scopes, Instant issuedAt,
        Instant expiresAt) {

    public OAuthTokens {
        scopes = Set.copyOf(scopes);
    }

    public Duration lifetime() {
        return Duration.between(issuedAt, expiresAt);
    }
}
