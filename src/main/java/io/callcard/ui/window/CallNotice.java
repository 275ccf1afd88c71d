package io.callcard.ui.window;

import java.util.Objects;

/**
 * One desktop notification about a call, in the agent's words.
 *
 * @param kind   why it is raised
 * @param callId the call it is about; a call raises each kind at most once
 * @param title  the first line ("Incoming call")
 * @param text   who: the CRM name when known, else the number for reading (and, for a failure, why)
 */
public record CallNotice(Kind kind, String callId, String title, String text) {

    /** The calls an agent away from the window wants to hear about. */
    public enum Kind {
        /** An incoming call is ringing. */
        INCOMING,
        /** An incoming call rang and ended without being answered. */
        MISSED,
        /** A call ended with a failure code (busy, declined, no route, ...), other than a missed incoming call. */
        FAILED
    }

    public CallNotice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
    }
}
