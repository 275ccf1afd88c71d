package io.callcard.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.callcard.call.CrmEntityType;
import io.callcard.call.CrmRef;
import io.callcard.sandbox.rest.SandboxRestServer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Timeline comments through the product's REST client against the sandbox portal: the answers' shapes (protocol.md
 * §4, "Timeline comments"), the search that keeps a note from being added twice, and the portal's refusals.
 */
class TimelineCommentsTest {

    private static final CrmRef CONTACT = new CrmRef(CrmEntityType.CONTACT, 3);
    private static final CrmRef DEAL = new CrmRef(CrmEntityType.DEAL, 7);

    private final SandboxRestServer server = SandboxRestServer.builder().seed(7).start();
    private final PortalClient client = PortalClient.builder(webhook(), "test").build();
    private final TimelineComments timeline = new TimelineComments(client);

    private PortalCredentials webhook() {
        try {
            return WebhookUrl.parse(server.webhookUrl());
        } catch (WebhookUrlException e) {
            throw new AssertionError(e);
        }
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void addAnswersTheNewIdAndTheListShowsTheCommentAsThePortalWritesIt() throws Exception {
        long id = timeline.add(CONTACT, "Wants a callback on Monday");

        PortalResponse list = client.call("crm.timeline.comment.list",
                Map.of("filter", Map.of("ENTITY_ID", 3, "ENTITY_TYPE", "contact")));
        assertEquals(1, list.total().orElseThrow());
        JsonNode comment = list.result().get(0);
        assertEquals(Long.toString(id), comment.path("ID").asText());
        assertTrue(comment.path("ID").isTextual(), "values are strings, as in Bitrix24's lists");
        assertEquals("3", comment.path("ENTITY_ID").asText());
        assertEquals("contact", comment.path("ENTITY_TYPE").asText());
        assertEquals("1", comment.path("AUTHOR_ID").asText(), "the webhook's user");
        assertEquals("Wants a callback on Monday", comment.path("COMMENT").asText());
        OffsetDateTime created = OffsetDateTime.parse(comment.path("CREATED").asText());
        assertEquals(3 * 3600, created.getOffset().getTotalSeconds(), "in the portal's zone");
        assertTrue(server.timeline().on(DEAL).isEmpty(), "on that item's timeline only");
    }

    @Test
    void findLooksBeyondTheFirstPageAndHonoursTheTimeAndTheCommentsOtherNotesOwn() throws Exception {
        Instant before = Instant.now().minusSeconds(60);
        long target = timeline.add(DEAL, "Asked for the price list");
        Map<String, String> commands = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            commands.put("c" + i, "crm.timeline.comment.add?fields[ENTITY_ID]=7&fields[ENTITY_TYPE]=deal"
                    + "&fields[COMMENT]=later+" + i);
        }
        client.call("batch", Map.of("halt", 1, "cmd", commands)); // one request: the bucket's limit stays far
        for (int i = 50; i < 55; i++) {
            timeline.add(DEAL, "later " + i);
        }
        assertEquals(56, server.timeline().on(DEAL).size());

        assertEquals(Optional.of(target), timeline.find(DEAL, "Asked for the price list", before, id -> false),
                "the oldest comment is on the second page, newest first");
        assertEquals(Optional.empty(), timeline.find(DEAL, "Asked for the price list", Instant.now()
                .plusSeconds(3600), id -> false), "written before the note was first sent: another note's");
        assertEquals(Optional.empty(), timeline.find(DEAL, "Asked for the price list", before, id -> id == target),
                "owned by another note with the same words");
        assertEquals(Optional.empty(), timeline.find(CONTACT, "Asked for the price list", before, id -> false));
    }

    @Test
    void thePortalsRefusalsAreTyped() throws Exception {
        server.timeline().denyComments(CONTACT);
        PortalException denied = assertThrows(PortalException.class, () -> timeline.add(CONTACT, "x"));
        assertEquals(PortalError.ACCESS_DENIED, denied.error());
        assertEquals(403, denied.httpStatus());

        PortalException missing = assertThrows(PortalException.class,
                () -> timeline.add(new CrmRef(CrmEntityType.LEAD, 999_999), "x"));
        assertEquals(PortalError.NOT_FOUND, missing.error());

        // since crm 23.100.0 only a lower-case "fields" is read
        PortalException upperCase = assertThrows(PortalException.class, () -> client.call(
                "crm.timeline.comment.add", Map.of("FIELDS", Map.of("ENTITY_ID", 3, "ENTITY_TYPE", "contact",
                        "COMMENT", "x"))));
        assertEquals(PortalError.ERROR_ARGUMENT, upperCase.error());
        assertEquals(List.of(), server.timeline().on(CONTACT));
    }
}
