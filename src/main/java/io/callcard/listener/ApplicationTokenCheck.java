package io.callcard.listener;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Proof that a post came from the portal: its {@code auth[application_token]} equals the token configured for this
 * portal (PROTOCOL.md §5). Compared as SHA-256 digests with {@link MessageDigest#isEqual}, so the time taken tells
 * nothing about the token, not even its length. With no token configured nothing can be proved, and every post is
 * refused. Refusals are 401s that never repeat the token they were given.
 */
final class ApplicationTokenCheck {

    static final String NOT_CONFIGURED = "application_token_not_configured";
    static final String INVALID_TOKEN = "invalid_application_token";

    /** The configured token's digest; null when none is configured. */
    private final byte[] expected;

    ApplicationTokenCheck(String configuredToken) {
        this.expected = configuredToken == null || configuredToken.isBlank() ? null : sha256(configuredToken.trim());
    }

    /** Before the body is read: without a configured token there is nothing to check it against. */
    void requireConfigured() {
        if (expected == null) {
            throw RequestRejected.of(401, NOT_CONFIGURED, "no application token is configured in the companion, "
                    + "so no post can be verified and every post is refused; set the portal's application token");
        }
    }

    /** Passes when {@code post}'s {@code auth.application_token} is the configured one. */
    void verify(JsonNode post) {
        requireConfigured();
        JsonNode token = post.path("auth").path("application_token");
        if (!token.isTextual() || token.asText().isBlank()) {
            throw RequestRejected.of(401, INVALID_TOKEN, "auth[application_token] is missing");
        }
        if (!MessageDigest.isEqual(expected, sha256(token.asText().trim()))) {
            throw RequestRejected.of(401, INVALID_TOKEN,
                    "auth[application_token] does not match the configured application token");
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java platform has SHA-256", impossible);
        }
    }
}
