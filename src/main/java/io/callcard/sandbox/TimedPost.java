package io.callcard.sandbox;

/** Something a scenario pass sends at a moment of scenario time: a widget post or a server-side telephony event. */
public interface TimedPost {

    /** Milliseconds after the start of the pass, in scenario time (before any speed-up). */
    long atMillis();
}
