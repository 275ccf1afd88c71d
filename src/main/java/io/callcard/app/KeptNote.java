package io.callcard.app;

import io.callcard.call.CrmRef;
import java.time.Instant;
import java.util.Objects;

/**
 * One note as the outbox keeps it on disk. {@code state} is where it is: {@link State#WAITING} never sent;
 * {@link State#SENDING} a request left for the portal (it may have added the comment even if no answer came back, so
 * before another request the timeline is searched); {@link State#ADDED} with the comment's id; {@link State#REFUSED}
 * with the portal's error. {@code portal} is the origin the note was written for (null until first sent).
 */
record KeptNote(String id, String callId, CrmRef entity, String text, State state, Instant keptAt,
        Instant firstSentAt, String portal, long commentId, String error) {

    enum State { WAITING, SENDING, ADDED, REFUSED }

    KeptNote {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(keptAt, "keptAt");
        error = error == null ? "" : error;
    }

    static KeptNote waiting(String id, String callId, CrmRef entity, String text, Instant at) {
        return new KeptNote(id, callId, entity, text, State.WAITING, at, null, null, 0, "");
    }

    /** About to send to {@code portalOrigin}; the first sending's time is kept (the timeline search starts there). */
    KeptNote sending(Instant at, String portalOrigin) {
        return new KeptNote(id, callId, entity, text, State.SENDING, keptAt, firstSentAt == null ? at : firstSentAt,
                portalOrigin, 0, error);
    }

    KeptNote added(long comment) {
        return new KeptNote(id, callId, entity, text, State.ADDED, keptAt, firstSentAt, portal, comment, "");
    }

    KeptNote refused(String why) {
        return new KeptNote(id, callId, entity, text, State.REFUSED, keptAt, firstSentAt, portal, 0, why);
    }

    /** Still to be sent, as it was; only the last error changes. */
    KeptNote failed(String why) {
        return new KeptNote(id, callId, entity, text, state, keptAt, firstSentAt, portal, commentId, why);
    }

    boolean isFinal() {
        return state == State.ADDED || state == State.REFUSED;
    }
}
