package io.callcard.sandbox.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.callcard.call.CrmEntityType;
import io.callcard.sandbox.BuiltInScenarios;
import io.callcard.sandbox.SandboxPortal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every method's happy path over real loopback HTTP, with JSON and form bodies, webhook and OAuth. */
class SandboxRestMethodsTest {

    private static final List<String> TIME_FIELDS = List.of("start", "finish", "duration", "processing", "date_start",
            "date_finish", "operating_reset_at", "operating");

    private final RestClient client = new RestClient();
    private SandboxRestServer server;
    private String webhook;

    @BeforeEach
    void start() {
        server = SandboxRestServer.builder().seed(42).start();
        webhook = server.webhookUrl();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void webhookUrlIsPrintableAndPointsAtThisServer() {
        assertTrue(webhook.matches("http://127\\.0\\.0\\.1:" + server.port() + "/rest/1/[0-9a-f]{16}/"), webhook);
        assertEquals("http://127.0.0.1:" + server.port() + "/rest/", server.application().restEndpoint());
        assertEquals(32, server.application().applicationToken().length());
        List<String> facts = server.printableFacts();
        assertTrue(facts.get(0).endsWith(webhook), facts.toString());
        assertTrue(facts.stream().anyMatch(line -> line.endsWith(server.application().applicationToken())));
        assertTrue(facts.stream().anyMatch(line -> line.endsWith(server.application().clientSecret())));
    }

    @Test
    void userCurrentOverWebhookWithTheFullTimeBlock() throws Exception {
        RestClient.Answer answer = client.postJson(webhook + "user.current", "{}");
        assertEquals(200, answer.status());
        JsonNode user = answer.result();
        assertEquals("1", user.get("ID").asText());
        assertEquals("Анна", user.get("NAME").asText());
        assertEquals("Смирнова", user.get("LAST_NAME").asText());
        assertEquals("admin@sandbox.callcard.local", user.get("EMAIL").asText());
        for (String field : TIME_FIELDS) {
            assertTrue(answer.json().get("time").has(field), field);
        }
        OffsetDateTime.parse(answer.json().get("time").get("date_start").asText()); // ISO with offset
    }

    @Test
    void methodsAnswerWithTheJsonSuffixOverGetAndOverOAuthInQueryOrBody() throws Exception {
        assertEquals("1", client.get(webhook + "user.current.json").result().get("ID").asText());
        String token = server.issueTokens().accessToken();
        String rest = server.application().restEndpoint();
        assertEquals("1", client.postJson(rest + "user.current?auth=" + token, "{}").result().get("ID").asText());
        assertEquals("1", client.postForm(rest + "user.current", "auth=" + token).result().get("ID").asText());
        assertEquals("1", client.postJson(rest + "user.current.json", "{\"auth\":\"" + token + "\"}")
                .result().get("ID").asText());
    }

    @Test
    void scopeListsTheCredentialsGrants() throws Exception {
        assertEquals("[\"crm\",\"placement\",\"telephony\",\"user\"]",
                client.postJson(webhook + "scope", "{}").result().toString());
        String token = server.issueTokens(java.util.Set.of("crm")).accessToken();
        assertEquals("[\"crm\"]",
                client.get(server.application().restEndpoint() + "scope?auth=" + token).result().toString());
    }

    @Test
    void crmItemGetAnswersCamelCaseFieldsForEveryType() throws Exception {
        CrmRecord lead = server.crm().find(CrmEntityType.LEAD, 3).orElseThrow();
        JsonNode item = client.postJson(webhook + "crm.item.get", "{\"entityTypeId\":1,\"id\":3}")
                .result().get("item");
        assertEquals(3, item.get("id").asInt());
        assertEquals(lead.title(), item.get("title").asText());
        assertEquals(lead.name(), item.get("name").asText());
        assertEquals(lead.lastName(), item.get("lastName").asText());
        assertEquals(lead.companyTitle(), item.get("companyTitle").asText());

        CrmRecord company = server.crm().find(CrmEntityType.COMPANY, 2).orElseThrow();
        JsonNode viaForm = client.postForm(webhook + "crm.item.get", "entityTypeId=4&id=2").result().get("item");
        assertEquals(company.title(), viaForm.get("title").asText());

        JsonNode deal = client.postJson(webhook + "crm.item.get", "{\"entityTypeId\":2,\"id\":1}").result().get("item");
        assertTrue(deal.get("title").asText().endsWith("#1"));
        assertTrue(deal.has("contactId"));

        JsonNode contact = client.postJson(webhook + "crm.item.get", "{\"entityTypeId\":3,\"id\":1}")
                .result().get("item");
        assertEquals(server.crm().find(CrmEntityType.CONTACT, 1).orElseThrow().lastName(),
                contact.get("lastName").asText());
    }

    @Test
    void theItemsAScenarioLinksToAreHeldOnceAPortalRecordsItsCallsHere() throws Exception {
        String get = "{\"entityTypeId\":3,\"id\":797}";
        assertEquals("NOT_FOUND", client.postJson(webhook + "crm.item.get", get).error(),
                "the generated CRM has no contact 797");

        new SandboxPortal(URI.create("http://127.0.0.1:9/"), BuiltInScenarios.demo(), 42, 1).recordCallsIn(server);

        JsonNode contact = client.postJson(webhook + "crm.item.get", get).result().get("item");
        assertFalse(contact.get("lastName").asText().isEmpty(), "the demo's contact has a name");
        JsonNode deal = client.postJson(webhook + "crm.item.get", "{\"entityTypeId\":2,\"id\":4615}")
                .result().get("item");
        assertTrue(deal.get("title").asText().endsWith("#4615"), "a binding's deal is held too");
        try (SandboxRestServer again = SandboxRestServer.builder().seed(42).start()) {
            again.crm().holdLinked(BuiltInScenarios.demo());
            assertEquals(server.crm().find(CrmEntityType.CONTACT, 797), again.crm().find(CrmEntityType.CONTACT, 797),
                    "the same seed names the same item alike");
        }
        assertEquals(server.crm().all(CrmEntityType.CONTACT).size(), SandboxCrm.CONTACTS,
                "the generated items stay as they were");
    }

    @Test
    void legacyContactGetAnswersUpperCaseStrings() throws Exception {
        CrmRecord contact = server.crm().find(CrmEntityType.CONTACT, 7).orElseThrow();
        for (RestClient.Answer answer : List.of(client.postJson(webhook + "crm.contact.get", "{\"id\":7}"),
                client.postForm(webhook + "crm.contact.get", "ID=7"))) {
            JsonNode fields = answer.result();
            assertEquals("7", fields.get("ID").asText());
            assertTrue(fields.get("ID").isTextual());
            assertEquals(contact.name(), fields.get("NAME").asText());
            assertEquals(contact.phone(), fields.get("PHONE").get(0).get("VALUE").asText());
            assertEquals("PHONE", fields.get("PHONE").get(0).get("TYPE_ID").asText());
        }
    }

    @Test
    void searchCrmEntitiesFindsEveryItemWithTheNumber() throws Exception {
        CrmRecord contact = server.crm().find(CrmEntityType.CONTACT, 5).orElseThrow();
        String phone = URLEncoder.encode(contact.phone(), StandardCharsets.UTF_8);
        JsonNode found = client.postForm(webhook + "telephony.externalCall.searchCrmEntities", "PHONE_NUMBER=" + phone)
                .result();
        assertTrue(found.size() >= 1);
        JsonNode first = found.get(0);
        assertEquals("CONTACT", first.get("CRM_ENTITY_TYPE").asText());
        assertEquals(5, first.get("CRM_ENTITY_ID").asInt());
        assertTrue(first.get("CRM_ENTITY_ID").isInt());
        assertEquals(contact.name() + " " + contact.lastName(), first.get("NAME").asText());
        assertEquals("1", first.get("ASSIGNED_BY").get("ID").asText());

        // digits match whatever the formatting; an unknown number finds nothing
        String spaced = contact.phone().substring(1, 4) + " " + contact.phone().substring(4);
        assertEquals(found, client.postJson(webhook + "telephony.externalCall.searchCrmEntities",
                "{\"PHONE_NUMBER\":\"" + spaced + "\"}").result());
        assertEquals(0, client.postJson(webhook + "telephony.externalCall.searchCrmEntities",
                "{\"PHONE_NUMBER\":\"+10000000000\"}").result().size());
    }

    @Test
    void statisticsPageBy50WithTotalAndNext() throws Exception {
        RestClient.Answer first = client.postJson(webhook + "voximplant.statistic.get", "{}");
        assertEquals(50, first.result().size());
        assertEquals(120, first.json().get("total").asInt());
        assertEquals(50, first.json().get("next").asInt());
        RestClient.Answer second = client.postForm(webhook + "voximplant.statistic.get", "start=50");
        assertEquals(50, second.result().size());
        assertEquals(100, second.json().get("next").asInt());
        RestClient.Answer third = client.postJson(webhook + "voximplant.statistic.get", "{\"start\":100}");
        assertEquals(20, third.result().size());
        assertEquals(120, third.json().get("total").asInt());
        assertFalse(third.json().has("next"));
        assertEquals("1", first.result().get(0).get("ID").asText());
        assertEquals("120", third.result().get(19).get("ID").asText());
    }

    @Test
    void statisticsRecordsAreStringsOrNullsInTheDocumentedOrder() throws Exception {
        List<String> documented = List.of("ID", "PORTAL_USER_ID", "PORTAL_NUMBER", "PHONE_NUMBER", "CALL_ID",
                "EXTERNAL_CALL_ID", "CALL_CATEGORY", "CALL_LOG", "CALL_DURATION", "CALL_START_DATE", "CALL_RECORD_URL",
                "CALL_VOTE", "COST", "COST_CURRENCY", "CALL_FAILED_CODE", "CALL_FAILED_REASON", "CRM_ENTITY_TYPE",
                "CRM_ENTITY_ID", "CRM_ACTIVITY_ID", "REST_APP_ID", "REST_APP_NAME", "TRANSCRIPT_ID",
                "TRANSCRIPT_PENDING", "SESSION_ID", "REDIAL_ATTEMPT", "COMMENT", "RECORD_DURATION", "RECORD_FILE_ID",
                "CALL_TYPE");
        for (JsonNode record : client.postJson(webhook + "voximplant.statistic.get", "{}").result()) {
            List<String> keys = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = record.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                keys.add(field.getKey());
                assertTrue(field.getValue().isTextual() || field.getValue().isNull(), field.toString());
            }
            assertEquals(documented, keys);
            assertTrue(record.get("CALL_TYPE").asText().matches("[1-5]"));
        }
    }

