package io.callcard.history.recorder;

import io.callcard.call.AppliedEvent;
import io.callcard.call.CallDirection;
import io.callcard.call.CallEvent;
import io.callcard.call.CallerNumber;
import io.callcard.history.FactSource;
import io.callcard.history.HistoryCall;
import io.callcard.history.HistoryWrite;
import io.callcard.history.TimelineEntry;
import io.callcard.wire.CardCallState;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The recorder's pure fold: every applied event, in the tracker's order, becomes the writes that keep its call's
 * record and timeline ({@link HistoryWrite.SaveCall} with the whole record, then
 * {@link HistoryWrite.AppendTimeline}). One record per call, for every call heard of, also those the card does not show
 * (another line's server events while a call runs). Not thread-safe: the recorder's one thread owns it.
 *
 * <p>Which record an event belongs to (history.md, "Recording"):
 * <ul>
 *   <li>An event about the call the card shows takes the card's word: its facts are the snapshot after the event (the
 *       reducer already judged staleness and order), and the reducer starting that CALL_ID afresh (a new
 *       {@code openedAt}) is a new call with a new record.</li>
 *   <li>Any other call is folded from its own events: the portal's INIT, START and END, and the outcome learned
 *       afterwards. Bitrix24 reuses CALL_IDs, so an id heard again is the same call only when its record had not ended;
 *       a call that ended and rings or is answered again is a new record.</li>
 *   <li>Nothing heard of a CALL_ID for {@link #SAME_CALL_WINDOW}: whatever comes next with that id is a new call.</li>
 *   <li>An event that can only add to a call (a close, a name, an outcome) for an id with no record is kept nowhere:
 *       there is no call to attach it to.</li>
 * </ul>
 */
final class CallRecords {

    /** How long a CALL_ID stays a call's own: Bitrix24 may give it to another call after this much silence. */
    static final Duration SAME_CALL_WINDOW = Duration.ofMinutes(30);

    private final Map<String, Open> byCallId = new HashMap<>();
    private final Set<String> keysGiven = new HashSet<>();
    private Instant lastSweep = Instant.EPOCH;

    /** One call whose CALL_ID may still be heard of. */
    private static final class Open {
        final RecordDraft draft;
        /** The card's {@code openedAt} for this call, once the card showed it; null while only the server spoke. */
        Instant cardOpenedAt;
        Instant lastHeard;

        Open(RecordDraft draft, Instant lastHeard) {
            this.draft = draft;
            this.lastHeard = lastHeard;
        }
    }

    /** The writes {@code applied} means, its facts and timeline entry coming from {@code source}; empty for none. */
    List<HistoryWrite> fold(AppliedEvent applied, FactSource source, String payload) {
        CallEvent event = applied.event();
        String callId = callIdOf(applied);
        if (callId == null) {
            return List.of(); // an event about "the call shown" while none is: nothing to attach it to
        }
        sweep(event.at());
        boolean onCard = callId.equals(applied.after().callId());
        Open open = byCallId.get(callId);
        if (open != null && startsAnother(open, applied, onCard)) {
            open = null;
        }
        if (open == null) {
            if (!canStartCall(applied, onCard)) {
                return List.of();
            }
            Instant first = onCard && applied.after().openedAt() != null ? applied.after().openedAt() : event.at();
            open = new Open(new RecordDraft(newKey(callId, first), callId, first, source), event.at());
            byCallId.put(callId, open);
        }
        open.lastHeard = event.at().isAfter(open.lastHeard) ? event.at() : open.lastHeard;
        if (onCard && applied.after() != applied.before()) {
            open.cardOpenedAt = applied.after().openedAt();
            CardFacts.copy(applied.after(), open.draft, source);
        } else if (!onCard) {
            foldOwn(open.draft, event, source);
        }
        return List.of(new HistoryWrite.SaveCall(open.draft.build()),
                new HistoryWrite.AppendTimeline(open.draft.key,
                        new TimelineEntry(event.at(), source, event.getClass().getSimpleName(), payload)));
    }

    /**
     * Goes on with a call recorded before a restart, not ended and last heard of at {@code lastHeard}: its CALL_ID
     * heard again within {@link #SAME_CALL_WINDOW} of that continues its record, by the same rules as any open call.
     * Of two such calls with one CALL_ID, the one heard of last is kept.
     */
    void resume(HistoryCall call, Instant lastHeard) {
        if (call.callId() == null || call.endedAt() != null) {
            return;
        }
        Open known = byCallId.get(call.callId());
        if (known != null && !lastHeard.isAfter(known.lastHeard)) {
            return;
        }
        keysGiven.add(call.key());
        byCallId.put(call.callId(), new Open(RecordDraft.resumed(call), lastHeard));
    }

    /** How many calls the fold still expects to hear of (for tests: old ones are forgotten). */
    int openCalls() {
        return byCallId.size();
    }

    /** The event's CALL_ID, or for an event about "the call shown" the call the card showed when it came. */
    private static String callIdOf(AppliedEvent applied) {
        String named = applied.event().callId();
        if (named != null) {
            return named;
        }
        return applied.before().callId() != null ? applied.before().callId() : applied.after().callId();
    }

    private static boolean startsAnother(Open open, AppliedEvent applied, boolean onCard) {
        CallEvent event = applied.event();
        if (event.at().isAfter(open.lastHeard.plus(SAME_CALL_WINDOW))) {
            return true;
        }
        if (onCard) {
            if (applied.after() == applied.before()) {
                return false; // the card found it stale: it belongs to the call recorded
            }
            Instant opened = applied.after().openedAt();
            return open.cardOpenedAt != null ? !open.cardOpenedAt.equals(opened)
                    : open.draft.ended() && isLive(event); // heard from the server only, and ended: a reused id
        }
        return open.draft.ended() && isLive(event);
    }

    /** An event saying the call rings or talks: after the call ended, only a new call can say that. */
    private static boolean isLive(CallEvent event) {
        if (event instanceof CallEvent.ServerCallStarted || event instanceof CallEvent.ServerCallAnswered) {
            return true;
        }
        if (event instanceof CallEvent.StateChanged e) {
            return e.state() != CardCallState.IDLE;
        }
        if (event instanceof CallEvent.StatusPolled e) {
            return e.status().state() != CardCallState.IDLE;
        }
        return event instanceof CallEvent.WidgetOpened e && e.status().state() != CardCallState.IDLE;
    }

    /** Whether the event may open a record: the card took it for a call, or it is the portal's word on one. */
    private static boolean canStartCall(AppliedEvent applied, boolean onCard) {
        CallEvent event = applied.event();
        if (onCard) {
            return applied.after() != applied.before() && applied.after().openedAt() != null;
        }
        return event instanceof CallEvent.ServerCallStarted || event instanceof CallEvent.ServerCallAnswered
                || event instanceof CallEvent.ServerCallEnded;
    }

    /** A call the card does not show: what its own events say, the first word on each fact staying. */
    private static void foldOwn(RecordDraft d, CallEvent event, FactSource source) {
        if (event instanceof CallEvent.ServerCallStarted e) {
            fillIn(d, e.direction(), e.phone(), source);
        } else if (event instanceof CallEvent.ServerCallAnswered e) {
            if (!d.ended() && d.connectedAt() == null) {
                d.connectedAt(e.at(), source);
                d.ringSeconds(RecordDraft.seconds(Duration.between(d.firstHeard, e.at())), source);
            }
        } else if (event instanceof CallEvent.ServerCallEnded e) {
            fillIn(d, e.direction(), e.phone(), source);
            if (!d.ended()) {
                d.endedAt(e.at(), source);
                if (d.connectedAt() == null) {
                    d.ringSeconds(RecordDraft.seconds(Duration.between(d.firstHeard, e.at())), source);
                }
            }
            if (e.activityId() != null) {
                d.activityId(e.activityId(), source);
            }
            d.talkSeconds(RecordDraft.seconds(e.talked()), source); // the portal's CALL_DURATION
            if (d.failedCode() == null && e.failedCode() != null) {
                d.failure(e.failedCode(), e.failedReason(), source);
            }
        } else if (event instanceof CallEvent.OutcomeLearned e && d.ended()) {
            if (d.failedCode() == null && e.failedCode() != null) {
                d.failure(e.failedCode(), e.failedReason(), source);
            }
            if (e.talked() != null) {
                d.talkSeconds(RecordDraft.seconds(e.talked()), source);
            }
        }
    }

    private static void fillIn(RecordDraft d, CallDirection direction, CallerNumber phone, FactSource source) {
        if (d.direction() == CallDirection.UNKNOWN && direction != CallDirection.UNKNOWN) {
            d.direction(direction, source);
        }
        if (d.number().isEmpty() && phone.isKnown()) {
            d.number(phone.value(), source);
        }
    }

    /** The record's identity: the CALL_ID and when it was first heard, made unique should two ever meet. */
    private String newKey(String callId, Instant firstHeard) {
        String base = callId + "@" + firstHeard;
        String key = base;
        for (int n = 2; !keysGiven.add(key); n++) {
            key = base + "#" + n;
        }
        return key;
    }

    /** Forgets calls not heard of for the window (once a minute at most: the map holds the last half hour's calls). */
    private void sweep(Instant now) {
        if (now.isBefore(lastSweep.plus(Duration.ofMinutes(1)))) {
            return;
        }
        lastSweep = now;
        for (Iterator<Open> it = byCallId.values().iterator(); it.hasNext(); ) {
            Open open = it.next();
            if (now.isAfter(open.lastHeard.plus(SAME_CALL_WINDOW))) {
                it.remove();
                keysGiven.remove(open.draft.key);
            }
        }
    }
}
