package io.callcard.call;

/**
 * What a subscriber of {@link CallTracker} receives: the event and the snapshots either side of it. {@code previous}
 * lets the history close a call that a new CALL_ID replaced without ever saying it ended.
 */
public record CallUpdate(CallEvent event, CallSnapshot previous, CallSnapshot current) {

    public boolean startedNewCall() {
        return current.callId() != null && !current.callId().equals(previous.callId());
    }
}
