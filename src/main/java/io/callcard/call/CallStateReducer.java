package io.callcard.call;

import io.callcard.wire.CardCallState;
import java.time.Duration;
import java.time.Instant;

/**
 * The only place that decides what an event means for the call card. Pure: the same snapshot and event always give
 * the same next snapshot. A stale or unattached event returns the very same instance; any other event at least moves
 * {@code updatedAt} forward, so that staleness is judged against the newest thing heard
 * ({@link CallSnapshot#sameExceptUpdatedAt} tells whether anything the agent sees changed).
 *
 * <p>Rules that are easy to get wrong, all driven by what Bitrix24 actually sends (protocol.md §2, §6):
 * <ul>
 *   <li>Events older than the newest one applied to the same call are stale (a slow poll answer must not drag a
 *       connected call back to "connecting").</li>
 *   <li>A status or state change for another CALL_ID that is newer than the current call starts that call; one that
 *       is older belongs to a call already replaced and is dropped. Entity, close and auto-close events cannot start
 *       a call: naming another call, they are dropped.</li>
 *   <li>Bitrix24 may reuse a CALL_ID within 30 minutes: a call that already ended and starts ringing or talking again
 *       is a new call with the same id, not a resurrection of the old one. A poll that still saw it live, arriving
 *       within {@link #LATE_POLL_GRACE} of the end, was taken before the end and is stale.</li>
 *   <li>A real portal's widget gets no {@code failedCode} and often loses the final {@code idle}: the card removes
 *       its iframe in the same task (protocol.md §2a). So the widget going away ({@link CallEvent.BridgeLost}: the
 *       page's {@code closed} beacon, or a command answered "Call card is undefined") while its call was not idle ends
 *       that call, with its outcome pending. A card closed before its call rang (READY) ends nothing.</li>
 *   <li>An ended call's outcome ({@link CallOutcome}) is pending until a channel tells it: the widget's documented
 *       {@code failedCode}, the portal's END, or the portal's record looked up afterwards
 *       ({@link CallEvent.OutcomeLearned}); or it is unavailable ({@link CallEvent.OutcomeUnavailable}). The first
 *       word on the code stays; later words only fill in a missing reason or talk time
 *       ({@link OutcomeRules}).</li>
 *   <li>{@code failedCode} arrives with the move to idle, or shortly after a poll already saw idle; either way it
 *       lands on the call that just ended, even when stamped a moment before that poll (it only adds what the poll
 *       could not know).</li>
 *   <li>An outcome learned afterwards is never stale for the call that ended; it names the call it was looked up for
 *       ({@code callOpenedAt}), so a CALL_ID reused meanwhile keeps its own outcome, and it never reaches a call still
 *       running. Its talk time (the portal's {@code CALL_DURATION}) replaces the one counted from the card's
 *       events.</li>
 *   <li>BeforeClose may fire twice (held cards); the second one changes nothing. The first starts the held card's
 *       65-second close countdown ({@link CallSnapshot#closeCountdownFrom}); the card confirming
 *       {@code disableAutoClose} while it runs starts it again, as the portal does (protocol.md §2).</li>
 *   <li>The portal's server events ({@link ServerCallRules}) speak about every call on every line: INIT and START
 *       for another CALL_ID start that call only when the card shows no call still running, and END never starts
 *       or replaces one. END for the call shown is final: it is never stale, unless older than that call itself
 *       (then it ended an earlier call that had the same CALL_ID). END with a code makes the outcome known.</li>
 * </ul>
 */
public final class CallStateReducer {

    /** A getStatus poll's round trip at the slowest: one poll interval plus the post's way back. */
    static final Duration LATE_POLL_GRACE = Duration.ofSeconds(3);

    private CallStateReducer() {
    }

    public static CallSnapshot reduce(CallSnapshot current, CallEvent event) {
        if (isStale(current, event)) {
            return current;
        }
        SnapshotDraft draft = new SnapshotDraft(current);
        boolean otherCall = event.callId() != null && !event.callId().equals(current.callId());
        if (otherCall) {
            if (!canStartCall(current, event)) {
                return current;
            }
            draft = SnapshotDraft.newCall(event.callId(), event.at());
        }
        if (!apply(draft, event)) {
            return current;
        }
        draft.updatedAt = max(draft.updatedAt, event.at());
        return draft.build();
    }

    /** Applies {@code event} to {@code d}; false when it has nothing to attach to. (Java 17: no pattern switch.) */
    private static boolean apply(SnapshotDraft d, CallEvent event) {
        if (event instanceof CallEvent.WidgetOpened e) {
            applyStatus(d, e.status(), e.at());
            d.cardOpen = true;
            d.closing = false;
            d.closeCountdownFrom = null;
            return true;
        }
        if (event instanceof CallEvent.StatusPolled e) {
            applyStatus(d, e.status(), e.at());
            d.cardOpen = true;
            return true;
        }
        if (d.callId == null) {
            return false; // the events below describe "the current call", and there is none
        }
        if (event instanceof CallEvent.StateChanged e) {
            applyState(d, e.state(), e.failedCode(), e.at());
        } else if (event instanceof CallEvent.EntityChanged e) {
            d.phone = e.phone().orElse(d.phone);
            d.entity = e.entity();
        } else if (event instanceof CallEvent.BeforeClose e) {
            if (!d.closing) {
                d.closeCountdownFrom = e.at(); // the first attempt starts the card's 65 seconds; the second closes it
            }
            d.closing = true;
        } else if (event instanceof CallEvent.AutoCloseChanged e) {
            if (e.held() && d.closing) {
                d.closeCountdownFrom = e.at(); // disableAutoClose while the countdown runs starts it again (§2)
            }
            d.autoCloseHeld = e.held();
        } else if (event instanceof CallEvent.BridgeLost e) {
            OutcomeRules.widgetGone(d, e.at());
        } else if (event instanceof CallEvent.ServerCallStarted e) {
            return ServerCallRules.started(d, e);
        } else if (event instanceof CallEvent.ServerCallAnswered e) {
            return ServerCallRules.answered(d, e);
        } else if (event instanceof CallEvent.ServerCallEnded e) {
            return ServerCallRules.ended(d, e);
        } else if (event instanceof CallEvent.OutcomeLearned e) {
            return OutcomeRules.learned(d, e);
        } else if (event instanceof CallEvent.OutcomeUnavailable e) {
            return OutcomeRules.unavailable(d, e);
        } else if (event instanceof CallEvent.CrmNamesLearned e) {
            if (e.callOpenedAt() != null && !e.callOpenedAt().equals(d.openedAt)) {
                return false; // looked up for an earlier call that had the same CALL_ID
            }
            d.crmNames = d.crmNames.with(e.names());
        }
        return true;
    }