    @Test
    void statisticsFilterByDateRangeAndSortDescending() throws Exception {
        String body = "{\"FILTER\":{\">=CALL_START_DATE\":\"2026-03-03T00:00:00+03:00\","
                + "\"<CALL_START_DATE\":\"2026-03-04T00:00:00+03:00\"},\"SORT\":\"CALL_START_DATE\",\"ORDER\":\"DESC\"}";
        RestClient.Answer json = client.postJson(webhook + "voximplant.statistic.get", body);
        String form = "FILTER[%3E%3DCALL_START_DATE]=2026-03-03T00:00:00%2B03:00"
                + "&FILTER[%3CCALL_START_DATE]=2026-03-04T00:00:00%2B03:00&SORT=CALL_START_DATE&ORDER=DESC";
        RestClient.Answer viaForm = client.postForm(webhook + "voximplant.statistic.get", form);
        assertEquals(json.result(), viaForm.result());
        int total = json.json().get("total").asInt();
        assertTrue(total > 0 && total < 120, "one day of the history: " + total);

        Instant from = Instant.parse("2026-03-02T21:00:00Z");
        Instant to = Instant.parse("2026-03-03T21:00:00Z");
        Instant previous = Instant.MAX;
        for (JsonNode record : json.result()) {
            Instant at = OffsetDateTime.parse(record.get("CALL_START_DATE").asText()).toInstant();
            assertFalse(at.isBefore(from));
            assertTrue(at.isBefore(to));
            assertFalse(at.isAfter(previous), "newest first");
            previous = at;
        }
    }

