package io.callcard.wire;

import java.util.Optional;

/** The call card's commands (PROTOCOL.md §2), each spelled as {@code placement.call} takes it. */
public enum CallCardCommand {
    GET_STATUS("getStatus"),
    ENABLE_AUTO_CLOSE("enableAutoClose"),
    DISABLE_AUTO_CLOSE("disableAutoClose");

    private final String wireName;

    CallCardCommand(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The command spelled exactly {@code name}, or empty: the card knows no other spelling. */
    public static Optional<CallCardCommand> ofWireName(String name) {
        for (CallCardCommand command : values()) {
            if (command.wireName.equals(name)) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }
}
