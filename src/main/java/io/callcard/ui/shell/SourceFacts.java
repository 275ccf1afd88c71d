package io.callcard.ui.shell;

import java.time.Instant;
import java.util.Objects;

/**
 * What the application really knows about where the card's data comes from, at one moment: gathered by the
 * application from the listener, the sandbox, the seed transport and the call state, and turned into words by
 * {@link SourceLine}. Plain values; an instant is null when that channel was never heard from.
 *
 * @param listening        whether the listener runs (nothing is heard while it starts or when it could not)
 * @param sandbox          whether the built-in sandbox portal is what talks to the companion
 * @param widgetHeard      the last message of a proven widget page (the widget bridge)
 * @param widgetOpen       whether a proven widget page is open now: a call card is on the agent's screen
 * @param serverHeard      the last accepted telephony event post of the portal's server
 * @param seedHeard        the last answered {@code getStatus} of the seed REST transport (or event it bound)
 * @param seed             how the seed REST transport's one try went
 * @param seedCardShown    whether the seed transport's last {@code getStatus} showed a card
 * @param widgetEverLoaded whether this computer's browser ever loaded the widget for the configured portal (its
 *                         {@code member_id} was saved then); always true in the sandbox
 * @param widgetMissedCall whether the portal's server events told of an answered call no widget reported, and no
 *                         widget spoke since
 * @param callRunning      whether the card shows a call that has not ended
 */
public record SourceFacts(Listening listening, boolean sandbox, Instant widgetHeard, boolean widgetOpen,
                          Instant serverHeard, Instant seedHeard, SeedTransport seed, boolean seedCardShown,
                          boolean widgetEverLoaded, boolean widgetMissedCall, boolean callRunning) {

    /** Whether the listener runs. */
    public enum Listening { STARTING, LISTENING, FAILED }

    /** The seed REST transport (protocol.md §1): tried once at start-up with a configured portal. */
    public enum SeedTransport {
        /** Not tried: the sandbox plays, or no portal is configured, or its try has not been answered yet. */
        NOT_TRIED,
        /** The portal answers {@code placement.call}: it is a live channel. */
        LIVE,
        /** The portal refuses {@code placement.call} (today's portals): the widget is the only card channel. */
        REFUSED,
        /** The try failed otherwise (unreachable, credentials refused). */
        FAILED
    }

    /** Before the listener started: nothing heard. */
    public static final SourceFacts STARTING = new SourceFacts(Listening.STARTING, false, null, false, null, null,
            SeedTransport.NOT_TRIED, false, false, false, false);

    public SourceFacts {
        Objects.requireNonNull(listening, "listening");
        Objects.requireNonNull(seed, "seed");
    }
}
