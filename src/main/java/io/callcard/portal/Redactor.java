package io.callcard.portal;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Scrubs the secrets of the current credentials out of text that came from elsewhere (a portal's error description
 * may echo a request), before it goes into an exception message.
 */
final class Redactor {

    /** Shorter strings are not scrubbed: they would mangle ordinary words and are no real secret anyway. */
    private static final int SHORTEST_SECRET = 4;

    private final Supplier<PortalCredentials> credentials;

    Redactor(Supplier<PortalCredentials> credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : secrets(credentials.get())) {
            if (secret.length() >= SHORTEST_SECRET) {
                out = out.replace(secret, PortalCredentials.REDACTED);
            }
        }
        return out;
    }

    private static List<String> secrets(PortalCredentials c) {
        if (c instanceof PortalCredentials.Webhook w) {
            return List.of(w.code());
        }
        PortalCredentials.OAuth o = (PortalCredentials.OAuth) c;
        return List.of(o.accessToken(), o.refreshToken(), o.clientSecret());
    }
}
