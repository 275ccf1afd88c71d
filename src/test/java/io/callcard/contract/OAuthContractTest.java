package io.callcard.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.portal.PortalClient;
import io.callcard.portal.PortalCredentials;
import io.callcard.portal.PortalError;
import io.callcard.portal.PortalException;
import io.callcard.portal.PortalIdentity;
import io.callcard.sandbox.rest.OAuthTokens;
import io.callcard.sandbox.rest.SandboxRestServer;
import io.callcard.testing.SimulatedTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * OAuth against the sandbox, which is also the client's OAuth server here: an expired access token is refreshed once
 * through the sandbox's {@code /oauth/token/}, the call is retried once and succeeds, the new pair reaches the
 * {@link io.callcard.portal.TokenSink}; a refresh token already spent is {@code invalid_grant}.
 */
class OAuthContractTest {

    private final SimulatedTime clock = new SimulatedTime(Instant.parse("2026-03-10T09:00:00Z"));
    private final SandboxRestServer server = SandboxRestServer.builder().clock(clock)
            .accessTokenLifetime(Duration.ofHours(1)).start();
    private final ContractPortal.Wire wire = new ContractPortal.Wire();
    private final List<PortalCredentials.OAuth> stored = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        server.close();
    }

    private PortalClient client(PortalCredentials.OAuth credentials) {
        return ContractPortal.client(server, credentials, wire).tokenSink(stored::add).build();
    }

    @Test
    void anExpiredAccessTokenIsRefreshedOnceAndTheCallRetriedOnce() throws Exception {
        PortalCredentials.OAuth original = ContractPortal.oauth(server, server.issueTokens());
        try (PortalClient client = client(original)) {
            assertEquals("1", PortalIdentity.fetch(client).userId());
            clock.advance(Duration.ofMinutes(61)); // the sandbox's access tokens live an hour

            assertTrue(client.call("user.current", null).result().isObject());
            assertEquals(1, wire.count("/oauth/token/"));
            assertEquals(List.of(401, 200), wire.exchanges.stream()
                    .filter(e -> e.path().endsWith("/user.current")).skip(1).map(ContractPortal.Wire.Exchange::status)
                    .toList());
            assertEquals(1, stored.size());
            PortalCredentials.OAuth refreshed = stored.get(0);
            assertEquals(refreshed, client.credentials());
            assertNotEquals(original.accessToken(), refreshed.accessToken());
            assertNotEquals(original.refreshToken(), refreshed.refreshToken());
            assertEquals(original.clientId(), refreshed.clientId());

            assertTrue(client.call("user.current", null).result().isObject());
            assertEquals(1, wire.count("/oauth/token/"), "a fresh token is used as it is");
        }
    }

    @Test
    void theSandboxsExpireSwitchIsHandledTheSameWay() throws Exception {
        try (PortalClient client = client(ContractPortal.oauth(server, server.issueTokens()))) {
            clock.advance(Duration.ofSeconds(1));
            server.faults().expireAllTokensNow();
            clock.advance(Duration.ofSeconds(1));
            assertEquals("1", PortalIdentity.fetch(client).userId());
        }
        assertEquals(1, wire.count("/oauth/token/"));
        assertEquals(1, stored.size());
    }

    @Test
    void aSpentRefreshTokenIsInvalidGrantAndAsksTheUserToSignInAgain() throws Exception {
        OAuthTokens tokens = server.issueTokens();
        PortalCredentials.OAuth original = ContractPortal.oauth(server, tokens);
        clock.advance(Duration.ofHours(2));
        try (PortalClient first = client(original)) {
            first.call("user.current", null); // spends the refresh token
        }
        assertEquals(1, stored.size());
        try (PortalClient second = client(original)) {
            PortalException e = assertThrows(PortalException.class, () -> second.call("user.current", null));
            assertEquals(PortalError.INVALID_GRANT, e.error());
            assertTrue(e.needsUserAction());
            assertEquals(original, second.credentials(), "nothing to store");
        }
        assertEquals(2, wire.count("/oauth/token/"), "one refresh attempt per client, no loop");
        assertEquals(1, stored.size());
    }

    @Test
    void aWidgetsPairSignsCallsAndIsNeverRefreshedHere() throws Exception {
        OAuthTokens tokens = server.issueTokens();
        PortalCredentials.OAuth widget = PortalCredentials.OAuth.fromWidget(ContractPortal.origin(server),
                tokens.accessToken(), tokens.refreshToken());
        try (PortalClient client = client(widget)) {
            assertEquals("1", PortalIdentity.fetch(client).userId());
            clock.advance(Duration.ofMinutes(61));
            PortalException e = assertThrows(PortalException.class, () -> client.call("user.current", null));
            assertEquals(PortalError.EXPIRED_TOKEN, e.error());
            assertFalse(e.getMessage().contains(tokens.accessToken()), "no token in the message");
        }
        assertEquals(0, wire.count("/oauth/token/"), "without the application's secret there is nothing to refresh");
        assertTrue(stored.isEmpty());
    }
}
