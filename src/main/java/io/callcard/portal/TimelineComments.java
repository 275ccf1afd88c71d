package io.callcard.portal;

import com.fasterxml.jackson.databind.JsonNode;
import io.callcard.call.CrmRef;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * Comments on a CRM item's timeline (protocol.md §4, "Timeline comments"): {@link #add} writes one with
 * {@code crm.timeline.comment.add}; {@link #find} looks for one already there with {@code crm.timeline.comment.list},
 * which is how a note whose answer was lost is recognised instead of being added twice. Runs on the caller's thread.
 */
public final class TimelineComments {

    /** Pages of 50 read at most by {@link #find}: a timeline longer than this is not searched to its end. */
    static final int MAX_PAGES = 10;
    private static final List<String> SELECT = List.of("ID", "CREATED", "COMMENT");

    private final PortalClient client;

    public TimelineComments(PortalClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** Adds {@code text} to {@code entity}'s timeline; returns the new comment's id. */
    public long add(CrmRef entity, String text) throws PortalException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ENTITY_ID", entity.id());
        fields.put("ENTITY_TYPE", entity.type().pathSegment()); // lead, deal, contact, company: lower case
        fields.put("COMMENT", text);
        JsonNode result = client.call("crm.timeline.comment.add", Map.of("fields", fields)).result();
        long id = result.asLong(-1);
        if (id <= 0) {
            throw new PortalException(PortalError.ERROR_UNEXPECTED_ANSWER, "", "no comment id in the answer", 200,
                    "crm.timeline.comment.add", null);
        }
        return id;
    }

    /**
     * The id of a comment on {@code entity}'s timeline whose text is {@code text}, created at {@code notBefore} or
     * later, and whose id {@code taken} does not claim (another note's comment with the same words); empty when
     * there is none among the newest {@value #MAX_PAGES} pages.
     */
    public Optional<Long> find(CrmRef entity, String text, Instant notBefore, LongPredicate taken)
            throws PortalException {
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("ENTITY_ID", entity.id());
        filter.put("ENTITY_TYPE", entity.type().pathSegment());
        long start = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("filter", filter);
            params.put("select", SELECT);
            params.put("order", Map.of("ID", "DESC"));
            params.put("start", start);
            PortalResponse answer = client.call("crm.timeline.comment.list", params);
            for (JsonNode comment : answer.result()) {
                long id = comment.path("ID").asLong(-1);
                if (id > 0 && text.equals(comment.path("COMMENT").asText(null)) && !taken.test(id)
                        && createdAt(comment).map(at -> !at.isBefore(notBefore)).orElse(true)) {
                    return Optional.of(id);
                }
            }
            if (!answer.hasNextPage()) {
                return Optional.empty();
            }
            start = answer.next().getAsLong();
        }
        return Optional.empty();
    }

    /** {@code CREATED} as the portal writes it ({@code 2026-12-04T19:05:00+03:00}); empty when absent or odd. */
    private static Optional<Instant> createdAt(JsonNode comment) {
        try {
            return Optional.of(OffsetDateTime.parse(comment.path("CREATED").asText("")).toInstant());
        } catch (DateTimeParseException odd) {
            return Optional.empty();
        }
    }
}
