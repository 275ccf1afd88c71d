package io.callcard.call;

import java.util.Locale;

/** Which way a call goes. {@code UNKNOWN} until a channel tells us. */
public enum CallDirection {
    INCOMING,
    OUTGOING,
    INCOMING_TRANSFER,
    CALLBACK,
    UNKNOWN;

    /** The call card's spelling: {@code incoming}, {@code outgoing}, {@code incomingTransfer}, {@code callback}. */
    public static CallDirection parse(String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "incoming" -> INCOMING;
            case "outgoing" -> OUTGOING;
            case "incomingtransfer" -> INCOMING_TRANSFER;
            case "callback" -> CALLBACK;
            default -> UNKNOWN;
        };
    }
}
