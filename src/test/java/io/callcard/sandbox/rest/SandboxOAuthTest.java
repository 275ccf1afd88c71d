package io.callcard.sandbox.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.callcard.testing.SimulatedTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Token expiry and the refresh round trip of protocol.md §4, on a fake clock. */
class SandboxOAuthTest {

    private final RestClient client = new RestClient();
    private final SimulatedTime clock = new SimulatedTime(Instant.parse("2026-03-10T09:00:00Z"));
    private SandboxRestServer server;

    @BeforeEach
    void start() {
        server = SandboxRestServer.builder().clock(clock).accessTokenLifetime(Duration.ofMinutes(30)).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String refreshUrl(String refreshToken) {
        SandboxApplication app = server.application();
        return server.baseUri() + "oauth/token/?grant_type=refresh_token&client_id=" + app.clientId()
                + "&client_secret=" + app.clientSecret() + "&refresh_token=" + refreshToken;
    }

    @Test
    void anExpiredTokenIsRefreshedOnceAndTheOldRefreshTokenIsSpent() throws Exception {
        OAuthTokens first = server.issueTokens();
        String rest = server.application().restEndpoint();
        clock.advance(Duration.ofMinutes(31));
        assertEquals("expired_token", client.postJson(rest + "user.current?auth=" + first.accessToken(), "{}").error());

        RestClient.Answer refreshed = client.get(refreshUrl(first.refreshToken()));
        assertEquals(200, refreshed.status(), refreshed.text());
        JsonNode pair = refreshed.json();
        List<String> keys = List.of("access_token", "client_endpoint", "domain", "expires", "expires_in", "member_id",
                "refresh_token", "scope", "server_endpoint", "status", "user_id");
        assertEquals(keys, iterable(pair));
        assertEquals(1800, pair.get("expires_in").asInt());
        assertEquals(clock.instant().getEpochSecond() + 1800, pair.get("expires").asLong());
        assertEquals(1, pair.get("user_id").asInt());
        assertEquals("crm,placement,telephony,user", pair.get("scope").asText());
        assertEquals(rest, pair.get("client_endpoint").asText());
        assertEquals(server.application().memberId(), pair.get("member_id").asText());
        assertNotEquals(first.refreshToken(), pair.get("refresh_token").asText());

        String newAccess = pair.get("access_token").asText();
        assertEquals(200, client.postJson(rest + "user.current?auth=" + newAccess, "{}").status());

        RestClient.Answer again = client.get(refreshUrl(first.refreshToken()));
        assertEquals(400, again.status());
        assertEquals("invalid_grant", again.error());
        assertEquals(200, client.get(refreshUrl(pair.get("refresh_token").asText())).status(),
                "the new refresh token works once");
    }

    @Test
    void unknownRefreshTokenWrongClientAndWrongGrantAreRefused() throws Exception {
        OAuthTokens tokens = server.issueTokens();
        assertEquals("invalid_grant", client.get(refreshUrl("nonsense")).error());
        String wrongSecret = server.baseUri() + "oauth/token/?grant_type=refresh_token&client_id="
                + server.application().clientId() + "&client_secret=guess&refresh_token=" + tokens.refreshToken();
        assertEquals("invalid_client", client.get(wrongSecret).error());
        assertEquals("unsupported_grant_type",
                client.get(refreshUrl(tokens.refreshToken()).replace("refresh_token&", "password&")).error());
        assertEquals(200, client.get(refreshUrl(tokens.refreshToken())).status(), "refused attempts spend nothing");
    }

    @Test
    void expireAllTokensNowExpiresEveryIssuedTokenButNotLaterOnes() throws Exception {
        OAuthTokens tokens = server.issueTokens();
        String rest = server.application().restEndpoint();
        server.faults().expireAllTokensNow();
        assertEquals("expired_token", client.postJson(rest + "scope?auth=" + tokens.accessToken(), "{}").error());
        clock.advance(Duration.ofSeconds(1));
        String fresh = client.get(refreshUrl(tokens.refreshToken())).json().get("access_token").asText();
        assertEquals(200, client.postJson(rest + "scope?auth=" + fresh, "{}").status());
    }

    private static List<String> iterable(JsonNode node) {
        java.util.ArrayList<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
