package io.callcard.sandbox.rest;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The portal's credentials: inbound webhooks ({@code USER_ID} + code + scopes) and one local application's OAuth
 * tokens. Access tokens expire after a set lifetime on the injected clock; refreshing hands out a new pair and
 * invalidates the refresh token used, as oauth.bitrix.info does (protocol.md §4). Token values are random: nothing
 * deterministic depends on them.
 */
final class SandboxAuth {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final Duration accessLifetime;
    private final SandboxFaults faults;
    private final Map<String, Credential> webhooks = new ConcurrentHashMap<>();
    private final Map<String, OAuthTokens> byAccess = new ConcurrentHashMap<>();
    private final Map<String, OAuthTokens> byRefresh = new ConcurrentHashMap<>();

    SandboxAuth(Clock clock, Duration accessLifetime, SandboxFaults faults) {
        this.clock = clock;
        this.accessLifetime = accessLifetime;
        this.faults = faults;
    }

    static String randomToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    void addWebhook(int userId, String code, Set<String> scopes) {
        webhooks.put(userId + "/" + code, new Credential(userId, scopes, true, "webhook:" + userId + "/" + code));
    }

    /** The webhook credential, or 401 NO_AUTH_FOUND for an unknown user or a wrong code. */
    Credential webhook(String userId, String code) {
        Credential credential = webhooks.get(userId + "/" + code);
        if (credential == null) {
            throw RestError.noAuthFound();
        }
        return credential;
    }

    /** The token's credential; 401 NO_AUTH_FOUND without one, invalid_token when unknown, expired_token when old. */
    Credential accessToken(String token) {
        if (token == null || token.isEmpty()) {
            throw RestError.noAuthFound();
        }
        OAuthTokens tokens = byAccess.get(token);
        if (tokens == null) {
            throw RestError.invalidToken();
        }
        Instant now = clock.instant();
        if (!now.isBefore(tokens.expiresAt()) || !tokens.issuedAt().isAfter(faults.tokensExpiredAt())) {
            throw RestError.expiredToken();
        }
        return new Credential(tokens.userId(), tokens.scopes(), false, "app:" + tokens.userId());
    }

    OAuthTokens issue(int userId, Set<String> scopes) {
        Instant now = clock.instant();
        OAuthTokens tokens = new OAuthTokens(randomToken(), randomToken(), userId, scopes, now,
                now.plus(accessLifetime));
        byAccess.put(tokens.accessToken(), tokens);
        byRefresh.put(tokens.refreshToken(), tokens);
        return tokens;
    }

    /** A new pair for a live refresh token, which is used up by this; empty for an unknown or used one. */
    Optional<OAuthTokens> refresh(String refreshToken) {
        OAuthTokens old = refreshToken == null ? null : byRefresh.remove(refreshToken);
        if (old == null) {
            return Optional.empty();
        }
        return Optional.of(issue(old.userId(), old.scopes()));
    }
}
