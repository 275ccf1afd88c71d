package io.callcard.portal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Scrubs secrets out of text that came from elsewhere (a portal's error description may echo a request) before
 * it goes into an exception message. It remembers every secret the client has held, so a token replaced by a
 * refresh is still hidden when an old answer mentions it.
 */
final class Redactor {

    /** Shorter strings are not scrubbed: they would mangle ordinary words and are no real secret anyway. */
    private static final int SHORTEST_SECRET = 4;

    private final Set<String> secrets = new CopyOnWriteArraySet<>();

    Redactor(PortalCredentials credentials) {
        remember(credentials);
    }

    void remember(PortalCredentials credentials) {
        for (String secret : secretsOf(credentials)) {
            if (secret.length() >= SHORTEST_SECRET) {
                secrets.add(secret);
            }
        }
    }

    String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, PortalCredentials.REDACTED);
        }
        return out;
    }

    private static List<String> secretsOf(PortalCredentials c) {
        if (c instanceof PortalCredentials.Webhook w) {
            return List.of(w.code());
        }
        PortalCredentials.OAuth o = (PortalCredentials.OAuth) c;
        // a widget's pair has no client secret and may lack a refresh token
        return Stream.of(o.accessToken(), o.refreshToken(), o.clientSecret()).filter(secret -> secret != null && !secret.isEmpty())
                .collect(Collectors.toList());
    }
}
