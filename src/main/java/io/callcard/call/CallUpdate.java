package io.callcard.call;

import java.util.Objects;

/**
 * What a subscriber of {@link CallTracker} receives: the event and the snapshots either side of it. {@code previous}
 * lets the history close a call that a new CALL_ID replaced without ever saying it ended.
 */
public record CallUpdate(CallEvent event, CallSnapshot previous, CallSnapshot current) {

    /**
     * Whether {@code current} is another call than {@code previous}: a new CALL_ID, or the same CALL_ID that Bitrix24
     * reused for a new call after the old one ended (the reducer then starts it afresh, with a new {@code openedAt}).
     */
    public boolean startedNewCall() {
        return current.callId() != null
                && (!current.callId().equals(previous.callId())
                        || !Objects.equals(current.openedAt(), previous.openedAt()));
    }
}
