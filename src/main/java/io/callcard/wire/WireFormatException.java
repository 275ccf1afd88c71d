package io.callcard.wire;

import java.util.Objects;

/**
 * Something on the wire that no Bitrix24 channel sends: a broken form, a field of an impossible type, a call state
 * outside the three. Each layer decides what that means for it (the listener answers 400, the portal client reports an
 * unexpected answer), so the decoders here only say which {@link Problem} it was.
 */
public final class WireFormatException extends IllegalArgumentException {

    /** What was wrong, so that a caller can choose its answer without reading the message. */
    public enum Problem {
        /** A form body or query string that is not well-formed {@code x-www-form-urlencoded} UTF-8. */
        MALFORMED_FORM,
        /** A JSON value missing where it is required, or of a type no channel sends. */
        INVALID_FIELD,
        /** CALL_STATE missing or not one of {@code idle}, {@code connecting}, {@code connected}. */
        UNKNOWN_CALL_STATE
    }

    private final Problem problem;

    public WireFormatException(Problem problem, String message) {
        super(message);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public Problem problem() {
        return problem;
    }

    static WireFormatException invalidField(String message) {
        return new WireFormatException(Problem.INVALID_FIELD, message);
    }
}
