package io.callcard.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.portal.PlacementBinder;
import io.callcard.portal.PortalClient;
import io.callcard.portal.PortalCredentials;
import io.callcard.portal.PortalError;
import io.callcard.portal.PortalException;
import io.callcard.sandbox.rest.OAuthTokens;
import io.callcard.sandbox.rest.SandboxRestServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's less common answers, each through the product's client: handler URLs the portal refuses, an event
 * or command the call card does not have, an access token the portal never issued, a missing one, and a token
 * endpoint that does not know the application.
 */
class EdgeErrorsContractTest {

    private final SandboxRestServer server = SandboxRestServer.builder().legacyPlacementRest(true).start();
    private final ContractPortal.Wire wire = new ContractPortal.Wire();
    private final List<PortalCredentials.OAuth> stored = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        server.close();
    }

    private PortalClient client(PortalCredentials credentials) {
        return ContractPortal.client(server, credentials, wire).tokenSink(stored::add).build();
    }

    @Test
    void aHandlerHostWithoutADotIsRefusedByTheClientBeforeThePortalAndByThePortalToo() {
        try (PortalClient client = client(ContractPortal.oauth(server, server.issueTokens()))) {
            assertThrows(IllegalArgumentException.class, () -> new PlacementBinder(client)
                    .bindCallCardWidget("http://localhost:17633/widget/callcard", "CallCard Companion"));
            assertEquals(0, wire.count(), "refused before any request");

            PortalException e = assertThrows(PortalException.class, () -> client.call("placement.bind",
                    Map.of("PLACEMENT", "CALL_CARD", "HANDLER", "http://localhost:17633/widget/callcard",
                            "TITLE", "CallCard Companion")));
            // not one of the documented codes the client types; kept verbatim
            assertEquals(PortalError.UNKNOWN_CODE, e.error());
            assertEquals("ERROR_WRONG_HANDLER_URL", e.rawCode());
            assertEquals(400, e.httpStatus());
        }
    }

    @Test
    void anEventTheCallCardDoesNotHaveIsEventNotFound() {
        try (PortalClient client = client(ContractPortal.webhook(server))) {
            PortalException e = assertThrows(PortalException.class, () -> client.call("placement.bindEvent",
                    Map.of("PLACEMENT", "CallCard::NoSuchEvent", "HANDLER", "http://127.0.0.1:17633/seed/events")));
            assertEquals(PortalError.ERROR_EVENT_NOT_FOUND, e.error());
            assertFalse(e.retryable());
        }
    }

    @Test
    void anUnknownCallCardCommandIsAnArgumentError() {
        try (PortalClient client = client(ContractPortal.webhook(server))) {
            PortalException e = assertThrows(PortalException.class, () -> client.call("placement.call",
                    Map.of("PLACEMENT", "explode", "PARAMS", Map.of())));
            assertEquals(PortalError.ERROR_ARGUMENT, e.error());
            assertEquals(400, e.httpStatus());
        }
    }

    @Test
    void anAccessTokenThePortalNeverIssuedIsRefreshedLikeAnExpiredOne() throws Exception {
        OAuthTokens real = server.issueTokens();
        PortalCredentials.OAuth unknownAccess = ContractPortal.oauth(server, real)
                .withTokens("0000not0issued0000", real.refreshToken());
        try (PortalClient client = client(unknownAccess)) {
            assertTrue(client.call("user.current", null).result().isObject());
        }
        assertEquals(1, wire.count("/oauth/token/"));
        assertEquals(1, stored.size());
    }

    @Test
    void anUnknownAccessAndRefreshTokenEndInInvalidGrant() {
        PortalCredentials.OAuth bogus = ContractPortal.oauth(server, server.issueTokens())
                .withTokens("0000not0issued0000", "1111not1issued1111");
        try (PortalClient client = client(bogus)) {
            PortalException e = assertThrows(PortalException.class, () -> client.call("user.current", null));
            assertEquals(PortalError.INVALID_GRANT, e.error());
            assertTrue(e.needsUserAction());
        }
        assertEquals(1, wire.count("/oauth/token/"));
        assertEquals(0, stored.size());
    }

    @Test
    void noAccessTokenAtAllIsNoAuthFound() {
        PortalCredentials.OAuth empty = ContractPortal.oauth(server, server.issueTokens()).withTokens("", "x");
        try (PortalClient client = client(empty)) {
            PortalException e = assertThrows(PortalException.class, () -> client.call("user.current", null));
            assertEquals(PortalError.NO_AUTH_FOUND, e.error());
            assertTrue(e.needsUserAction());
        }
        assertEquals(0, wire.count("/oauth/token/"));
    }

    @Test
    void aTokenEndpointThatDoesNotKnowTheApplicationStopsTheRefresh() {
        OAuthTokens real = server.issueTokens();
        PortalCredentials.OAuth wrongSecret = new PortalCredentials.OAuth(ContractPortal.origin(server),
                "0000not0issued0000", real.refreshToken(), server.application().clientId(), "wrongSecret");
        try (PortalClient client = client(wrongSecret)) {
            PortalException e = assertThrows(PortalException.class, () -> client.call("user.current", null));
            assertEquals(PortalError.INVALID_CLIENT, e.error());
            assertEquals("invalid_client", e.rawCode());
            assertEquals(400, e.httpStatus());
            assertFalse(e.retryable());
            assertTrue(e.needsUserAction(), "a wrong client secret is the user's to correct");
            assertFalse(e.getMessage().contains("wrongSecret"), "the secret stays out of the message");
        }
        assertEquals(1, wire.count("/oauth/token/"));
        assertEquals(0, stored.size());
    }
}
