package io.callcard.wire;

import java.util.Optional;

/** The call card's events (protocol.md §2), each spelled as {@code placement.bindEvent} takes it. */
public enum CallCardEventName implements WireName {
    CALL_STATE_CHANGED("CallCard::CallStateChanged"),
    ENTITY_CHANGED("CallCard::EntityChanged"),
    BEFORE_CLOSE("CallCard::BeforeClose");

    private final String wireName;

    CallCardEventName(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** The event spelled exactly {@code name}, or empty: the card knows no other spelling. */
    public static Optional<CallCardEventName> ofWireName(String name) {
        return WireName.find(values(), name);
    }
}
