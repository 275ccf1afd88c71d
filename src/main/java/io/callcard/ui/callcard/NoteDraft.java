package io.callcard.ui.callcard;

import io.callcard.call.CrmRef;
import java.util.Objects;

/** A note the agent wrote for the CRM item of call {@code callId}; {@code noteId} names it until it is added. */
public record NoteDraft(String noteId, String callId, CrmRef entity, String text) {

    public NoteDraft {
        Objects.requireNonNull(noteId, "noteId");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("an empty note");
        }
    }
}
