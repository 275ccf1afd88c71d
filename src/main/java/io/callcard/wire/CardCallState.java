package io.callcard.wire;

import java.util.Locale;
import java.util.Optional;

/** The call card's own three states (protocol.md §2): {@code idle} means no connection, before or after a call. */
public enum CardCallState implements WireName {
    IDLE,
    CONNECTING,
    CONNECTED;

    /** Lenient: trims and ignores case, because every channel spells it its own way. */
    public static Optional<CardCallState> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "idle" -> Optional.of(IDLE);
            case "connecting" -> Optional.of(CONNECTING);
            case "connected" -> Optional.of(CONNECTED);
            default -> Optional.empty();
        };
    }

    @Override
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
