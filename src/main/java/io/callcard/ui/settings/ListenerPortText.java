package io.callcard.ui.settings;

import java.util.OptionalInt;
import java.util.regex.Pattern;

/** The listener port as typed: a whole number from 1 to 65535, nothing else. */
final class ListenerPortText {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

    private ListenerPortText() {
    }

    static OptionalInt parse(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (!DIGITS.matcher(text).matches()) {
            return OptionalInt.empty();
        }
        int port = Integer.parseInt(text);
        return port >= 1 && port <= 65535 ? OptionalInt.of(port) : OptionalInt.empty();
    }

    /** The message key of what is wrong with {@code typed}, or null when it is a port. */
    static String problemKey(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return "settings.port.empty";
        }
        if (!text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "settings.port.notANumber";
        }
        return parse(text).isPresent() ? null : "settings.port.outOfRange";
    }
}
