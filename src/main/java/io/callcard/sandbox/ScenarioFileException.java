package io.callcard.sandbox;

import java.util.Objects;

/**
 * A scenario file that cannot be played, with where it went wrong: the file (a path, or {@code built-in NAME}), the
 * call (counted from 1, as in {@code "same as call N"}; 0 when the fault is outside the calls) and the field. The
 * message says all three in words a user can act on, so it is meant to be shown as is, without a stack trace.
 */
public final class ScenarioFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int callNumber;
    private final String field;

    public ScenarioFileException(String file, int callNumber, String field, String problem) {
        super(describe(file, callNumber, field, problem));
        this.file = Objects.requireNonNull(file, "file");
        this.callNumber = callNumber;
        this.field = field;
    }

    /** The file as the user named it. */
    public String file() {
        return file;
    }

    /** The call at fault, from 1; 0 when the fault is not inside a call. */
    public int callNumber() {
        return callNumber;
    }

    /** The field at fault, or null when the file as a whole is (unreadable, not JSON). */
    public String field() {
        return field;
    }

    private static String describe(String file, int callNumber, String field, String problem) {
        StringBuilder where = new StringBuilder("Scenario file ").append(file);
        if (callNumber > 0) {
            where.append(", call ").append(callNumber);
        }
        if (field != null) {
            where.append(", field \"").append(field).append('"');
        }
        return where.append(": ").append(problem).toString();
    }
}
