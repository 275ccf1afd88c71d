package io.callcard.wire;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The ports a listener of ours (the companion's, the sandbox portal's) may be given: {@value #MIN} to {@value #MAX}
 * in settings and in the settings window, and {@value #ANY} too where the system may pick a free one (the command
 * line, the tests). One rule, so that a port the window accepts is one the settings file and the listener accept.
 */
public final class ListenerPort {

    /** Asks the system for any free port. */
    public static final int ANY = 0;
    public static final int MIN = 1;
    public static final int MAX = 65_535;

    /** Why a typed port is not one, for the caller to word (the settings window has a message for each). */
    public enum Problem { EMPTY, NOT_A_NUMBER, OUT_OF_RANGE }

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private ListenerPort() {
    }

    /** {@value #MIN}..{@value #MAX}: a port to keep in settings. */
    public static boolean isPort(long port) {
        return port >= MIN && port <= MAX;
    }

    /** {@value #ANY}..{@value #MAX}: a port to bind, where {@value #ANY} picks a free one. */
    public static boolean isPortOrAny(long port) {
        return port == ANY || isPort(port);
    }

    /**
     * Returns {@code port} when {@link #isPortOrAny}; else throws {@link IllegalArgumentException} saying
     * "{@code N} is not a port (0 to 65535)".
     */
    public static int requirePortOrAny(int port) {
        if (!isPortOrAny(port)) {
            throw new IllegalArgumentException(port + " is not a port (" + ANY + " to " + MAX + ")");
        }
        return port;
    }

    /** The port in {@code typed} (surrounding blanks allowed), or empty when {@link #problem} has a reason. */
    public static OptionalInt parse(String typed) {
        if (problem(typed).isPresent()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(typed.strip()));
    }

    /** What is wrong with {@code typed} as a port to keep in settings, or empty when it is one. */
    public static Optional<Problem> problem(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return Optional.of(Problem.EMPTY);
        }
        if (!DIGITS.matcher(text).matches()) {
            return Optional.of(Problem.NOT_A_NUMBER);
        }
        boolean inRange = text.length() <= 18 && isPort(Long.parseLong(text)); // 18 digits always fit a long
        return inRange ? Optional.empty() : Optional.of(Problem.OUT_OF_RANGE);
    }
}
