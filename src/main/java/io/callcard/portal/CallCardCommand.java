package io.callcard.portal;

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
}
