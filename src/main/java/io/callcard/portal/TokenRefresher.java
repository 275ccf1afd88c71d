package io.callcard.portal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Trades the refresh token for a new pair after the portal said the access token expired; never on a schedule.
 * Single flight: calls that hit the expiry together queue on one lock, the first refreshes, the others find the
 * pair already replaced and use it. A refusal that needs the user (such as {@code invalid_grant}) is remembered for
 * that token, so the queued calls do not each ask the OAuth server again.
 */
final class TokenRefresher {

    private static final String METHOD = "oauth/token";

    private final OkHttpClient http;
    private final HttpUrl tokenEndpoint;
    private final AtomicReference<PortalCredentials> credentials;
    private final EnvelopeReader reader;
    private final Redactor redactor;
    private final TokenSink sink;

    private final Object lock = new Object();
    private String refusedAccessToken;
    private PortalException refusal;

    TokenRefresher(OkHttpClient http, String oauthServer, AtomicReference<PortalCredentials> credentials,
            EnvelopeReader reader, Redactor redactor, TokenSink sink) {
        this.http = Objects.requireNonNull(http, "http");
        this.tokenEndpoint = HttpUrl.get(PortalOrigin.require(oauthServer) + "/oauth/token/");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** The pair to retry with, after {@code expired} was refused. */
    PortalCredentials.OAuth refreshAfterExpiry(PortalCredentials.OAuth expired) throws PortalException {
        synchronized (lock) {
            PortalCredentials current = credentials.get();
            if (current instanceof PortalCredentials.OAuth o && !o.accessToken().equals(expired.accessToken())) {
                return o;
            }
            if (expired.accessToken().equals(refusedAccessToken)) {
                throw refusal;
            }
            try {
                PortalCredentials.OAuth fresh = fetch(expired);
                redactor.remember(fresh);
                credentials.set(fresh);
                sink.tokensRefreshed(fresh);
                return fresh;
            } catch (PortalException e) {
                if (e.needsUserAction()) {
                    refusedAccessToken = expired.accessToken();
                    refusal = e;
                }
                throw e;
            }
        }
    }

    private PortalCredentials.OAuth fetch(PortalCredentials.OAuth expired) throws PortalException {
        HttpUrl url = tokenEndpoint.newBuilder()
                .addQueryParameter("grant_type", "refresh_token")
                .addQueryParameter("client_id", expired.clientId())
                .addQueryParameter("client_secret", expired.clientSecret())
                .addQueryParameter("refresh_token", expired.refreshToken())
                .build();
        Request request = new Request.Builder().url(url).get().header("Accept", "application/json").build();
        int status;
        byte[] body;
        boolean readingBody = false;
        try (Response response = http.newCall(request).execute()) {
            status = response.code();
            readingBody = true;
            ResponseBody b = response.body();
            body = b == null ? new byte[0] : b.bytes();
        } catch (IOException e) {
            throw TransportFailures.classify(e, METHOD, false, readingBody);
        }
        JsonNode answer = reader.readObject(METHOD, status, body);
        String access = text(answer, "access_token");
        String refresh = text(answer, "refresh_token");
        if (access.isEmpty() || refresh.isEmpty()) {
            throw new PortalException(PortalError.NOT_JSON, "", "token answer without a token pair", status, METHOD,
                    null);
        }
        return expired.withTokens(access, refresh);
    }

    private static String text(JsonNode node, String field) {
        JsonNode n = node.get(field);
        return n != null && n.isTextual() ? n.asText() : "";
    }
}
