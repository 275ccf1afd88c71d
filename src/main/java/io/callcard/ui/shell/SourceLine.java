package io.callcard.ui.shell;

import io.callcard.ui.shell.SourceWords.Age;
import io.callcard.ui.shell.SourceWords.Channel;
import io.callcard.ui.shell.SourceWords.Kind;
import io.callcard.ui.shell.SourceWords.Silence;
import java.time.Duration;
import java.time.Instant;

/**
 * Decides what the source line says from {@link SourceFacts}: pure, so every case is tested without threads or a
 * window. A channel is live while it shows a card: a proven widget page open, or the seed transport's poll seeing a
 * card; failing those, the portal's server events while the call they told of runs. The live channel heard last is
 * named. With none live the line says why, from what the application knows, and which channel it heard last.
 */
public final class SourceLine {

    /**
     * Ages under this read "just now": a widget polls every second, and a line flickering between "0 s" and "1 s"
     * would say nothing more (and cost a redraw a second).
     */
    public static final Duration JUST_NOW = Duration.ofSeconds(5);
    private static final long AGE_STEP_SECONDS = 5;

    private SourceLine() {
    }

    public static SourceWords describe(SourceFacts f, Instant now) {
        if (f.listening() == SourceFacts.Listening.STARTING) {
            return silent(Silence.STARTING, null, null, now);
        }
        if (f.listening() == SourceFacts.Listening.FAILED) {
            return silent(Silence.NOT_LISTENING, null, null, now);
        }
        Channel widget = f.sandbox() ? Channel.SANDBOX_WIDGET : Channel.WIDGET_BRIDGE;
        Channel server = f.sandbox() ? Channel.SANDBOX_SERVER_EVENTS : Channel.SERVER_EVENTS;
        Channel live = null;
        Instant liveHeard = null;
        if (f.widgetOpen() && f.widgetHeard() != null) {
            live = widget;
            liveHeard = f.widgetHeard();
        }
        if (f.seed() == SourceFacts.SeedTransport.LIVE && f.seedCardShown() && f.seedHeard() != null
                && (liveHeard == null || f.seedHeard().isAfter(liveHeard))) {
            live = Channel.SEED_TRANSPORT;
            liveHeard = f.seedHeard();
        }
        if (live == null && f.callRunning() && f.serverHeard() != null) {
            live = server;
            liveHeard = f.serverHeard();
        }
        if (live != null) {
            return new SourceWords(Kind.LIVE, live, age(liveHeard, now), null);
        }
        // nothing live: name the channel heard last, if any
        Channel last = null;
        Instant lastHeard = null;
        if (f.widgetHeard() != null) {
            last = widget;
            lastHeard = f.widgetHeard();
        }
        if (f.serverHeard() != null && (lastHeard == null || f.serverHeard().isAfter(lastHeard))) {
            last = server;
            lastHeard = f.serverHeard();
        }
        if (f.seedHeard() != null && (lastHeard == null || f.seedHeard().isAfter(lastHeard))) {
            last = Channel.SEED_TRANSPORT;
            lastHeard = f.seedHeard();
        }
        return silent(silence(f), last, lastHeard, now);
    }

    /** Why nothing is heard, the most telling reason first. */
    private static Silence silence(SourceFacts f) {
        if (f.sandbox()) {
            return Silence.SANDBOX_NO_CARD;
        }
        if (f.widgetMissedCall()) {
            return f.widgetEverLoaded() ? Silence.WIDGET_NOT_FIRST_TAB : Silence.WIDGET_NOT_INSTALLED;
        }
        if (f.widgetEverLoaded()) {
            return Silence.NO_CARD;
        }
        return f.seed() == SourceFacts.SeedTransport.REFUSED ? Silence.SEED_REFUSED : Silence.WIDGET_NEVER_LOADED;
    }

    private static SourceWords silent(Silence why, Channel last, Instant lastHeard, Instant now) {
        return new SourceWords(Kind.SILENT, last, last == null ? null : age(lastHeard, now), why);
    }

    /**
     * {@code heard} to {@code now}, in the largest whole unit; a time ahead of {@code now} reads "just now". Seconds go
     * in steps of five: the line then changes (and the window lays itself out and draws) every five seconds while
     * nothing is heard, not every second, and no agent needs the age to the second.
     */
    static Age age(Instant heard, Instant now) {
        Duration ago = Duration.between(heard, now);
        if (ago.compareTo(JUST_NOW) < 0) {
            return new Age(Age.Unit.NOW, 0);
        }
        if (ago.toMinutes() < 1) {
            return new Age(Age.Unit.SECONDS, ago.toSeconds() / AGE_STEP_SECONDS * AGE_STEP_SECONDS);
        }
        if (ago.toHours() < 1) {
            return new Age(Age.Unit.MINUTES, ago.toMinutes());
        }
        return new Age(Age.Unit.HOURS, ago.toHours());
    }
}
