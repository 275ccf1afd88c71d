package io.callcard.sandbox.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.callcard.sandbox.CardBehaviour;
import io.callcard.sandbox.RenderedPass;
import io.callcard.sandbox.Scenario;
import io.callcard.sandbox.TelephonyEventPost;
import io.callcard.threads.BackgroundThreads;
import io.callcard.wire.CallCardEventName;
import io.callcard.wire.CardCallState;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a scenario on the call card of the seed transport ({@code sandbox serve --legacy-placement-rest}): pass after
 * pass, the {@link SandboxCallCard} shows each call as the scenario has it, so {@code placement.call getStatus} answers
 * the live card, and every HANDLER bound with {@code placement.bindEvent} receives the card's events as they happen,
 * as the seed pages document them: CallStateChanged {@code [state, {failedCode}]}, EntityChanged {@code [{...}]},
 * BeforeClose {@code []} (see {@link LegacyCardSteps}). Pass {@code n} (from 0) is rendered with seed
 * {@code seed + n}, as the widget player does, so both show the same calls.
 *
 * <p>Each card's close is acted out by Bitrix24's rules (protocol.md §2): BeforeClose at every attempt; a card nobody
 * holds closes; a held one (the agent's own hold, or {@code disableAutoClose}) stays 65 s more (scaled by
 * {@code speed}), a countdown that {@code disableAutoClose} starts again, fires BeforeClose again at the real close,
 * and closes at once on {@code enableAutoClose} once the call is over. Everything after a card that closed late (or
 * early) moves by as much. A card whose call had not gone idle by its close goes idle first: the documented card
 * always says so.
 *
 * <p>One daemon thread, {@value #THREAD_NAME}, posts strictly in order (a post waits for the handlers to answer).
 * {@link #close()} wakes it and waits for a post in flight.
 */
public final class LegacyCallCardPlayer implements AutoCloseable {

    public static final String THREAD_NAME = "sandbox-legacy-card";
    /** How long a held card stays after its close attempt: Bitrix24's 65-second rule, in scenario time. */
    static final long HELD_CARD_MILLIS = 65_000;

    private static final Logger log = LoggerFactory.getLogger(LegacyCallCardPlayer.class);
    /** A post to a handler times out after 2 s (CallCardEventPoster); closing waits for one, and a little more. */
    private static final Duration JOIN = Duration.ofSeconds(5);

    private final SandboxRestServer server;
    private final SandboxCallCard card;
    private final Scenario scenario;
    private final long seed;
    private final double speed;
    private final AtomicLong eventsPosted = new AtomicLong();
    private final AtomicLong cardsClosed = new AtomicLong();
    private final Object lifecycle = new Object();
    private volatile boolean stopped;
    private Thread thread;
    /** Whether each played call's record is written into the server's statistics (off when another player does). */
    private volatile boolean recordsCalls = true;

    public LegacyCallCardPlayer(SandboxRestServer server, Scenario scenario, long seed, double speed) {
        if (!(speed > 0) || Double.isInfinite(speed)) { // also rejects NaN
            throw new IllegalArgumentException("speed must be a finite number > 0: " + speed);
        }
        this.server = Objects.requireNonNull(server, "server");
        this.card = server.callCard();
        // the seed transport is the documented interface: the portal posts the card's events to the bound handlers
        // itself, so nothing goes with a widget's iframe, and the state change carries its failedCode (protocol.md §1)
        this.scenario = Objects.requireNonNull(scenario, "scenario").withCardBehaviour(CardBehaviour.DOCUMENTED);
        this.seed = seed;
        this.speed = speed;
    }

    /**
     * Leaves the server's statistics alone: under {@code sandbox serve --push-to} the widget's sandbox portal plays the
     * same calls and writes their records. Before {@link #start()}.
     */
    public LegacyCallCardPlayer withoutCallRecords() {
        recordsCalls = false;
        return this;
    }

    /** Starts playing; once only, and not after {@link #close()}. */
    public void start() {
        synchronized (lifecycle) {
            if (stopped) {
                throw new IllegalStateException("the player is closed");
            }
            if (thread != null) {
                throw new IllegalStateException("the player is already started");
            }
            RenderedPass firstPass = scenario.renderPass(seed); // a scenario that cannot render fails here, not later
            thread = BackgroundThreads.start(THREAD_NAME, () -> play(firstPass));
        }
        log.info("Seed transport call card plays scenario '{}' (seed {}, speed {}x)", scenario.name(), seed, speed);
    }

    /** CallCard events posted so far (each once, whatever number of handlers received it). */
    public long eventsPosted() {
        return eventsPosted.get();
    }

    /** Cards that have closed so far. */
    public long cardsClosed() {
        return cardsClosed.get();
    }

    @Override
    public void close() {
        Thread running;
        synchronized (lifecycle) {
            if (stopped && thread == null) {
                return;
            }
            stopped = true;
            running = thread;
            thread = null;
        }
        card.wake();
        if (running == null || running == Thread.currentThread()) {
            return;
        }
        try {
            running.join(JOIN.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        if (running.isAlive()) {
            running.interrupt();
            log.warn("The seed transport's call card did not stop within {} ms", JOIN.toMillis());
        }
    }

    private void play(RenderedPass firstPass) {
        try {
            RenderedPass pass = firstPass;
            long passStart = System.nanoTime();
            for (long n = 0; ; n++) {
                if (n > 0) {
                    pass = scenario.renderPass(seed + n);
                }
                long shift = 0; // how much later than rendered the pass runs since a card closed late (or early)
                for (LegacyCardSteps.Step step : LegacyCardSteps.of(pass, scenario)) {
                    long due = passStart + scaledNanos(step.atMillis()) + shift;
                    if (card.awaitUntil(due, () -> stopped) == SandboxCallCard.Wake.STOPPED) {
                        return;
                    }
                    if (step instanceof LegacyCardSteps.Close close) {
                        recordEnd(pass, card.callId());
                        long closedAt = close(close, due);
                        if (stopped) {
                            return;
                        }
                        shift = closedAt - (passStart + scaledNanos(close.closedAtMillis()));
                    } else {
                        act(step);
                    }
                }
                long nextStart = passStart + scaledNanos(pass.nextPassAtMillis()) + shift;
                passStart = Math.max(nextStart, System.nanoTime());
            }
        } catch (InterruptedException interrupted) {
            // close() gave up waiting for a post in flight
        } finally {
            card.close();
        }
    }

    private void act(LegacyCardSteps.Step step) {
        if (step instanceof LegacyCardSteps.Show show) {
            card.show(show.status());
        } else if (step instanceof LegacyCardSteps.StateChange change) {
            changeState(change.state(), change.params());
        } else if (step instanceof LegacyCardSteps.EntityChange entity) {
            card.entityChanged(entity.entity());
            post(CallCardEventName.ENTITY_CHANGED, Json.array().add(entity.entity()));
        }
    }

    private void changeState(CardCallState state, JsonNode params) {
        card.changeState(state);
        post(CallCardEventName.CALL_STATE_CHANGED, Json.array().add(state.wireName()).add(params));
    }

    /**
     * Acts out a close attempt due now (see the class comment). Returns when the card closed (System.nanoTime); once
     * stopped, whatever it got to.
     */
    private long close(LegacyCardSteps.Close close, long due) throws InterruptedException {
        if (card.callId() == null) {
            return due; // the card never opened
        }
        if (!card.callOver()) {
            changeState(CardCallState.IDLE, close.failedCode() == null ? Json.object()
                    : Json.object().put("failedCode", close.failedCode()));
        }
        if (close.agentHeld()) {
            card.holdByAgent();
        }
        boolean held = card.attemptClose(due, scaledNanos(HELD_CARD_MILLIS));
        post(CallCardEventName.BEFORE_CLOSE, Json.array());
        long realClose = due;
        if (held) {
            SandboxCallCard.Wake wake = card.awaitUntil(due, () -> stopped);
            if (wake == SandboxCallCard.Wake.STOPPED) {
                return System.nanoTime();
            }
            realClose = wake == SandboxCallCard.Wake.DUE ? card.countdownDeadline() : System.nanoTime();
            post(CallCardEventName.BEFORE_CLOSE, Json.array()); // the real close fires BeforeClose again
        }
        card.close();
        cardsClosed.incrementAndGet();
        return realClose;
    }

    /**
     * The call on the card ends now: its record joins the statistics (a few seconds late, as the server does it), so
     * that {@code voximplant.statistic.get} agrees with what the card showed.
     */
    private void recordEnd(RenderedPass pass, String callId) {
        if (!recordsCalls || callId == null) {
            return;
        }
        for (TelephonyEventPost end : pass.telephonyEvents()) {
            if (TelephonyEventSender.CALL_END.equals(end.event()) && callId.equals(end.call().get("CALL_ID"))) {
                long talkedNanos = scaledNanos(end.atMillis() - end.callStartsAtMillis());
                OffsetDateTime startedAt = OffsetDateTime.ofInstant(Instant.now().minusNanos(talkedNanos),
                        ZoneId.systemDefault());
                server.recordCall(end.playedCall(startedAt));
                return;
            }
        }
    }

    private void post(CallCardEventName event, ArrayNode args) {
        server.postEventToBoundHandlers(event.wireName(), args);
        eventsPosted.incrementAndGet();
    }

    private long scaledNanos(long scenarioMillis) {
        return (long) (scenarioMillis * 1_000_000.0 / speed);
    }
}
