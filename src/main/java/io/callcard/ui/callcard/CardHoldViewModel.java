package io.callcard.ui.callcard;

import io.callcard.call.CallCardChannel;
import io.callcard.call.CallCardCommandFailed;
import io.callcard.call.CallSnapshot;
import io.callcard.call.HoldOwnership;
import io.callcard.ui.Messages;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The agent's "hold the card open" button: asks the Bitrix24 call card to stay open ({@code disableAutoClose}) or to
 * close as usual ({@code enableAutoClose}). Whether the card is held is what the card confirmed (the snapshot's
 * {@code autoCloseHeld}, fed by the AutoCloseChanged event), never what we asked for; a hold that is the companion's
 * own ("follow calls to the end", {@link HoldOwnership}) reads as not held, so the agent can still ask to keep the card
 * after the call. Plain Java; everything but
 * {@link #attach} runs on the UI thread, and command answers are brought back to it through the executor handed in.
 */
public final class CardHoldViewModel {

    private final Messages messages;
    private final Executor ui;
    private CallCardChannel channel;
    private HoldOwnership ownership = HoldOwnership.AGENT_ONLY;
    private CallSnapshot snapshot = CallSnapshot.EMPTY;

    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper held = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper pending = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper buttonText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper errorText = new ReadOnlyStringWrapper("");

    public CardHoldViewModel(Messages messages, Executor ui) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.ui = Objects.requireNonNull(ui, "ui");
        refresh();
    }

    /** The channel commands go through; the listener starts after the window, so this may come from any thread. */
    public void attach(CallCardChannel channel) {
        attach(channel, HoldOwnership.AGENT_ONLY);
    }

    /** As {@link #attach(CallCardChannel)}, where the companion may hold the card itself ({@code ownership}). */
    public void attach(CallCardChannel channel, HoldOwnership ownership) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(ownership, "ownership");
        ui.execute(() -> {
            this.channel = channel;
            this.ownership = ownership;
            refresh();
        });
    }

    /** Follow the card: a new call forgets the previous call's error. */
    void apply(CallSnapshot s) {
        if (!Objects.equals(s.callId(), snapshot.callId())) {
            errorText.set("");
        }
        snapshot = s;
        refresh();
    }

    /** Hold the card if it is not held, else let it close. Ignored while unavailable or while a command is out. */
    public void toggle() {
        if (!available.get() || pending.get()) {
            return;
        }
        String callAtSend = snapshot.callId();
        CompletableFuture<Void> sent;
        try {
            sent = heldByAgent() ? channel.enableAutoClose() : channel.disableAutoClose();
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        pending.set(true);
        refresh();
        sent.whenCompleteAsync((ok, failure) -> finish(callAtSend, failure), ui);
    }

    /*
     * A channel completes a command only after the tracker applied the card's answer (CallCardChannel's contract), and
     * the tracker hands the snapshot to the UI executor before the command's completion is handed there: by the time
     * this runs, apply() has already shown the state the card reached, so the button never offers the old state.
     */
    private void finish(String callAtSend, Throwable failure) {
        pending.set(false);
        if (failure == null) {
            errorText.set("");
        } else if (Objects.equals(callAtSend, snapshot.callId())) {
            errorText.set(failureWords(failure)); // an old call's failure is of no use on the next call's card
        }
        refresh();
    }

    private String failureWords(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof CallCardCommandFailed) {
            return messages.get("hold.error." + ((CallCardCommandFailed) cause).reason().name());
        }
        return messages.get("hold.error.OTHER");
    }

    private void refresh() {
        available.set(channel != null && snapshot.cardOpen());
        held.set(heldByAgent());
        String key = pending.get() ? "hold.button.pending" : held.get() ? "hold.button.release" : "hold.button.hold";
        buttonText.set(messages.get(key));
    }

    /** Held, and not only by the companion's own following of the call. */
    private boolean heldByAgent() {
        return snapshot.autoCloseHeld() && !ownership.companionHoldsAlone(snapshot);
    }

    /** A card is open and a channel can reach it. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** The card confirmed it is held open. */
    public ReadOnlyBooleanProperty heldProperty() {
        return held.getReadOnlyProperty();
    }

    /** A command is on its way; the button waits for its answer. */
    public ReadOnlyBooleanProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty buttonTextProperty() {
        return buttonText.getReadOnlyProperty();
    }

    /** Why the last command failed, in the agent's words; empty when it did not. */
    public ReadOnlyStringProperty errorTextProperty() {
        return errorText.getReadOnlyProperty();
    }

    public String tooltipText() {
        return messages.get("hold.tooltip");
    }
}
