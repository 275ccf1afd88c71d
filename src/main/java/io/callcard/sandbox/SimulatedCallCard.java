package io.callcard.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callcard.wire.CallCardCommand;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The Bitrix24 call card the simulated widget sits in, with the card's auto-close rules: Bitrix24's rules (protocol.md
 * §2a; the 65-second hold of §2). What the widget hears of the card's end is the player's part
 * ({@link SandboxPortal}, by the scenario's {@link CardBehaviour}); this class keeps the hold. The widget's
 * posts keep it up to date (the status it shows, the call's end, its close); the companion's commands act on it from
 * the command poller thread; the portal's player waits on it while the card closes. Thread-safe: one monitor.
 *
 * <p>The rules: {@code disableAutoClose} holds the card, and if the held-close countdown already runs it starts again
 * from {@link #HELD_CARD_MILLIS}. {@code enableAutoClose} lifts the hold; once the call is over it also asks the card
 * to close at once ({@link Wake#CLOSE_NOW}), as soon as its answer was sent ({@link #answerSent}). Without a card every command answers "Call card is undefined"; an unknown
 * command gets no answer at all ({@code null}), as in Bitrix24.
 */
final class SimulatedCallCard {

    /** How long a held card stays after a close attempt: Bitrix24's 65-second rule, in scenario time. */
    static final long HELD_CARD_MILLIS = ScenarioRenderer.HELD_CARD_MILLIS;

    /** Why {@link #awaitUntil} returned. */
    enum Wake { DUE, CLOSE_NOW, STOPPED }

    private final double speed;
    private final LongSupplier nanoClock;
    private ObjectNode status;
    private boolean held;
    private boolean callOver;
    private boolean closeNow;
    /** enableAutoClose was answered with the call over: the card closes once that answer is on its way. */
    private boolean closeAfterAnswer;
    private boolean stopped;
    /** System.nanoTime of the held card's real close while the countdown runs, else 0. */
    private long countdownDeadline;

    /** @param speed the scenario speed: the 65 s of a held card pass {@code speed} times faster */
    SimulatedCallCard(double speed, LongSupplier nanoClock) {
        this.speed = speed;
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /** The card shows {@code getStatus}; a new CALL_ID is a new card, which starts unheld. */
    synchronized void show(JsonNode getStatus) {
        String callId = getStatus.path("CALL_ID").asText();
        if (status == null || !status.path("CALL_ID").asText().equals(callId)) {
            held = false;
            callOver = false;
            closeNow = false;
            closeAfterAnswer = false;
            countdownDeadline = 0;
        }
        status = ((ObjectNode) getStatus).deepCopy();
    }

    /** The current getStatus object, or null with no card. */
    synchronized ObjectNode status() {
        return status == null ? null : status.deepCopy();
    }

    /**
     * The call went idle: from now on enableAutoClose closes the card at once. Told by the player at the call's end,
     * and again by the widget's idle post when that is delivered.
     */
    synchronized void callEnded() {
        callOver = true;
    }

    /** The agent holds the card in the portal itself (the scenario's {@code holdCardOpen}). */
    synchronized void holdByAgent() {
        held = true;
    }

    synchronized boolean held() {
        return held;
    }

    /**
     * A close attempt at {@code fromNanos}: a held card stays, its real close {@link #HELD_CARD_MILLIS} later. Decided
     * in one step, before the attempt's BeforeClose is posted, so a command the companion sends on seeing that post
     * finds the countdown running.
     *
     * @return whether the card was held and the countdown runs
     */
    synchronized boolean attemptClose(long fromNanos) {
        if (held) {
            countdownDeadline = fromNanos + scaledNanos(HELD_CARD_MILLIS);
        }
        return held;
    }

    /** The held card closes for real now: the countdown is over. */
    synchronized void stopCountdown() {
        countdownDeadline = 0;
    }

    /** When the held card closes for real, or 0 while no countdown runs. */
    synchronized long countdownDeadline() {
        return countdownDeadline;
    }

    /** The card is gone: commands answer "Call card is undefined" until the next card. */
    synchronized void closed() {
        status = null;
        held = false;
        callOver = false;
        closeNow = false;
        closeAfterAnswer = false;
        countdownDeadline = 0;
        notifyAll();
    }

    /** Runs a command; see the class comment for what each answers. */
    synchronized JsonNode command(String name) {
        CallCardCommand command = CallCardCommand.ofWireName(name).orElse(null);
        if (command == null) {
            return null;
        }
        if (status == null) {
            ArrayNode error = JsonNodeFactory.instance.arrayNode();
            error.addObject().put("result", "error").put("errorCode", "Call card is undefined");
            return error;
        }
        if (command == CallCardCommand.GET_STATUS) {
            return status.deepCopy();
        }
        if (command == CallCardCommand.DISABLE_AUTO_CLOSE) {
            held = true;
            if (countdownDeadline != 0) {
                countdownDeadline = nanoClock.getAsLong() + scaledNanos(HELD_CARD_MILLIS);
            }
        } else {
            held = false;
            closeAfterAnswer = callOver;
        }
        notifyAll();
        return JsonNodeFactory.instance.arrayNode();
    }

    /**
     * The page posted the answer to the last command. A card told to close (enableAutoClose after the call) closes
     * only now: in Bitrix24 the command's callback runs before the card goes, so the page's result is sent before
     * its close, and the companion hears the answer rather than losing the command with the page.
     */
    synchronized void answerSent() {
        if (closeAfterAnswer) {
            closeAfterAnswer = false;
            closeNow = true;
            notifyAll();
        }
    }

    /**
     * Waits until {@code deadlineNanos}, or while a held-close countdown runs until its (possibly reset) deadline;
     * returns early when the card must close at once or the portal stops.
     */
    synchronized Wake awaitUntil(long deadlineNanos) throws InterruptedException {
        while (true) {
            if (stopped) {
                return Wake.STOPPED;
            }
            if (closeNow) {
                return Wake.CLOSE_NOW;
            }
            long deadline = countdownDeadline != 0 ? countdownDeadline : deadlineNanos;
            long remaining = deadline - nanoClock.getAsLong();
            if (remaining <= 0) {
                return Wake.DUE;
            }
            wait(remaining / 1_000_000, (int) (remaining % 1_000_000));
        }
    }

    /** The portal stops: every wait returns at once. */
    synchronized void stop() {
        stopped = true;
        notifyAll();
    }

    private long scaledNanos(long scenarioMillis) {
        return (long) (scenarioMillis * 1_000_000.0 / speed);
    }
}
