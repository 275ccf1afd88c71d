package io.callcard.sandbox;

import java.util.Locale;
import java.util.Optional;

/**
 * How the simulated call card delivers its events to the widget: as Bitrix24's own code does (the default), or as the
 * REST documentation describes it, kept for comparison (protocol.md §2 and §2a).
 */
public enum CardBehaviour {

    /**
     * Bitrix24's own code: each event crosses with its first argument only ({@code ["idle"]}, {@code [object]},
     * BeforeClose as {@code [[]]}); a card that closes at once (not held at the end of the call) takes the final idle
     * and BeforeClose with its iframe, so only the page's {@code closed} beacon is heard; a held card delivers the idle
     * and the first BeforeClose, and loses the second one at its real close.
     */
    BITRIX24,

    /**
     * The REST documentation: CallStateChanged with {@code [state, {failedCode}]}, BeforeClose as {@code []}, and the
     * final idle and every BeforeClose delivered before {@code closed}.
     */
    DOCUMENTED;

    /** As a scenario file writes it. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<CardBehaviour> ofFileName(String text) {
        for (CardBehaviour behaviour : values()) {
            if (behaviour.fileName().equals(text)) {
                return Optional.of(behaviour);
            }
        }
        return Optional.empty();
    }
}
