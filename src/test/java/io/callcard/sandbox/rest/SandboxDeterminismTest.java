package io.callcard.sandbox.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.callcard.call.CrmEntityType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same seed gives the same CRM and the same call history, over HTTP, from two separate servers. */
class SandboxDeterminismTest {

    private final RestClient client = new RestClient();

    private List<JsonNode> everything(long seed) throws Exception {
        try (SandboxRestServer server = SandboxRestServer.builder().seed(seed).start()) {
            List<JsonNode> answers = new ArrayList<>();
            for (CrmEntityType type : CrmEntityType.values()) {
                for (int id = 1; id <= 12; id++) {
                    answers.add(client.postJson(server.webhookUrl() + "crm.item.get",
                            "{\"entityTypeId\":" + type.entityTypeId() + ",\"id\":" + id + "}").result());
                }
            }
            for (int start = 0; start < 120; start += 50) {
                answers.add(client.postJson(server.webhookUrl() + "voximplant.statistic.get",
                        "{\"start\":" + start + "}").result());
            }
            return answers;
        }
    }

    @Test
    void theSameSeedGivesTheSameCrmAndStatistics() throws Exception {
        assertEquals(everything(2026), everything(2026));
    }

    @Test
    void anotherSeedGivesOtherData() throws Exception {
        assertNotEquals(everything(1), everything(2));
    }

    @Test
    void theCrmMixesRussianAndEnglishNamesAndEveryPersonHasANumber() {
        SandboxCrm crm = new SandboxCrm(7);
        long cyrillic = crm.all(CrmEntityType.CONTACT).stream()
                .filter(contact -> contact.lastName().matches(".*\\p{IsCyrillic}.*")).count();
        assertTrue(cyrillic > 0 && cyrillic < SandboxCrm.CONTACTS, "Russian and English: " + cyrillic);
        crm.all(CrmEntityType.CONTACT).forEach(contact -> assertTrue(contact.phone().matches("\\+\\d{10,12}")));
        crm.all(CrmEntityType.LEAD).forEach(lead -> assertTrue(crm.byPhone(lead.phone()).contains(lead)));
    }
}
