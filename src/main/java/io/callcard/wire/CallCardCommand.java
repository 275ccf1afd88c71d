package io.callcard.wire;

import java.util.Optional;

/** The call card's commands (protocol.md §2), each spelled as {@code placement.call} takes it. */
public enum CallCardCommand implements WireName {
    GET_STATUS("getStatus"),
    ENABLE_AUTO_CLOSE("enableAutoClose"),
    DISABLE_AUTO_CLOSE("disableAutoClose");

    private final String wireName;

    CallCardCommand(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** The command spelled exactly {@code name}, or empty: the card knows no other spelling. */
    public static Optional<CallCardCommand> ofWireName(String name) {
        return WireName.find(values(), name);
    }
}
