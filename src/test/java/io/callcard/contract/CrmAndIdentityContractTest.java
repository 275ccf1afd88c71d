package io.callcard.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CrmEntityType;
import io.callcard.call.CrmRef;
import io.callcard.portal.CrmDirectory;
import io.callcard.portal.CrmMatch;
import io.callcard.portal.CrmName;
import io.callcard.portal.PortalClient;
import io.callcard.portal.PortalError;
import io.callcard.portal.PortalException;
import io.callcard.portal.PortalIdentity;
import io.callcard.sandbox.rest.SandboxRestServer;
import io.callcard.sandbox.rest.SandboxTruth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The product's REST client against the sandbox over loopback HTTP: the connection test, CRM names and phone search,
 * and the sandbox's errors about credentials, scopes, items and methods, each arriving as its typed
 * {@link PortalError}.
 */
class CrmAndIdentityContractTest {

    private SandboxRestServer server;
    private final ContractPortal.Wire wire = new ContractPortal.Wire();
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    @BeforeEach
    void start() {
        server = SandboxRestServer.builder().seed(7).start();
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
        server.close();
    }

    private PortalClient webhookClient() {
        return ContractPortal.client(server, ContractPortal.webhook(server), wire).build();
    }

    @Test
    void connectionTestOverTheWebhookNamesTheAdministratorAndTheWebhooksScopes() throws Exception {
        try (PortalClient client = webhookClient()) {
            PortalIdentity identity = PortalIdentity.fetch(client);
            assertEquals("127.0.0.1", identity.portalHost());
            assertEquals("1", identity.userId());
            assertEquals("Анна Смирнова", identity.userName());
            assertEquals(Optional.of(List.of("crm", "placement", "telephony", "user")), identity.scopes());
        }
        assertEquals(1, wire.count("/user.current"));
        assertEquals(1, wire.count("/scope"));
    }

    @Test
    void connectionTestOverOAuthShowsTheTokensScopes() throws Exception {
        try (PortalClient client = ContractPortal.client(server,
                ContractPortal.oauth(server, server.issueTokens(Set.of("user", "crm"))), wire).build()) {
            PortalIdentity identity = PortalIdentity.fetch(client);
            assertEquals("1", identity.userId());
            assertEquals(Optional.of(List.of("crm", "user")), identity.scopes());
        }
    }

    @Test
    void everyKindOfCrmItemIsNamedAsTheSandboxCrmNamesIt() throws Exception {
        try (PortalClient client = webhookClient()) {
            CrmDirectory directory = new CrmDirectory(client, executor);
            int asked = 0;
            for (CrmEntityType type : CrmEntityType.values()) {
                int count = SandboxTruth.count(server.crm(), type);
                assertTrue(count > 0, type + " items in the sandbox");
                for (int id : new int[] {1, count}) {
                    CrmName name = directory.name(new CrmRef(type, id)).get(10, TimeUnit.SECONDS);
                    assertTrue(name.exists(), type + " " + id);
                    String expected = SandboxTruth.itemName(server.crm(), type, id).orElseThrow();
                    assertFalse(expected.isBlank());
                    assertEquals(expected, name.name(), type + " " + id);
                    asked++;
                }
            }
            assertEquals(asked, wire.count("/crm.item.get"));
        }
    }

    @Test
    void anItemTheSandboxDoesNotHaveIsNotFoundAndRemembered() throws Exception {
        try (PortalClient client = webhookClient()) {
            CrmDirectory directory = new CrmDirectory(client, executor);
            CrmRef missing = new CrmRef(CrmEntityType.COMPANY, SandboxTruth.count(server.crm(), CrmEntityType.COMPANY) + 1);
            assertEquals(CrmName.notFound(missing), directory.name(missing).get(10, TimeUnit.SECONDS));
            assertEquals(CrmName.notFound(missing), directory.name(missing).get(10, TimeUnit.SECONDS));
            assertEquals(1, wire.count("/crm.item.get"));
            assertEquals(1, wire.withStatus(400));

            PortalException e = assertThrows(PortalException.class, () -> client.call("crm.item.get",
                    Map.of("entityTypeId", 4, "id", missing.id())));
            assertEquals(PortalError.NOT_FOUND, e.error());
            assertEquals(400, e.httpStatus());
            assertFalse(e.retryable());
        }
    }

