package io.callcard.sandbox.rest;

import io.callcard.call.CrmRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The comments on the sandbox CRM's timelines ({@code crm.timeline.comment.add} and {@code .list}): ids count from 1
 * across the portal, as Bitrix24's do. {@link #denyComments} makes an item one its user may not comment on (the
 * portal then answers {@code ACCESS_DENIED}), for tests and demos of a refused note. Thread-safe.
 */
public final class SandboxTimeline {

    /** One comment as the portal keeps it. */
    public record Comment(long id, CrmRef entity, int authorId, Instant created, String text) {
    }

    private final List<Comment> comments = new ArrayList<>();
    private final Set<CrmRef> denied = ConcurrentHashMap.newKeySet();

    synchronized Comment add(CrmRef entity, int authorId, Instant created, String text) {
        Comment comment = new Comment(comments.size() + 1L, entity, authorId, created, text);
        comments.add(comment);
        return comment;
    }

    /** The comments on {@code entity}'s timeline, newest first (the order the portal lists them in). */
    public synchronized List<Comment> on(CrmRef entity) {
        List<Comment> found = new ArrayList<>();
        for (int i = comments.size() - 1; i >= 0; i--) {
            if (comments.get(i).entity().equals(entity)) {
                found.add(comments.get(i));
            }
        }
        return found;
    }

    /** From now on, adding a comment to {@code entity} is refused with {@code ACCESS_DENIED}. */
    public void denyComments(CrmRef entity) {
        denied.add(Objects.requireNonNull(entity, "entity"));
    }

    boolean denies(CrmRef entity) {
        return denied.contains(entity);
    }
}
