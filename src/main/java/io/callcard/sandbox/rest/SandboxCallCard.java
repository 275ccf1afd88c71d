package io.callcard.sandbox.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callcard.wire.CallCardCommand;
import io.callcard.wire.CallCardEventName;
import io.callcard.wire.CardCallState;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * The call card as the seed transport sees it: the current call's getStatus object (or no card), the card's
 * auto-close rules (protocol.md §2), and the HANDLER URLs bound per CallCard event by {@code placement.bindEvent}.
 * The REST server's {@code placement.call} reads and commands it; the {@link LegacyCallCardPlayer} (and tests) set
 * what it shows and wait on it while it closes. Thread-safe: one monitor.
 *
 * <p>The rules: {@code disableAutoClose} holds the card, and if the held-close countdown already runs it starts again
 * from its full length (65 s, scaled by the player's speed). {@code enableAutoClose} lifts the hold; once the call is
 * over and the countdown runs it also closes the card at once ({@link Wake#CLOSE_NOW}); during a call it only lifts
 * the hold.
 */
public final class SandboxCallCard {

    /** Why {@link #awaitUntil} returned. */
    enum Wake { DUE, CLOSE_NOW, STOPPED }

    private ObjectNode status;
    private boolean held;
    private boolean callOver;
    private boolean closeNow;
    /** System.nanoTime of the held card's real close while the countdown runs, else 0. */
    private long countdownDeadline;
    /** The countdown's length in nanoseconds, as the player scaled it. */
    private long countdownNanos;
    private final Map<String, List<String>> handlers = new ConcurrentHashMap<>();

    /**
     * Opens (or updates) the card with a getStatus-shaped object, as in {@code examples/jsif_getstatus_result}. A new
     * CALL_ID is a new card, which starts unheld.
     */
    public synchronized void show(ObjectNode getStatus) {
        Objects.requireNonNull(getStatus, "getStatus");
        String callId = getStatus.path("CALL_ID").asText();
        if (status == null || !status.path("CALL_ID").asText().equals(callId)) {
            resetCard();
        }
        status = getStatus.deepCopy();
    }

    /** The card closed: commands now answer "Call card is undefined". */
    public synchronized void close() {
        status = null;
        resetCard();
        notifyAll();
    }

    /** True after {@code disableAutoClose} (or the agent's own hold) and until {@code enableAutoClose} or the close. */
    public synchronized boolean autoCloseHeld() {
        return held;
    }

    /** The CALL_ID of the card shown now, or null with no card. */
    public synchronized String callId() {
        return status == null ? null : status.path("CALL_ID").asText();
    }

    /** The HANDLER URLs bound to {@code event}, in binding order. */
    public List<String> handlers(String event) {
        return List.copyOf(handlers.getOrDefault(event, List.of()));
    }

    /** The card's call changed state: its getStatus says so at once; going idle ends the call. */
    synchronized void changeState(CardCallState state) {
        if (status == null) {
            return;
        }
        status.put("CALL_STATE", state.wireName());
        if (state == CardCallState.IDLE) {
            callOver = true;
        }
    }

    /** Whether the card's call went idle after it began. */
    synchronized boolean callOver() {
        return callOver;
    }

    /**
     * EntityChanged: the card now names {@code entity}'s number (unless {@code "unknown"}) and primary CRM item, as a
     * campaign card does when it moves on to the next client.
     */
    synchronized void entityChanged(JsonNode entity) {
        if (status == null || entity == null || !entity.isObject()) {
            return;
        }
        String phone = entity.path("PHONE_NUMBER").asText("");
        if (!phone.isEmpty() && !"unknown".equals(phone)) {
            status.put("PHONE_NUMBER", phone);
        }
        status.put("CRM_ENTITY_TYPE", entity.path("CRM_ENTITY_TYPE").asText(""));
        status.put("CRM_ENTITY_ID", entity.path("CRM_ENTITY_ID").asInt(0));
    }

    /** The agent holds the card in the portal itself (the scenario's {@code holdCardOpen}). */
    synchronized void holdByAgent() {
        held = true;
    }

    /**
     * A close attempt at {@code fromNanos}: a held card stays, its real close {@code heldNanos} later. Decided in one
     * step, before the attempt's BeforeClose is posted, so a command sent on seeing that post finds the countdown
     * running.
     *
     * @return whether the card was held and the countdown runs
     */
    synchronized boolean attemptClose(long fromNanos, long heldNanos) {
        countdownNanos = heldNanos;
        if (held) {
            countdownDeadline = fromNanos + heldNanos;
        }
        return held;
    }

    /** When the held card closes for real, or 0 while no countdown runs. */
    synchronized long countdownDeadline() {
        return countdownDeadline;
    }

    /**
     * Runs a command and returns what the JS interface hands its callback: the status object for getStatus, {@code []}
     * for the auto-close commands, or {@code [{"result":"error","errorCode":"Call card is undefined"}]} with no card.
     * Null for an unknown command, which the JS interface ignores silently.
     */
    synchronized JsonNode command(String name) {
        CallCardCommand command = CallCardCommand.ofWireName(name).orElse(null);
        if (command == null) {
            return null;
        }
        if (status == null) {
            ArrayNode error = Json.array();
            error.addObject().put("result", "error").put("errorCode", "Call card is undefined");
            return error;
        }
        if (command == CallCardCommand.GET_STATUS) {
            return status.deepCopy();
        }
        if (command == CallCardCommand.DISABLE_AUTO_CLOSE) {
            held = true;
            if (countdownDeadline != 0) {
                countdownDeadline = System.nanoTime() + countdownNanos;
            }
        } else {
            held = false;
            closeNow = callOver && countdownDeadline != 0;
        }
        notifyAll();
        return Json.array();
    }

    /**
     * Waits until {@code deadlineNanos} (System.nanoTime), or while a held-close countdown runs until its (possibly
     * reset) deadline; returns early when the card must close at once, or as soon as {@code stopped} says so (whoever
     * sets it calls {@link #wake}).
     */
    synchronized Wake awaitUntil(long deadlineNanos, BooleanSupplier stopped) throws InterruptedException {
        while (true) {
            if (stopped.getAsBoolean()) {
                return Wake.STOPPED;
            }
            if (closeNow) {
                return Wake.CLOSE_NOW;
            }
            long deadline = countdownDeadline != 0 ? countdownDeadline : deadlineNanos;
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return Wake.DUE;
            }
            wait(remaining / 1_000_000, (int) (remaining % 1_000_000));
        }
    }

    /** Wakes every {@link #awaitUntil}, so that it looks at its stop condition again. */
    synchronized void wake() {
        notifyAll();
    }

    /** False for an event the call card does not have. */
    boolean bind(String event, String handler) {
        if (CallCardEventName.ofWireName(event).isEmpty()) {
            return false;
        }
        List<String> bound = handlers.computeIfAbsent(event, e -> new CopyOnWriteArrayList<>());
        if (!bound.contains(handler)) {
            bound.add(handler); // binding the same handler twice keeps one, as event.bind does
        }
        return true;
    }

    private void resetCard() {
        held = false;
        callOver = false;
        closeNow = false;
        countdownDeadline = 0;
    }
}
