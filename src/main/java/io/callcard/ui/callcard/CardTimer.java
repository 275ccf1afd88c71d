package io.callcard.ui.callcard;

import io.callcard.call.CallDirection;
import io.callcard.call.CallDisplayState;
import io.callcard.call.CallSnapshot;
import io.callcard.ui.Messages;
import java.time.Duration;
import java.time.Instant;

/**
 * The time in the call's current state, in words: how long it has been ringing while it connects, the talk time while
 * connected, and after the end the final talk time (the portal's {@code CALL_DURATION} once it said one, see
 * {@link CallSnapshot#talkTime}) or, for a call never answered, how long it rang. Also the held card's close countdown.
 *
 * @param caption what the time is ("Ringing for", "Talk time"); empty when no time is shown
 * @param text    the time, "01:05"; empty when none is shown
 */
record CardTimer(String caption, String text) {

    static final CardTimer NONE = new CardTimer("", "");

    static CardTimer of(CallSnapshot s, Instant now, Messages messages) {
        CallDisplayState phase = s.phase();
        switch (phase) {
            case CONNECTING:
                boolean weDial = s.direction() == CallDirection.OUTGOING || s.direction() == CallDirection.CALLBACK;
                return new CardTimer(messages.get(weDial ? "card.timer.CONNECTING.outgoing"
                        : "card.timer.CONNECTING.incoming"), format(s.ringTime(now)));
            case CONNECTED:
                return new CardTimer(messages.get("card.talkTime"), format(s.talkTime(now)));
            case ENDED:
            case FAILED:
                if (s.wasConnected()) {
                    return new CardTimer(messages.get("card.timer.talked"), format(s.talkTime(now)));
                }
                return s.ringingSince() == null ? NONE
                        : new CardTimer(messages.get("card.timer.rang"), format(s.ringTime(now)));
            default:
                return NONE;
        }
    }

    boolean shown() {
        return !text.isEmpty();
    }

    /** "Card closes in 0:48" while a held card counts down to closing; empty otherwise. */
    static String closeCountdown(CallSnapshot s, Instant now, Messages messages) {
        if (!s.closeCountdownRuns()) {
            return "";
        }
        Duration left = s.closesIn(now);
        if (left.isZero()) {
            return messages.get("card.closeCountdown.now");
        }
        // a second that has begun still counts: 64.2 s left reads 1:05, so 65 shows the moment it starts
        long seconds = (left.toMillis() + 999) / 1000;
        return messages.get("card.closeCountdown", String.format("%d:%02d", seconds / 60, seconds % 60));
    }

    static String format(Duration d) {
        long seconds = d.getSeconds();
        long h = seconds / 3600;
        long m = (seconds % 3600) / 60;
        long sec = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, sec) : String.format("%02d:%02d", m, sec);
    }
}