    @Test
    void phoneSearchFindsWhatTheSandboxCrmHoldsForTheNumber() throws Exception {
        String phone = SandboxTruth.phone(server.crm(), CrmEntityType.CONTACT, 3);
        try (PortalClient client = webhookClient()) {
            CrmDirectory directory = new CrmDirectory(client, executor);
            List<CrmMatch> matches = directory.searchCrmEntities(phone).get(10, TimeUnit.SECONDS);
            List<String> names = new ArrayList<>();
            matches.forEach(m -> names.add(m.name()));
            assertEquals(SandboxTruth.namesForPhone(server.crm(), phone), names);
            assertTrue(matches.contains(new CrmMatch(new CrmRef(CrmEntityType.CONTACT, 3),
                    SandboxTruth.displayName(server.crm(), CrmEntityType.CONTACT, 3).orElseThrow())));
            assertEquals(List.of(), directory.searchCrmEntities("+1 000 000 0000").get(10, TimeUnit.SECONDS));
            assertEquals(2, wire.count("/telephony.externalCall.searchCrmEntities"));
        }
    }

    @Test
    void aWrongWebhookCodeIsNoAuthFoundAndNeedsTheUser() {
        try (PortalClient client = ContractPortal.client(server, ContractPortal.webhook(server, "wrongCode42"), wire)
                .build()) {
            PortalException e = assertThrows(PortalException.class, () -> PortalIdentity.fetch(client));
            assertEquals(PortalError.NO_AUTH_FOUND, e.error());
            assertEquals(401, e.httpStatus());
            assertTrue(e.needsUserAction());
            assertFalse(e.retryable());
            assertFalse(e.getMessage().contains("wrongCode42"), "the secret stays out of the message");
        }
        assertEquals(1, wire.count(), "no retry of a wrong credential");
    }

    @Test
    void aWebhookWithoutTheCrmScopeGetsInsufficientScope() throws Exception {
        server.addWebhook("userOnly1", Set.of("user"));
        try (PortalClient client = ContractPortal.client(server, ContractPortal.webhook(server, "userOnly1"), wire)
                .build()) {
            assertEquals("1", PortalIdentity.fetch(client).userId());
            CompletableFuture<CrmName> name = new CrmDirectory(client, executor)
                    .name(new CrmRef(CrmEntityType.CONTACT, 1));
            ExecutionException failed = assertThrows(ExecutionException.class, () -> name.get(10, TimeUnit.SECONDS));
            PortalException e = assertInstanceOf(PortalException.class, failed.getCause());
            assertEquals(PortalError.INSUFFICIENT_SCOPE, e.error());
            assertTrue(e.needsUserAction());
        }
    }

    @Test
    void anOAuthTokenWithoutTheTelephonyScopeGetsInsufficientScope() {
        try (PortalClient client = ContractPortal.client(server,
                ContractPortal.oauth(server, server.issueTokens(Set.of("user", "crm"))), wire).build()) {
            PortalException e = assertThrows(PortalException.class,
                    () -> client.call("telephony.externalCall.searchCrmEntities", Map.of("PHONE_NUMBER", "+100")));
            assertEquals(PortalError.INSUFFICIENT_SCOPE, e.error());
            assertTrue(e.needsUserAction());
        }
        assertEquals(0, wire.count("/oauth/token/"), "a scope refusal is no reason to refresh");
    }

    @Test
    void theLegacyContactGetSendsAnEmptyCode() throws Exception {
        try (PortalClient client = webhookClient()) {
            String expected = SandboxTruth.displayName(server.crm(), CrmEntityType.CONTACT, 2).orElseThrow();
            var contact = client.call("crm.contact.get", Map.of("id", 2)).result();
            assertEquals(expected, (contact.path("NAME").asText() + " " + contact.path("LAST_NAME").asText()).trim());

            PortalException e = assertThrows(PortalException.class,
                    () -> client.call("crm.contact.get", Map.of("id", 9_999)));
            assertEquals(PortalError.LEGACY_EMPTY_CODE, e.error());
            assertEquals("", e.rawCode());
            assertEquals("Not found", e.description());
            assertEquals(400, e.httpStatus());
        }
    }

    @Test
    void anUnknownMethodIsMethodNotFound() {
        try (PortalClient client = webhookClient()) {
            PortalException e = assertThrows(PortalException.class, () -> client.call("crm.nothing.here", null));
            assertEquals(PortalError.ERROR_METHOD_NOT_FOUND, e.error());
            assertEquals(404, e.httpStatus());
            assertFalse(e.retryable());
        }
        assertEquals(1, wire.count());
    }
}
