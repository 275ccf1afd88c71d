package io.callcard.call;

import io.callcard.wire.CardCallState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The call card as the companion understands it at one moment. Immutable; {@link CallStateReducer} makes the next one.
 *
 * @param callId        the portal's CALL_ID, or {@code null} before the first call
 * @param activityId    the CRM activity, or {@code null}
 * @param outcome       how the call ended: {@link CallOutcome#NONE} while it runs, then pending, known or unavailable
 * @param autoCloseHeld whether the card was told to stay open ({@code disableAutoClose})
 * @param cardOpen      whether a call card is on the agent's screen, as far as we know
 * @param closing       whether the card tried to close (BeforeClose) since it opened
 * @param openedAt      when the companion first heard of this call
 * @param connectedAt   when the call was first connected, or {@code null}
 * @param endedAt       when it went back to idle after ringing or talking, or {@code null}
 * @param updatedAt     the time of the newest event applied; older events for this call are stale
 * @param crmNames      the names of the CRM items learned so far for this call ({@link CrmNames#NONE} at first)
 * @param ringingSince  when the call began ringing (or dialling), or {@code null} while it has not
 * @param closeCountdownFrom when the card's 65-second close countdown last (re)started, or {@code null}: the first
 *                      BeforeClose starts it, a confirmed {@code disableAutoClose} while it runs starts it again
 *                      (protocol.md §2, Commands and Events); it runs only while the card is held
 */
public record CallSnapshot(
        String callId,
        CallerNumber phone,
        CallDirection direction,
        CardCallState state,
        String lineNumber,
        String lineName,
        CrmRef entity,
        List<CrmRef> bindings,
        Long activityId,
        boolean callListMode,
        CallOutcome outcome,
        boolean autoCloseHeld,
        boolean cardOpen,
        boolean closing,
        Instant openedAt,
        Instant connectedAt,
        Instant endedAt,
        Instant updatedAt,
        CrmNames crmNames,
        Instant ringingSince,
        Instant closeCountdownFrom) {

    /** How long a held card stays open after it tried to close (protocol.md §2). */
    public static final Duration CLOSE_COUNTDOWN = Duration.ofSeconds(65);

    /** No call yet. */
    public static final CallSnapshot EMPTY = new CallSnapshot(null, CallerNumber.UNKNOWN, CallDirection.UNKNOWN,
            CardCallState.IDLE, "", "", null, List.of(), null, false, CallOutcome.NONE, false, false, false,
            null, null, null, null, CrmNames.NONE, null, null);

    /** A snapshot that knows nothing of ringing or of the close countdown (the shape before they were kept). */
    public CallSnapshot(String callId, CallerNumber phone, CallDirection direction, CardCallState state,
                        String lineNumber, String lineName, CrmRef entity, List<CrmRef> bindings, Long activityId,
                        boolean callListMode, CallOutcome outcome, boolean autoCloseHeld, boolean cardOpen,
                        boolean closing, Instant openedAt, Instant connectedAt, Instant endedAt, Instant updatedAt,
                        CrmNames crmNames) {
        this(callId, phone, direction, state, lineNumber, lineName, entity, bindings, activityId, callListMode, outcome,
                autoCloseHeld, cardOpen, closing, openedAt, connectedAt, endedAt, updatedAt, crmNames, null, null);
    }

    public CallSnapshot {
        phone = Objects.requireNonNullElse(phone, CallerNumber.UNKNOWN);
        direction = Objects.requireNonNullElse(direction, CallDirection.UNKNOWN);
        Objects.requireNonNull(state, "state");
        lineNumber = Objects.requireNonNullElse(lineNumber, "");
        lineName = Objects.requireNonNullElse(lineName, "");
        bindings = bindings == null ? List.of() : List.copyOf(bindings);
        outcome = Objects.requireNonNullElse(outcome, CallOutcome.NONE);
        crmNames = Objects.requireNonNullElse(crmNames, CrmNames.NONE);
    }

    /** The failure code (verbatim) once the outcome is known, else {@code null}; {@code "200"} is success. */
    public String failedCode() {
        return outcome.failedCode();
    }

    /** What the agent should see, derived so it can never disagree with the fields above. */
    public CallDisplayState phase() {
        if (callId == null) {
            return CallDisplayState.NO_CALL;
        }
        if (endedAt != null) {
            return CallFailureCodes.isFailure(failedCode()) ? CallDisplayState.FAILED : CallDisplayState.ENDED;
        }
        return switch (state) {
            case IDLE -> CallDisplayState.READY;
            case CONNECTING -> CallDisplayState.CONNECTING;
            case CONNECTED -> CallDisplayState.CONNECTED;
        };
    }

    /**
     * Talk time: the portal's own figure once an ended call's outcome brought one (it counted the call, we only saw
     * the card); else from the first connection to the end, or to {@code now} while the call lasts; zero if never
     * connected.
     */
    public Duration talkTime(Instant now) {
        if (endedAt != null && outcome.talked() != null) {
            return outcome.talked();
        }
        if (connectedAt == null) {
            return Duration.ZERO;
        }
        Instant until = endedAt != null ? endedAt : now;
        Duration d = Duration.between(connectedAt, until);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /**
     * How long the call rang (or was dialled) before it was answered or ended, or until {@code now} while it still
     * does; zero when it never rang.
     */
    public Duration ringTime(Instant now) {
        if (ringingSince == null) {
            return Duration.ZERO;
        }
        Instant until = connectedAt != null ? connectedAt : endedAt != null ? endedAt : now;
        Duration d = Duration.between(ringingSince, until);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /**
     * Whether Bitrix24's card is counting down to close by itself: it tried to close while held and is still open.
     * The countdown ({@link #closesIn}) shows only then.
     */
    public boolean closeCountdownRuns() {
        return cardOpen && autoCloseHeld && closing && closeCountdownFrom != null;
    }

    /** What is left of the close countdown at {@code now}: never negative; zero when it does not run. */
    public Duration closesIn(Instant now) {
        if (!closeCountdownRuns()) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, closeCountdownFrom.plus(CLOSE_COUNTDOWN));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Whether the call was ever answered. */
    public boolean wasConnected() {
        return connectedAt != null;
    }

    /** Equal in everything but {@code updatedAt}: nothing the agent or the history would notice changed. */
    public boolean sameExceptUpdatedAt(CallSnapshot other) {
        return other != null && equals(new CallSnapshot(other.callId, other.phone, other.direction, other.state,
                other.lineNumber, other.lineName, other.entity, other.bindings, other.activityId, other.callListMode,
                other.outcome, other.autoCloseHeld, other.cardOpen, other.closing, other.openedAt,
                other.connectedAt, other.endedAt, updatedAt, other.crmNames, other.ringingSince,
                other.closeCountdownFrom));
    }
}