    @Test
    void statisticsFilterByAListOfValuesAndByEquality() throws Exception {
        RestClient.Answer incoming = client.postForm(webhook + "voximplant.statistic.get",
                "FILTER[CALL_TYPE][]=2&FILTER[CALL_TYPE][]=3&start=0");
        int total = incoming.json().get("total").asInt();
        assertTrue(total > 0 && total < 120, "incoming and redirected only: " + total);
        for (JsonNode record : incoming.result()) {
            assertTrue(record.get("CALL_TYPE").asText().matches("[23]"), record.toString());
        }
        RestClient.Answer missed = client.postJson(webhook + "voximplant.statistic.get",
                "{\"FILTER\":{\"CALL_FAILED_CODE\":\"304\",\"!PORTAL_USER_ID\":\"1\"}}");
        for (JsonNode record : missed.result()) {
            assertEquals("304", record.get("CALL_FAILED_CODE").asText());
            assertFalse("1".equals(record.get("PORTAL_USER_ID").asText()));
        }
    }

    @Test
    void batchRunsEachCommandAndKeysTheAnswersLikeCmd() throws Exception {
        String body = "{\"halt\":0,\"cmd\":{"
                + "\"me\":\"user.current\","
                + "\"lead\":\"crm.item.get?entityTypeId=1&id=2\","
                + "\"calls\":\"voximplant.statistic.get?FILTER[>=CALL_START_DATE]=2026-03-01&start=50\","
                + "\"missing\":\"crm.item.get?entityTypeId=1&id=999\"}}";
        JsonNode result = client.postJson(webhook + "batch", body).result();
        assertEquals("1", result.get("result").get("me").get("ID").asText());
        assertEquals(2, result.get("result").get("lead").get("item").get("id").asInt());
        assertEquals(50, result.get("result").get("calls").size());
        assertEquals(120, result.get("result_total").get("calls").asInt());
        assertEquals(100, result.get("result_next").get("calls").asInt());
        assertEquals("NOT_FOUND", result.get("result_error").get("missing").get("error").asText());
        assertFalse(result.get("result").has("missing"));
        assertNotNull(result.get("result_time").get("me").get("date_start"));
    }

    @Test
    void batchWithHaltStopsAtTheFirstErrorAndEmptyPartsAreLists() throws Exception {
        String form = "halt=1&cmd[0]=crm.item.get%3FentityTypeId%3D1%26id%3D999&cmd[1]=user.current";
        JsonNode result = client.postForm(webhook + "batch", form).result();
        assertEquals("[]", result.get("result").toString());
        assertEquals("NOT_FOUND", result.get("result_error").get(0).get("error").asText());
        assertEquals("[]", result.get("result_total").toString());
        assertEquals("[]", result.get("result_next").toString());

        JsonNode clean = client.postJson(webhook + "batch", "{\"cmd\":[\"scope\",\"user.current\"]}").result();
        assertEquals("[]", clean.get("result_error").toString());
        assertEquals(2, clean.get("result").size());
        assertNull(clean.get("result").get(0).get("ID"));
        assertEquals("1", clean.get("result").get(1).get("ID").asText());
    }
}
