package io.callcard.sandbox.rest;

import java.util.Set;

/**
 * Who made a REST request, once authenticated: the portal user, the scopes granted, whether it came through an inbound
 * webhook (rather than an application's OAuth token), and the key its leaky bucket is kept under. An application's
 * bucket is keyed by user, not by token, so that refreshing a token does not reset the limit.
 */
record Credential(int userId, Set<String> scopes, boolean webhook, String bucketKey) {

    Credential {
        scopes = Set.copyOf(scopes);
    }

    boolean grants(String scope) {
        return scope == null || scopes.contains(scope);
    }
}
