package io.callcard.call;

import java.util.Objects;

/** Why a {@link CallCardChannel} command did not complete: a typed reason the UI can translate. */
public final class CallCardCommandFailed extends RuntimeException {

    public enum Reason {
        /** No widget page is open: nothing to send the command to. */
        NO_WIDGET,
        /** The card never answered (Bitrix24 silently ignores unknown commands; the page may be gone). */
        TIMED_OUT,
        /** The card answered with an error, e.g. "Call card is undefined". */
        CARD_UNAVAILABLE
    }

    private final Reason reason;
    private final String command;

    public CallCardCommandFailed(Reason reason, String command) {
        super(Objects.requireNonNull(command, "command") + " failed: " + Objects.requireNonNull(reason, "reason"),
                null, false, false);
        this.reason = reason;
        this.command = command;
    }

    public Reason reason() {
        return reason;
    }

    public String command() {
        return command;
    }
}
