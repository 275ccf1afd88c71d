package io.callcard.ui.callcard;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@link CallNotes} whose reports the test gives by hand: every note added is recorded, and {@link #report} tells
 * the listeners what became of one (an outbox cannot be made to wait or refuse on demand without a portal).
 */
final class ManualCallNotes implements CallNotes {

    private final List<NoteDraft> added = new ArrayList<>();
    private final List<Consumer<NoteProgress>> listeners = new ArrayList<>();

    @Override
    public synchronized void add(NoteDraft note) {
        added.add(note);
    }

    @Override
    public synchronized AutoCloseable listen(Consumer<NoteProgress> listener) {
        listeners.add(listener);
        return () -> {
            synchronized (this) {
                listeners.remove(listener);
            }
        };
    }

    synchronized List<NoteDraft> added() {
        return List.copyOf(added);
    }

    /** Tells every listener that {@code note} is now in {@code state}, for {@code reasonKey}. */
    void report(NoteDraft note, NoteProgress.State state, String reasonKey) {
        List<Consumer<NoteProgress>> now;
        synchronized (this) {
            now = List.copyOf(listeners);
        }
        NoteProgress progress = new NoteProgress(note.noteId(), note.entity(), note.text(), state, reasonKey);
        now.forEach(listener -> listener.accept(progress));
    }
}
