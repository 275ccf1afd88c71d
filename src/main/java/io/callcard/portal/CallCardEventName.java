package io.callcard.portal;

/** The call card's events (PROTOCOL.md §2), each spelled as {@code placement.bindEvent} takes it. */
public enum CallCardEventName {
    CALL_STATE_CHANGED("CallCard::CallStateChanged"),
    ENTITY_CHANGED("CallCard::EntityChanged"),
    BEFORE_CLOSE("CallCard::BeforeClose");

    private final String wireName;

    CallCardEventName(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
