package io.callcard.ui.shell;

import java.util.Objects;

/**
 * What the source line says, before it is put into words of a language ({@link SourceViewModel} does that): the
 * channel the card's data comes from and how long ago it was heard, or why nothing is heard (and when something was
 * last heard). Equal words make an equal line, so the application hands the window a new one only when it changes.
 *
 * @param kind    how the line looks
 * @param channel the channel named: the live one, or the one heard last when nothing is live; null when none
 * @param age     how long ago {@code channel} was heard; null with it
 * @param silence why nothing is heard; null while a channel is live
 */
public record SourceWords(Kind kind, Channel channel, Age age, Silence silence) {

    /** How the line looks (a pseudo-class each): a live channel, or nothing heard. */
    public enum Kind { LIVE, SILENT }

    /** A channel as the agent reads it; the sandbox's are named as the sandbox's. */
    public enum Channel { WIDGET_BRIDGE, SANDBOX_WIDGET, SERVER_EVENTS, SANDBOX_SERVER_EVENTS, SEED_TRANSPORT }

    /** Why nothing is heard, from what the application knows; each has its own words. */
    public enum Silence {
        /** The listener is starting. */
        STARTING,
        /** The listener could not start: nothing can reach the companion (the status line says why). */
        NOT_LISTENING,
        /** The sandbox plays, and no simulated card is open between its calls. */
        SANDBOX_NO_CARD,
        /** The widget has loaded here before, and no card is open now. */
        NO_CARD,
        /** No widget has ever loaded on this computer for the configured portal: it may not be installed. */
        WIDGET_NEVER_LOADED,
        /** An answered call reached only the server events and no widget ever loaded here: it is not installed. */
        WIDGET_NOT_INSTALLED,
        /** An answered call reached only the server events, though the widget loaded before: not the first tab. */
        WIDGET_NOT_FIRST_TAB,
        /** The portal refuses {@code placement.call} and no widget ever loaded here. */
        SEED_REFUSED
    }

    /** An age in whole units, rounded down; {@link Unit#NOW} under {@link SourceLine#JUST_NOW}. */
    public record Age(Unit unit, long amount) {
        public enum Unit { NOW, SECONDS, MINUTES, HOURS }

        public Age {
            Objects.requireNonNull(unit, "unit");
        }
    }

    public SourceWords {
        Objects.requireNonNull(kind, "kind");
        if ((channel == null) != (age == null)) {
            throw new IllegalArgumentException("a channel goes with its age");
        }
        if (kind == Kind.LIVE && channel == null || kind == Kind.SILENT && silence == null) {
            throw new IllegalArgumentException("a live line names its channel, a silent one says why");
        }
    }
}
