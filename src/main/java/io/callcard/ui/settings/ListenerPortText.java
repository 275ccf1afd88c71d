package io.callcard.ui.settings;

import io.callcard.wire.ListenerPort;
import java.util.OptionalInt;

/** The listener port as typed, by {@link ListenerPort}'s rule, and the message that says what is wrong with it. */
final class ListenerPortText {

    private ListenerPortText() {
    }

    static OptionalInt parse(String typed) {
        return ListenerPort.parse(typed);
    }

    /** The message key of what is wrong with {@code typed}, or null when it is a port. */
    static String problemKey(String typed) {
        return ListenerPort.problem(typed).map(problem -> switch (problem) {
            case EMPTY -> "settings.port.empty";
            case NOT_A_NUMBER -> "settings.port.notANumber";
            case OUT_OF_RANGE -> "settings.port.outOfRange";
        }).orElse(null);
    }
}
