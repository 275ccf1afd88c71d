package io.callcard.portal;

import io.callcard.call.CallDirection;

/** {@code CALL_TYPE} of the portal's call history and telephony events (protocol.md §4). */
public enum PortalCallType {
    OUTGOING(1, CallDirection.OUTGOING),
    INCOMING(2, CallDirection.INCOMING),
    INCOMING_REDIRECTED(3, CallDirection.INCOMING_TRANSFER),
    CALLBACK(4, CallDirection.CALLBACK),
    /** An automated outgoing call that plays a message. */
    INFO_CALL(5, CallDirection.OUTGOING),
    /** Absent, or a code this build does not know. */
    UNKNOWN(0, CallDirection.UNKNOWN);

    private final int code;
    private final CallDirection direction;

    PortalCallType(int code, CallDirection direction) {
        this.code = code;
        this.direction = direction;
    }

    public int code() {
        return code;
    }

    /** Which way the call went, in the call card's terms. */
    public CallDirection direction() {
        return direction;
    }

    public static PortalCallType of(Long code) {
        if (code != null) {
            for (PortalCallType t : values()) {
                if (t != UNKNOWN && t.code == code) {
                    return t;
                }
            }
        }
        return UNKNOWN;
    }
}
