package io.callcard.ui.callcard;

import io.callcard.call.CrmRef;
import java.util.Objects;

/**
 * What became of a note: {@code reasonKey} is the message key of why it waits or was refused (empty otherwise), and
 * {@code text} the note itself, so a refused one can be handed back to the agent to copy.
 */
public record NoteProgress(String noteId, CrmRef entity, String text, State state, String reasonKey) {

    /** Where a note is on its way to the timeline. */
    public enum State {
        /** A request is on its way to the portal. */
        SENDING,
        /** On the item's timeline. */
        ADDED,
        /** Kept; tried again later (the portal did not answer, or there is no portal to ask yet). */
        WAITING,
        /** The portal said no and will say so again (no access, no such item): kept for the agent to copy. */
        REFUSED;

        /** Added or refused: nothing more will happen to the note. */
        public boolean isFinal() {
            return this == ADDED || this == REFUSED;
        }
    }

    public NoteProgress {
        Objects.requireNonNull(noteId, "noteId");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reasonKey, "reasonKey");
    }
}
