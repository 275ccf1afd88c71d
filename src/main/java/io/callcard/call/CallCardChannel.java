package io.callcard.call;

import java.util.concurrent.CompletableFuture;

/**
 * The commands the Bitrix24 call card takes (protocol.md §2), whatever carries them to the card. Each future
 * completes when the card answered and the {@link CallTracker} applied that answer, on the tracker's thread (so the
 * snapshot a caller sees then already shows it, and one the UI is given was queued before the completion), or fails
 * with a {@link CallCardCommandFailed} saying why it did not.
 */
public interface CallCardChannel {

    /** Lifts the hold on the card's auto-close. */
    CompletableFuture<Void> enableAutoClose();

    /** Holds the card open (resets a running close countdown to 65 s). */
    CompletableFuture<Void> disableAutoClose();

    /** The card's current data, normalised. */
    CompletableFuture<CallCardStatus> getStatus();
}
