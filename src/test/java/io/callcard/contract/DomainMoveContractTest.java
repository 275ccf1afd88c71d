package io.callcard.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.portal.PortalClient;
import io.callcard.portal.PortalCredentials;
import io.callcard.sandbox.rest.SandboxRestServer;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A portal that moved domains answers a POST with a 302 (protocol.md §4). The client must repeat the POST at the new
 * {@code Location}, body and all, once per move, and never turn it into a GET.
 */
class DomainMoveContractTest {

    private static final Map<String, Object> CONTACT_5 = Map.of("entityTypeId", 3, "id", 5);

    private final SandboxRestServer server = SandboxRestServer.builder().start();
    private final ContractPortal.Wire wire = new ContractPortal.Wire();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void thePostIsRepeatedOnceAtTheNewDomainWithItsBody() throws Exception {
        try (PortalClient client = ContractPortal.client(server, ContractPortal.webhook(server), wire).build()) {
            String before = client.call("crm.item.get", CONTACT_5).result().toString();
            URI newDomain = server.moveDomain();
            wire.exchanges.clear();

            String after = client.call("crm.item.get", CONTACT_5).result().toString();

            assertEquals(before, after, "the moved portal got the same parameters: the body arrived intact");
            List<ContractPortal.Wire.Exchange> exchanges = wire.exchanges;
            assertEquals(2, exchanges.size(), "the POST and its one repetition: " + exchanges);
            assertEquals(server.port(), exchanges.get(0).port());
            assertEquals(302, exchanges.get(0).status());
            assertEquals(newDomain.getPort(), exchanges.get(1).port());
            assertEquals(200, exchanges.get(1).status());
            assertEquals(exchanges.get(0).path(), exchanges.get(1).path(), "same method path at the new location");
            assertEquals(exchanges.get(0).bodyLength(), exchanges.get(1).bodyLength());
            assertTrue(exchanges.get(1).bodyLength() > 2, "a body, not an empty GET: " + exchanges);
        }
    }

    @Test
    void anOAuthCallKeepsItsTokenAcrossTheMove() throws Exception {
        PortalCredentials.OAuth oauth = ContractPortal.oauth(server, server.issueTokens());
        try (PortalClient client = ContractPortal.client(server, oauth, wire).build()) {
            URI newDomain = server.moveDomain();
            assertEquals(1, client.call("user.current", null).result().path("ID").asInt(),
                    "the auth query parameter went along to the new location");
            assertEquals(List.of(302, 200), wire.exchanges.stream().map(ContractPortal.Wire.Exchange::status).toList());
            assertEquals(newDomain.getPort(), wire.exchanges.get(1).port());
        }
    }
}
