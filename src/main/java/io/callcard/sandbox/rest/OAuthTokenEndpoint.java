package io.callcard.sandbox.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code /oauth/token/?grant_type=refresh_token&client_id=..&client_secret=..&refresh_token=..}, the sandbox's stand-in
 * for oauth.bitrix.info: a new token pair shaped like {@code examples/resp_oauth_refresh_token.jsonc}, the refresh
 * token used is spent. A wrong client gets {@code invalid_client}, an unknown or spent refresh token
 * {@code invalid_grant} (the user must authorise again), both HTTP 400 as OAuth 2.0 prescribes.
 */
final class OAuthTokenEndpoint {

    private final SandboxAuth auth;
    private final SandboxApplication application;

    OAuthTokenEndpoint(SandboxAuth auth, SandboxApplication application) {
        this.auth = auth;
        this.application = application;
    }

    void handle(HttpExchange exchange, ObjectNode params) throws IOException {
        String grantType = params.path("grant_type").asText("");
        if (!"refresh_token".equals(grantType)) {
            HttpAnswers.json(exchange, 400, error("unsupported_grant_type", "Unsupported grant type"));
            return;
        }
        if (!application.clientId().equals(params.path("client_id").asText(""))
                || !application.clientSecret().equals(params.path("client_secret").asText(""))) {
            HttpAnswers.json(exchange, 400, error("invalid_client", "Invalid client"));
            return;
        }
        Optional<OAuthTokens> refreshed = auth.refresh(params.path("refresh_token").asText(""));
        if (refreshed.isEmpty()) {
            HttpAnswers.json(exchange, 400, error("invalid_grant", "Invalid grant"));
            return;
        }
        HttpAnswers.json(exchange, 200, answer(refreshed.get()));
    }

    ObjectNode answer(OAuthTokens tokens) {
        return Json.object()
                .put("access_token", tokens.accessToken())
                .put("client_endpoint", application.restEndpoint())
                .put("domain", application.domain())
                .put("expires", tokens.expiresAt().getEpochSecond())
                .put("expires_in", tokens.lifetime().toSeconds())
                .put("member_id", application.memberId())
                .put("refresh_token", tokens.refreshToken())
                .put("scope", String.join(",", new TreeSet<>(tokens.scopes())))
                .put("server_endpoint", application.restEndpoint())
                .put("status", "L")
                .put("user_id", tokens.userId());
    }

    private static ObjectNode error(String code, String description) {
        return Json.object().put("error", code).put("error_description", description);
    }
}
