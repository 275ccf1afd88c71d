package io.callcard.ui.window;

import io.callcard.call.CallDirection;
import io.callcard.call.CallDisplayState;
import io.callcard.call.CallFailureCodes;
import io.callcard.call.CallOutcome;
import io.callcard.call.CallSnapshot;
import io.callcard.prefs.Preferences;
import io.callcard.ui.Messages;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which call raises which notification: plain Java, fed every snapshot in order, tested without the toolkit.
 * An incoming call raises "incoming" while it rings; one that rang and ended unanswered raises "missed" (the same
 * rule as the missed-calls counter: it rang, nobody answered); any other call ending with a failure code raises
 * "failed". Each kind is decided once per call: a kind switched off when its moment comes is not raised later, and
 * repeated snapshots of the same call (a name arriving, the outcome learned) never raise it twice.
 */
public final class CallNotices {

    /** Calls remembered, newest last; a busy line's old calls are forgotten beyond this. */
    private static final int CALLS_REMEMBERED = 64;

    private final Messages messages;
    private final Map<String, Set<CallNotice.Kind>> decided = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Set<CallNotice.Kind>> eldest) {
            return size() > CALLS_REMEMBERED;
        }
    };

    public CallNotices(Messages messages) {
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    /** The notification {@code s} raises under {@code prefs}, if any; remembers the decision. */
    public Optional<CallNotice> decide(CallSnapshot s, Preferences prefs) {
        if (s.callId() == null) {
            return Optional.empty();
        }
        Optional<CallNotice.Kind> due = dueKind(s);
        if (due.isEmpty()) {
            return Optional.empty();
        }
        CallNotice.Kind kind = due.get();
        Set<CallNotice.Kind> seen = decided.computeIfAbsent(s.callId(), id -> EnumSet.noneOf(CallNotice.Kind.class));
        if (!seen.add(kind) || !switchedOn(kind, prefs)) {
            return Optional.empty();
        }
        return Optional.of(new CallNotice(kind, s.callId(), title(kind), text(kind, s)));
    }

    private static Optional<CallNotice.Kind> dueKind(CallSnapshot s) {
        CallDisplayState phase = s.phase();
        boolean incoming = s.direction() == CallDirection.INCOMING || s.direction() == CallDirection.INCOMING_TRANSFER;
        if (incoming && phase == CallDisplayState.CONNECTING) {
            return Optional.of(CallNotice.Kind.INCOMING);
        }
        boolean ended = phase == CallDisplayState.ENDED || phase == CallDisplayState.FAILED;
        if (incoming && ended && !s.wasConnected()) {
            return Optional.of(CallNotice.Kind.MISSED);
        }
        if (phase == CallDisplayState.FAILED) {
            return Optional.of(CallNotice.Kind.FAILED);
        }
        return Optional.empty();
    }

    private static boolean switchedOn(CallNotice.Kind kind, Preferences prefs) {
        return switch (kind) {
            case INCOMING -> prefs.effectiveNotifyIncoming();
            case MISSED -> prefs.effectiveNotifyMissed();
            case FAILED -> prefs.effectiveNotifyFailed();
        };
    }

    private String title(CallNotice.Kind kind) {
        return switch (kind) {
            case INCOMING -> messages.get("notify.incoming.title");
            case MISSED -> messages.get("notify.missed.title");
            case FAILED -> messages.get("notify.failed.title");
        };
    }

    private String text(CallNotice.Kind kind, CallSnapshot s) {
        String who = who(s);
        if (kind != CallNotice.Kind.FAILED) {
            return who;
        }
        CallOutcome outcome = s.outcome();
        String key = CallFailureCodes.messageKey(outcome.failedCode());
        String why = key.equals(CallFailureCodes.UNKNOWN_KEY) && !outcome.failedReason().isEmpty()
                ? outcome.failedReason() : messages.get(key);
        return messages.get("notify.failed.text", who, why, outcome.failedCode());
    }

    /** The CRM name when known, else the number as the card reads it. */
    private String who(CallSnapshot s) {
        if (s.entity() != null) {
            Optional<String> name = s.crmNames().nameOf(s.entity());
            if (name.isPresent()) {
                return name.get();
            }
        }
        return switch (s.phone().kind()) {
            case HIDDEN -> messages.get("card.phone.hidden");
            case UNKNOWN -> messages.get("card.phone.unknown");
            default -> s.phone().value();
        };
    }
}
