package io.callcard.listener;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Proof that a post came from the portal: its {@code auth[application_token]} equals the token configured for this
 * portal (protocol.md §5). Compared as SHA-256 digests with {@link MessageDigest#isEqual}, so the time taken tells
 * nothing about the token, not even its length. With no token configured nothing can be proved, and every post is
 * refused. Refusals are 401s that never repeat the token they were given.
 *
 * <p>The token is looked up once, at the first post that needs it: a companion that never receives one never opens
 * the secret store for it (a keyring may take seconds, or ask to be unlocked).
 */
final class ApplicationTokenCheck {

    static final String NOT_CONFIGURED = "application_token_not_configured";
    static final String INVALID_TOKEN = "invalid_application_token";

    private final Supplier<Optional<String>> lookup;
    private volatile boolean looked;
    /** The configured token's digest; null when none is configured. Written once, under this object's lock. */
    private volatile byte[] expected;

    /** Checks against what {@code lookup} answers when first asked. */
    ApplicationTokenCheck(Supplier<Optional<String>> lookup) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    /** Checks against {@code configuredToken} (null or blank: none). */
    static ApplicationTokenCheck of(String configuredToken) {
        return new ApplicationTokenCheck(() -> Optional.ofNullable(configuredToken));
    }

    private byte[] expected() {
        if (!looked) {
            synchronized (this) {
                if (!looked) {
                    String token = lookup.get().map(String::trim).filter(t -> !t.isEmpty()).orElse(null);
                    expected = token == null ? null : sha256(token);
                    looked = true;
                }
            }
        }
        return expected;
    }

    /** Before the body is read: without a configured token there is nothing to check it against. */
    void requireConfigured() {
        if (expected() == null) {
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
        if (!MessageDigest.isEqual(expected(), sha256(token.asText().trim()))) {
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
