package io.callcard.ui.callcard;

import io.callcard.call.CallDisplayState;
import io.callcard.call.CallSnapshot;
import io.callcard.call.CrmRef;
import io.callcard.ui.Messages;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The note field on the card: while a call linked to a CRM item is on the card (during it and after), the agent
 * types a note and {@link #send}s it (Ctrl+Enter or the button) to that item's timeline through {@link CallNotes},
 * and the card says what became of it: sending, added, waiting to be tried again and why, or refused and why (the
 * refused words stay on the card to copy). A call without a CRM item has no field, and the card says why.
 *
 * <p>A note typed but not sent when another call replaces the first is not dropped: it goes to the first call's item,
 * and the card says so. Plain Java; everything but {@link #attach} runs on the UI thread, and the outbox's reports
 * come back to it through the executor handed in.
 */
public final class CallNoteViewModel {

    private final Messages messages;
    private final Executor ui;
    private CallNotes notes;
    private AutoCloseable listening;
    private CallSnapshot snapshot = CallSnapshot.EMPTY;
    private String callId;
    private Instant openedAt;
    /** Notes kept but neither added nor refused yet. */
    private final Set<String> unfinished = new HashSet<>();

    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canSend = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper targetText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper unavailableText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<NoteProgress.State> status = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper refusedText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper waitingText = new ReadOnlyStringWrapper("");

    public CallNoteViewModel(Messages messages, Executor ui) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.ui = Objects.requireNonNull(ui, "ui");
        text.addListener((obs, old, now) -> refreshCanSend());
    }

    /**
     * Notes go to {@code outbox} from now on, and its reports come to the card; the outbox opens after the window, so
     * this may come from any thread.
     */
    public void attach(CallNotes outbox) {
        Objects.requireNonNull(outbox, "outbox");
        ui.execute(() -> {
            closeQuietly(listening);
            notes = outbox;
            listening = outbox.listen(progress -> ui.execute(() -> show(progress)));
            refreshCanSend();
        });
    }

    /** Follow the card's call. */
    public void apply(CallSnapshot s) {
        Objects.requireNonNull(s, "snapshot");
        boolean anotherCall = s.callId() != null
                && (!s.callId().equals(callId) || !Objects.equals(s.openedAt(), openedAt));
        if (anotherCall && callId != null) {
            keepUnsentDraft();
        }
        if (anotherCall) {
            callId = s.callId();
            openedAt = s.openedAt();
            if (status.get() == NoteProgress.State.ADDED) {
                showStatus(null, ""); // the last call's news is old; a waiting or refused note still matters
            }
        }
        snapshot = s;
        boolean hasCall = s.phase() != CallDisplayState.NO_CALL && s.callId() != null;
        shown.set(hasCall && s.entity() != null);
        targetText.set(shown.get() ? messages.get("note.target", itemWords(s.entity())) : "");
        unavailableText.set(hasCall && s.entity() == null ? messages.get("note.unavailable") : "");
        refreshCanSend();
    }

    /** The agent pressed Ctrl+Enter or the button: the note is kept and sent; false when there is nothing to send. */
    public boolean send() {
        if (!canSend.get()) {
            return false;
        }
        CrmRef entity = snapshot.entity();
        NoteDraft draft = new NoteDraft(UUID.randomUUID().toString(), snapshot.callId(), entity, text.get().trim());
        unfinished.add(draft.noteId());
        notes.add(draft);
        text.set("");
        refusedText.set("");
        showStatus(NoteProgress.State.SENDING, messages.get("note.status.sending", itemWords(entity)));
        refreshWaiting();
        return true;
    }

    /** A note typed for the call that is leaving the card goes to that call's item, not to the next call's. */
    private void keepUnsentDraft() {
        if (notes == null || text.get().isBlank() || snapshot.entity() == null || snapshot.callId() == null) {
            return; // with no outbox yet the words stay in the field: the agent still has them
        }
        CrmRef entity = snapshot.entity();
        NoteDraft draft = new NoteDraft(UUID.randomUUID().toString(), snapshot.callId(), entity, text.get().trim());
        unfinished.add(draft.noteId());
        notes.add(draft);
        text.set("");
        showStatus(NoteProgress.State.SENDING, messages.get("note.status.keptForPrevious", itemWords(entity)));
        refreshWaiting();
    }

    private void show(NoteProgress p) {
        if (p.state().isFinal()) {
            unfinished.remove(p.noteId());
        } else {
            unfinished.add(p.noteId());
        }
        String item = itemWords(p.entity());
        switch (p.state()) {
            case SENDING:
                showStatus(p.state(), messages.get("note.status.sending", item));
                break;
            case ADDED:
                showStatus(p.state(), messages.get("note.status.added", item));
                break;
            case WAITING:
                showStatus(p.state(), messages.get("note.status.waiting", item, reason(p)).strip());
                break;
            default:
                showStatus(p.state(), messages.get("note.status.refused", item, reason(p)).strip());
                refusedText.set(p.text());
                break;
        }
        refreshWaiting();
    }

    /** Why, in words; nothing for a note kept from an earlier run that was never tried. */
    private String reason(NoteProgress p) {
        return p.reasonKey().isEmpty() ? "" : messages.get(p.reasonKey());
    }

    private void showStatus(NoteProgress.State state, String words) {
        status.set(state);
        statusText.set(words);
    }

    /** "Ivan Petrov · Contact" when the card knows the name, else "Contact #797". */
    private String itemWords(CrmRef ref) {
        return snapshot.crmNames().nameOf(ref)
                .map(name -> messages.get("card.crm.named." + ref.type().name(), name))
                .orElseGet(() -> messages.get("card.crm." + ref.type().name(), String.valueOf(ref.id())));
    }

    private void refreshWaiting() {
        int waiting = unfinished.size();
        waitingText.set(waiting > 1 ? messages.get("note.waitingCount", String.valueOf(waiting)) : "");
    }

    private void refreshCanSend() {
        canSend.set(notes != null && shown.get() && !text.get().isBlank());
    }

    private static void closeQuietly(AutoCloseable handle) {
        if (handle == null) {
            return;
        }
        try {
            handle.close();
        } catch (Exception ignored) {
            // a listener handle that cannot close only means one more report nobody shows
        }
    }

    /** What the agent types; the view's text area is bound to it both ways. */
    public StringProperty textProperty() {
        return text;
    }

    /** Whether the card has a note field: a call linked to a CRM item is on it. */
    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Something to send and somewhere to send it. */
    public ReadOnlyBooleanProperty canSendProperty() {
        return canSend.getReadOnlyProperty();
    }

    /** "Note for Ivan Petrov · Contact". */
    public ReadOnlyStringProperty targetTextProperty() {
        return targetText.getReadOnlyProperty();
    }

    /** Why there is no note field ("not linked to a CRM item"); empty when there is one, or no call. */
    public ReadOnlyStringProperty unavailableTextProperty() {
        return unavailableText.getReadOnlyProperty();
    }

    /** What became of the last note: sending, added, waiting and why, refused and why. */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** The last note's state (null before any), for the view's pseudo-classes. */
    public ReadOnlyObjectProperty<NoteProgress.State> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The words of the last refused note, to copy; empty when none. */
    public ReadOnlyStringProperty refusedTextProperty() {
        return refusedText.getReadOnlyProperty();
    }

    /** "3 notes not added yet" when more than one waits; empty otherwise. */
    public ReadOnlyStringProperty waitingTextProperty() {
        return waitingText.getReadOnlyProperty();
    }
}
