package io.callcard.call;

/**
 * Whose hold keeps the call card open. With "follow calls to the end" the companion holds every running call's card
 * itself ({@link CallFollower}); the hold button must not mistake that for the agent's own choice, or it would offer
 * "let it close" on every call and hide "keep it open after the call".
 */
public interface HoldOwnership {

    /** Nobody but the agent ever holds the card: the setting is off. */
    HoldOwnership AGENT_ONLY = snapshot -> false;

    /** Whether the hold on {@code snapshot}'s card (if any) is the companion's alone, not asked for by the agent. */
    boolean companionHoldsAlone(CallSnapshot snapshot);
}
