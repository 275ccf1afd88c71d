package io.callcard.portal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import okhttp3.HttpUrl;

/**
 * Who the companion is on the portal, for the connection test: {@code user.current}, and the permissions the
 * credential carries from {@code scope}.
 *
 * @param portalHost the portal's host name
 * @param userId the user's {@code ID}
 * @param userName the user's full name, or the e-mail when there is no name
 * @param scopes the credential's permissions ({@code crm}, {@code telephony}, ...); empty when {@code scope} failed,
 *               since a connection that works is still a working connection
 */
public record PortalIdentity(String portalHost, String userId, String userName, Optional<List<String>> scopes) {

    public PortalIdentity {
        Objects.requireNonNull(portalHost, "portalHost");
        Objects.requireNonNull(userId, "userId");
        userName = userName == null ? "" : userName;
        scopes = scopes.map(List::copyOf);
    }

    /**
     * Asks the portal. A failure of {@code user.current} is the test's answer and is thrown; a failure of
     * {@code scope} only leaves {@link #scopes()} empty, unless the call was cancelled.
     */
    public static PortalIdentity fetch(PortalClient client) throws PortalException {
        JsonNode user = client.call("user.current", null).result();
        Optional<List<String>> scopes;
        try {
            scopes = Optional.of(scopesIn(client.call("scope", null).result()));
        } catch (PortalException e) {
            if (e.error() == PortalError.CANCELLED) {
                throw e;
            }
            scopes = Optional.empty();
        }
        return new PortalIdentity(HttpUrl.get(client.credentials().portal()).host(), LenientJson.text(user, "ID"),
                nameOf(user), scopes);
    }

    /**
     * Only the user a token speaks for: one {@code user.current}, its {@code ID} (empty when the answer has none). The
     * proof of a widget form's token: one request, nothing else asked.
     */
    public static String currentUserId(PortalClient client) throws PortalException {
        return LenientJson.text(client.call("user.current", null).result(), "ID");
    }

    private static String nameOf(JsonNode user) {
        StringJoiner name = new StringJoiner(" ");
        for (String key : new String[] {"NAME", "SECOND_NAME", "LAST_NAME"}) {
            String part = LenientJson.text(user, key);
            if (!part.isEmpty()) {
                name.add(part);
            }
        }
        return name.length() > 0 ? name.toString() : LenientJson.text(user, "EMAIL");
    }

    private static List<String> scopesIn(JsonNode result) {
        List<String> scopes = new ArrayList<>();
        if (result.isArray()) {
            result.forEach(s -> {
                if (s.isTextual() && !s.asText().isBlank()) {
                    scopes.add(s.asText().trim());
                }
            });
        }
        return scopes;
    }
}
