package io.callcard.history;

/**
 * How a call in the history ended, in the words an agent reviewing the day uses. Which failure codes and which
 * facts lead to which outcome is decided in one place, {@link Outcomes}.
 */
public enum Outcome {
    /** Talked: connected (incoming or outgoing), whatever the code said afterwards. */
    ANSWERED,
    /**
     * Rang and was never answered: an incoming call nobody took (or the caller gave up), an outgoing one the other side
     * never answered (code 304).
     */
    MISSED,
    /** The other side was busy. */
    BUSY,
    /** Refused: by the agent, the other side or the line's rules. */
    DECLINED,
    /** An outgoing call the agent stopped before it connected. */
    CANCELLED,
    /** It could not be made: network, number, balance, the portal's own errors. */
    FAILED,
    /** Not ended yet, or its end was never heard. */
    IN_PROGRESS
}
