package io.callcard.call;

/** The agent's view of a call, derived from {@link CallSnapshot}; each phase gets its own look. */
public enum CallDisplayState {
    /** No call since the companion started. */
    NO_CALL,
    /** A card is open for a call that has not started ringing (an outgoing call before dialling). */
    READY,
    CONNECTING,
    CONNECTED,
    /**
     * The call ended, not known to have failed: it succeeded (code 200, or talked), or its outcome is still pending or
     * cannot be learned ({@link CallSnapshot#outcome()} says which).
     */
    ENDED,
    /** The call ended with a failure code (busy, missed, declined, ...). */
    FAILED
}
