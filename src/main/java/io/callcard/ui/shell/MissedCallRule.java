package io.callcard.ui.shell;

import io.callcard.call.CallDirection;
import io.callcard.call.CallSnapshot;
import io.callcard.call.CallUpdate;
import io.callcard.wire.CardCallState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which calls the agent missed: an incoming call whose card rang on this agent's screen (a widget page or the seed
 * transport showed it ringing) and that ended without ever being answered. A call only the portal's server events told
 * of is never counted: they speak of every line, and an unanswered call names nobody whose phone rang (protocol.md
 * §5). Outgoing and callback calls are the agent's own. Each call (CALL_ID and when it opened: Bitrix24 reuses ids)
 * is counted once, when it ends; if the portal later says it was answered after all (its talk time, code 200), the
 * count is taken back. Plain Java, one thread: the call tracker's, whose every update it must see.
 */
final class MissedCallRule {

    /** One call: the portal reuses a CALL_ID for a new call, which opens at another moment. */
    record CallKey(String callId, Instant openedAt) {
        static CallKey of(CallSnapshot s) {
            return new CallKey(s.callId(), s.openedAt());
        }
    }

    /** A call newly counted as missed ({@code missed}), or one counted before and now known answered. */
    record Change(CallKey call, boolean missed) {
    }

    /** Calls counted and not yet taken back, newest last; old ones drop out. */
    private static final int REMEMBERED = 64;

    private CallKey watching;
    private boolean rangHere;
    private final Set<CallKey> counted = new LinkedHashSet<>();

    /** What {@code update} changes in the count: usually nothing. */
    List<Change> judge(CallUpdate update) {
        CallSnapshot call = update.current();
        if (call.callId() == null) {
            return List.of();
        }
        CallKey key = CallKey.of(call);
        if (!key.equals(watching)) {
            watching = key;
            rangHere = false;
        }
        if (call.cardOpen() && call.state() == CardCallState.CONNECTING) {
            rangHere = true;
        }
        if (call.endedAt() == null || !rangHere || !isIncoming(call.direction())) {
            return List.of();
        }
        boolean missed = !answered(call);
        if (missed && counted.add(key)) {
            forgetOld();
            return List.of(new Change(key, true));
        }
        if (!missed && counted.remove(key)) {
            return List.of(new Change(key, false));
        }
        return List.of();
    }

    /** Connected on the card, or counted back from the portal's talk time, or the portal's code says success. */
    private static boolean answered(CallSnapshot call) {
        return call.wasConnected()
                || call.outcome().isKnown() && Objects.equals("200", call.failedCode())
                || call.outcome().isKnown() && call.outcome().talked() != null && !call.outcome().talked().isZero();
    }

    private static boolean isIncoming(CallDirection direction) {
        return direction == CallDirection.INCOMING || direction == CallDirection.INCOMING_TRANSFER;
    }

    private void forgetOld() {
        Iterator<CallKey> oldest = counted.iterator();
        while (counted.size() > REMEMBERED) {
            oldest.next();
            oldest.remove();
        }
    }
}
