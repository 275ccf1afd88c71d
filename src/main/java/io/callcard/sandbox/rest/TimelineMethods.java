package io.callcard.sandbox.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callcard.call.CrmEntityType;
import io.callcard.call.CrmRef;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CRM timeline's comments as Bitrix24 answers them (protocol.md §4, "Timeline comments"): {@code crm.timeline.comment.add} takes
 * {@code fields} (lower case only) with {@code ENTITY_ID}, {@code ENTITY_TYPE} ({@code lead}, {@code deal},
 * {@code contact}, {@code company}) and {@code COMMENT}, and answers the new comment's id as a number;
 * {@code crm.timeline.comment.list} takes {@code filter} with the same two keys and pages by 50, newest first, each
 * comment's values as strings and {@code CREATED} as an ISO date with the portal's offset.
 */
final class TimelineMethods {

    private final SandboxCrm crm;
    private final SandboxTimeline timeline;
    private final Clock clock;
    private final ZoneOffset portalZone;

    private TimelineMethods(SandboxCrm crm, SandboxTimeline timeline, Clock clock, ZoneOffset portalZone) {
        this.crm = crm;
        this.timeline = timeline;
        this.clock = clock;
        this.portalZone = portalZone;
    }

    static void register(Map<String, MethodEntry> methods, SandboxCrm crm, SandboxTimeline timeline, Clock clock,
            ZoneOffset portalZone) {
        TimelineMethods these = new TimelineMethods(crm, timeline, clock, portalZone);
        methods.put("crm.timeline.comment.add", new MethodEntry("crm", these::add));
        methods.put("crm.timeline.comment.list", new MethodEntry("crm", these::list));
    }

    private RestResult add(RestCall call) {
        JsonNode fields = call.params().get("fields");
        if (fields == null || !fields.isObject()) {
            throw argument("fields");
        }
        CrmRef entity = entity(fields);
        JsonNode text = fields.get("COMMENT");
        if (text == null || !text.isValueNode() || text.asText().isBlank()) {
            throw argument("COMMENT");
        }
        if (timeline.denies(entity)) {
            throw new RestError(403, "ACCESS_DENIED", "Access denied!");
        }
        SandboxTimeline.Comment added = timeline.add(entity, call.credential().userId(), clock.instant(),
                text.asText());
        return RestResult.of(JsonNodeFactory.instance.numberNode(added.id()));
    }

    private RestResult list(RestCall call) {
        JsonNode filter = call.param("filter");
        if (filter == null || !filter.isObject()) {
            throw argument("ENTITY_ID");
        }
        List<SandboxTimeline.Comment> comments = timeline.on(entity(filter));
        int start = Math.max(0, call.positiveInt("start"));
        ArrayNode page = Json.array();
        for (int i = start; i < comments.size() && page.size() < RestMethod.PAGE_SIZE; i++) {
            SandboxTimeline.Comment c = comments.get(i);
            page.addObject()
                    .put("ID", Long.toString(c.id()))
                    .put("CREATED", SandboxCallHistory.BITRIX_DATE.format(OffsetDateTime.ofInstant(c.created(),
                            portalZone)))
                    .put("ENTITY_ID", Long.toString(c.entity().id()))
                    .put("ENTITY_TYPE", c.entity().type().pathSegment())
                    .put("AUTHOR_ID", Integer.toString(c.authorId()))
                    .put("COMMENT", c.text());
        }
        return RestResult.page(page, start, comments.size());
    }

    /** The item named by {@code ENTITY_ID} and {@code ENTITY_TYPE}; an item the CRM does not hold is not found. */
    private CrmRef entity(JsonNode fields) {
        String rawId = fields.path("ENTITY_ID").asText("").trim();
        if (!rawId.matches("\\d{1,9}") || Long.parseLong(rawId) <= 0) {
            throw argument("ENTITY_ID");
        }
        Optional<CrmEntityType> type = CrmEntityType.parse(fields.path("ENTITY_TYPE").asText(""));
        if (type.isEmpty()) {
            throw argument("ENTITY_TYPE");
        }
        int id = Integer.parseInt(rawId);
        return crm.find(type.get(), id).map(item -> new CrmRef(item.type(), item.id())).orElseThrow(RestError::notFound);
    }

    private static RestError argument(String name) {
        return new RestError(400, "ERROR_ARGUMENT", "Argument '" + name + "' is null or empty");
    }
}
