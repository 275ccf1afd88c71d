package io.callcard.app;

import static io.callcard.testing.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallSnapshot;
import io.callcard.call.CrmEntityType;
import io.callcard.call.CrmNames;
import io.callcard.call.CrmRef;
import com.fasterxml.jackson.databind.JsonNode;
import io.callcard.portal.PortalClient;
import io.callcard.portal.WebhookUrl;
import io.callcard.sandbox.SimulatedWidget;
import io.callcard.sandbox.rest.SandboxRestServer;
import io.callcard.testing.ListenerFixture;
import io.callcard.testing.OpenedParts;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The names of a call's CRM items reach the snapshot: the real listener over sockets, a simulated widget page posting
 * a linked call to it, the sandbox REST server answering {@code crm.item.get} with its seeded CRM.
 */
class CrmNameLookupsTest {

    private static final String ITEM_GET = "crm.item.get";
    private static final CrmRef CONTACT = new CrmRef(CrmEntityType.CONTACT, 3);
    private static final CrmRef COMPANY = new CrmRef(CrmEntityType.COMPANY, 2);
    private static final CrmRef MISSING_DEAL = new CrmRef(CrmEntityType.DEAL, 999_999);

    private final SandboxRestServer server = SandboxRestServer.builder().seed(42).start();
    private final OpenedParts opened = new OpenedParts();
    private ListenerFixture listener;
    private SimulatedWidget widget;

    @AfterEach
    void stop() throws Exception {
        opened.close();
        server.close();
    }

    private <T extends AutoCloseable> T open(T part) {
        return opened.open(part);
    }

    private void start(Supplier<Optional<PortalClient>> clients) throws Exception {
        listener = open(ListenerFixture.start());
        open(new CrmNameLookups(listener.tracker(), clients, Clock.systemUTC()));
        widget = open(new SimulatedWidget(listener.baseUri()));
    }

    /** The widget page reports call {@code callId} ringing, linked to the contact, bound to the company and a deal. */
    private void ringLinked(String callId) {
        ring(callId, CONTACT, "{\"ENTITY_TYPE\":\"COMPANY\",\"ENTITY_ID\":" + COMPANY.id() + "},"
                + "{\"ENTITY_TYPE\":\"DEAL\",\"ENTITY_ID\":" + MISSING_DEAL.id() + "}");
    }

    private void ring(String callId, CrmRef entity, String bindings) {
        assertTrue(widget.deliver("{\"type\":\"status\",\"callId\":\"" + callId + "\",\"status\":{\"CALL_ID\":\""
                + callId + "\",\"PHONE_NUMBER\":\"+74951234567\",\"LINE_NUMBER\":\"reg1\",\"LINE_NAME\":\"\","
                + "\"CRM_ENTITY_TYPE\":\"" + entity.type() + "\",\"CRM_ENTITY_ID\":" + entity.id()
                + ",\"CRM_BINDINGS\":[" + bindings + "],"
                + "\"CALL_DIRECTION\":\"incoming\",\"CALL_STATE\":\"connecting\",\"CALL_LIST_MODE\":false}}"));
    }

    private CrmNames names() {
        return listener.tracker().current().crmNames();
    }

    /** The sandbox's own item, asked directly. */
    private static JsonNode sandboxItem(PortalClient client, CrmRef ref) throws Exception {
        return client.call(ITEM_GET, Map.of("entityTypeId", ref.type().entityTypeId(), "id", ref.id())).result()
                .path("item");
    }

    @Test
    void aLinkedCallsNamesReachTheSnapshotAndEachItemIsAskedOnce() throws Exception {
        PortalClient client = open(PortalClient.builder(WebhookUrl.parse(server.webhookUrl()), "test").build());
        start(() -> Optional.of(client));
        ringLinked("c-named");

        waitFor(() -> names().nameOf(CONTACT).isPresent() && names().nameOf(COMPANY).isPresent()
                && names().whyUnnamed(MISSING_DEAL).isPresent(), () -> "the names in " + listener.tracker().current());
        CallSnapshot s = listener.tracker().current();
        assertEquals("c-named", s.callId());
        long asked = server.requestsFor(ITEM_GET);
        assertEquals(3, asked, "one request per item");
        JsonNode contact = sandboxItem(client, CONTACT);
        assertFalse(contact.path("lastName").asText().isBlank(), contact.toString());
        assertEquals(Optional.of(contact.path("name").asText() + " " + contact.path("lastName").asText()),
                s.crmNames().nameOf(CONTACT));
        assertEquals(Optional.of(sandboxItem(client, COMPANY).path("title").asText()), s.crmNames().nameOf(COMPANY));
        assertEquals(Optional.of(CrmNames.Missing.NOT_FOUND), s.crmNames().whyUnnamed(MISSING_DEAL));

        ringLinked("c-named"); // the same call polled again: nothing new to ask
        waitFor(() -> listener.tracker().current().updatedAt().isAfter(s.updatedAt()), "the second poll applied");
        assertEquals(asked + 2, server.requestsFor(ITEM_GET), "only this test's own two direct look-ups since");
    }

    @Test
    void aSecondCallOnTheCardCarriesOnlyItsOwnNames() throws Exception {
        PortalClient client = open(PortalClient.builder(WebhookUrl.parse(server.webhookUrl()), "test").build());
        start(() -> Optional.of(client));
        ringLinked("c-first");
        ring("c-second", COMPANY, ""); // replaces the first, whether or not its names came back yet
        waitFor(() -> "c-second".equals(listener.tracker().current().callId())
                && names().nameOf(COMPANY).isPresent(), () -> "the second call's name: " + listener.tracker().current());
        assertEquals(Optional.empty(), names().nameOf(CONTACT), "the first call's contact is not the second's");
        assertEquals(Optional.empty(), names().whyUnnamed(MISSING_DEAL));
    }

    @Test
    void withoutCredentialsTheCardLearnsThatNamesAreUnavailable() throws Exception {
        start(Optional::empty);
        ringLinked("c-anonymous");
        waitFor(() -> names().whyUnnamed(CONTACT).isPresent(), () -> "the reason in " + listener.tracker().current());
        assertEquals(Optional.of(CrmNames.Missing.NO_CREDENTIALS), names().whyUnnamed(CONTACT));
        assertEquals(0, server.requestsFor(ITEM_GET));
    }
}
