package io.callcard.ui.callcard;

import java.util.function.Consumer;

/**
 * Where the card's notes go: kept first, then added to their CRM item's timeline, now or once the portal answers
 * (the application implements it with an outbox on disk). Both methods may be called from any thread; progress is
 * reported on the implementation's own thread.
 */
public interface CallNotes {

    /** Keeps {@code note} and sends it; what becomes of it is reported to every listener. */
    void add(NoteDraft note);

    /**
     * Reports each note's progress to {@code listener} from now on, starting with every note not yet added or refused
     * (kept from an earlier run, say). Closing the handle stops the reports.
     */
    AutoCloseable listen(Consumer<NoteProgress> listener);
}