    private static boolean canStartCall(CallSnapshot current, CallEvent event) {
        if (event instanceof CallEvent.ServerCallStarted || event instanceof CallEvent.ServerCallAnswered) {
            // another line's or another agent's call must not take over a call still running on this card
            return current.callId() == null || current.endedAt() != null;
        }
        return event instanceof CallEvent.WidgetOpened || event instanceof CallEvent.StatusPolled
                || event instanceof CallEvent.StateChanged;
    }

    private static boolean isStale(CallSnapshot current, CallEvent event) {
        if (current.updatedAt() == null) {
            return false;
        }
        boolean sameCall = event.callId() == null || event.callId().equals(current.callId());
        if (sameCall && event instanceof CallEvent.ServerCallEnded) {
            return event.at().isBefore(current.openedAt());
        }
        if (sameCall && (event instanceof CallEvent.OutcomeLearned || event instanceof CallEvent.OutcomeUnavailable
                || event instanceof CallEvent.CrmNamesLearned)) {
            return false; // learned after the end, about the call that ended: OutcomeRules checks which call
        }
        if (sameCall) {
            return event.at().isBefore(current.updatedAt()) && !isMissingFailureCode(current, event)
                    || isLatePoll(current, event);
        }
        // another call: only a newer one may replace the call we show
        return event.at().isBefore(current.openedAt());
    }

    /**
     * A poll that still saw the call live, arriving just after another channel (the portal's END) ended it: taken
     * before the end, delivered after. It is no reused CALL_ID; a reuse rings again well after the end.
     */
    private static boolean isLatePoll(CallSnapshot current, CallEvent event) {
        return event instanceof CallEvent.StatusPolled e && current.endedAt() != null
                && e.status().state() != CardCallState.IDLE
                && e.at().isBefore(current.endedAt().plus(LATE_POLL_GRACE));
    }

    /** The code of a call that ended without one: never stale, since nothing else could have told us. */
    private static boolean isMissingFailureCode(CallSnapshot current, CallEvent event) {
        return event instanceof CallEvent.StateChanged e && e.state() == CardCallState.IDLE && e.failedCode() != null
                && current.endedAt() != null && !current.outcome().isKnown();
    }

    private static void applyStatus(SnapshotDraft d, CallCardStatus s, Instant at) {
        d.phone = s.phone().orElse(d.phone);
        if (!s.lineNumber().isEmpty()) {
            d.lineNumber = s.lineNumber();
        }
        if (!s.lineName().isEmpty()) {
            d.lineName = s.lineName();
        }
        d.entity = s.entity();
        d.bindings = s.bindings();
        if (s.activityId() != null) {
            d.activityId = s.activityId();
        }
        if (s.direction() != CallDirection.UNKNOWN) {
            d.direction = s.direction();
        }
        d.callListMode = s.callListMode();
        applyState(d, s.state(), null, at);
    }

    static void applyState(SnapshotDraft d, CardCallState next, String failedCode, Instant at) {
        boolean ended = d.endedAt != null;
        if (next == CardCallState.IDLE) {
            if (ended) {
                // the code often follows a poll that already saw idle: it belongs to the call that just ended
                if (failedCode != null) {
                    d.outcome = d.outcome.completedBy(widgetOutcome(failedCode));
                }
                return;
            }
            if (d.state != CardCallState.IDLE || failedCode != null) {
                d.state = CardCallState.IDLE;
                d.endedAt = at;
                d.outcome = failedCode != null ? widgetOutcome(failedCode) : CallOutcome.PENDING;
            }
            return;
        }
        if (ended) {
            // the same CALL_ID ringing again after it ended: Bitrix24 reused the id for a new call
            d.outcome = CallOutcome.NONE;
            d.endedAt = null;
            d.connectedAt = null;
            d.closing = false;
            d.closeCountdownFrom = null;
            d.ringingSince = null;
            d.openedAt = at;
        }
        d.state = next;
        if (d.ringingSince == null) {
            d.ringingSince = at; // connecting, or connected straight away (then it rang for no time we saw)
        }
        if (next == CardCallState.CONNECTED && d.connectedAt == null) {
            d.connectedAt = at;
        }
    }

    /** The documented widget's {@code failedCode}: a code, no words, no talk time. */
    private static CallOutcome widgetOutcome(String failedCode) {
        return CallOutcome.known(failedCode, "", null, CallOutcome.Source.WIDGET);
    }

    private static Instant max(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
