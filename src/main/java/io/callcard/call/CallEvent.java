package io.callcard.call;

import io.callcard.wire.CardCallState;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * Everything that can happen to the call card, from whichever channel it came. Events are immutable facts with the
 * time they happened; {@link CallStateReducer} alone decides what they mean.
 *
 * <p>{@code callId} names the call an event belongs to, or is {@code null} for "the call the card shows now" (the
 * JavaScript events carry no id; a bridge that knows its widget's call fills it in). The portal's server-side
 * telephony events ({@code Server*}) always name their call.
 */
public sealed interface CallEvent {

    Instant at();

    String callId();

    /** The CALL_CARD widget was opened for a call: Bitrix24 posted the handler form with {@code PLACEMENT_OPTIONS}. */
    record WidgetOpened(Instant at, CallCardStatus status) implements CallEvent {
        public WidgetOpened {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(status, "status");
        }

        @Override
        public String callId() {
            return status.callId();
        }
    }

    /** A {@code getStatus} answer, from the widget's poll or the REST placement transport. */
    record StatusPolled(Instant at, CallCardStatus status) implements CallEvent {
        public StatusPolled {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(status, "status");
        }

        @Override
        public String callId() {
            return status.callId();
        }
    }

    /** {@code CallCard::CallStateChanged}; {@code failedCode} only when an unsuccessful call goes idle. */
    record StateChanged(Instant at, String callId, CardCallState state, String failedCode) implements CallEvent {
        public StateChanged {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(state, "state");
            failedCode = failedCode == null || failedCode.isBlank() ? null : failedCode.trim();
        }
    }

    /** {@code CallCard::EntityChanged}: the number or the primary CRM item changed; {@code entity} null when unlinked. */
    record EntityChanged(Instant at, String callId, CallerNumber phone, CrmRef entity) implements CallEvent {
        public EntityChanged {
            Objects.requireNonNull(at, "at");
            phone = Objects.requireNonNullElse(phone, CallerNumber.UNKNOWN);
        }
    }

    /** {@code CallCard::BeforeClose}: a close attempt. It fires again at the real close when the card was held. */
    record BeforeClose(Instant at, String callId) implements CallEvent {
        public BeforeClose {
            Objects.requireNonNull(at, "at");
        }
    }

    /** The card confirmed {@code disableAutoClose} ({@code held = true}) or {@code enableAutoClose} ({@code false}). */
    record AutoCloseChanged(Instant at, String callId, boolean held) implements CallEvent {
        public AutoCloseChanged {
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * The widget went away: the page's {@code closed} beacon, or a command answered "Call card is undefined". The
     * card's final {@code idle} is usually lost as it closes (protocol.md §2a), so a widget gone while its call was not
     * idle means the call ended.
     */
    record BridgeLost(Instant at, String callId) implements CallEvent {
        public BridgeLost {
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * {@code ONVOXIMPLANTCALLINIT}: the portal started a call (it rings, or an outgoing call is being dialled). The
     * portal posts it for every call on every line, not only the agent's, so it never replaces a call still running.
     */
    record ServerCallStarted(Instant at, String callId, CallDirection direction, CallerNumber phone)
            implements CallEvent {
        public ServerCallStarted {
            Objects.requireNonNull(at, "at");
            callId = requireCallId(callId);
            direction = Objects.requireNonNullElse(direction, CallDirection.UNKNOWN);
            phone = Objects.requireNonNullElse(phone, CallerNumber.UNKNOWN);
        }
    }

    /** {@code ONVOXIMPLANTCALLSTART}: somebody answered; {@code userId} (who) is null when the post did not say. */
    record ServerCallAnswered(Instant at, String callId, String userId) implements CallEvent {
        public ServerCallAnswered {
            Objects.requireNonNull(at, "at");
            callId = requireCallId(callId);
            userId = userId == null || userId.isBlank() ? null : userId.trim();
        }
    }

    /**
     * {@code ONVOXIMPLANTCALLEND}: the portal's final word on a call.
     *
     * @param talked       {@code CALL_DURATION}: how long the call was connected, zero when never answered
     * @param startedAt    {@code CALL_START_DATE} with the portal's offset, or null when absent or unreadable
     * @param failedCode   {@code CALL_FAILED_CODE} verbatim ({@code "200"} is success), null when absent
     * @param failedReason the portal's own words for the code, {@code ""} when absent
     * @param activityId   the CRM activity logged for the call, or null
     */
    record ServerCallEnded(Instant at, String callId, CallDirection direction, CallerNumber phone, Duration talked,
                           OffsetDateTime startedAt, String failedCode, String failedReason, Long activityId)
            implements CallEvent {
        public ServerCallEnded {
            Objects.requireNonNull(at, "at");
            callId = requireCallId(callId);
            direction = Objects.requireNonNullElse(direction, CallDirection.UNKNOWN);
            phone = Objects.requireNonNullElse(phone, CallerNumber.UNKNOWN);
            talked = talked == null || talked.isNegative() ? Duration.ZERO : talked;
            failedCode = failedCode == null || failedCode.isBlank() ? null : failedCode.trim();
            failedReason = failedReason == null ? "" : failedReason.trim();
            activityId = activityId != null && activityId > 0 ? activityId : null;
        }
    }

    /**
     * The outcome of a call that ended, learned afterwards ({@code voximplant.statistic.get} by CALL_ID).
     *
     * @param callOpenedAt the {@link CallSnapshot#openedAt} of the call it was looked up for, so that a CALL_ID the
     *                     portal reused meanwhile is not given an older call's outcome; null: the call with this id
     *                     that ended last
     * @param talked       the portal's talk time, or null when it did not say
     */
    record OutcomeLearned(Instant at, String callId, Instant callOpenedAt, String failedCode, String failedReason,
                          Duration talked, CallOutcome.Source source) implements CallEvent {
        public OutcomeLearned {
            Objects.requireNonNull(at, "at");
            callId = requireCallId(callId);
            Objects.requireNonNull(source, "source");
            failedCode = failedCode == null || failedCode.isBlank() ? null : failedCode.trim();
            failedReason = failedReason == null ? "" : failedReason.trim();
            talked = talked == null || talked.isNegative() ? null : talked;
        }

        CallOutcome outcome() {
            return CallOutcome.known(failedCode, failedReason, talked, source);
        }
    }

    /** The outcome of a call that ended cannot be learned; {@code callOpenedAt} as in {@link OutcomeLearned}. */
    record OutcomeUnavailable(Instant at, String callId, Instant callOpenedAt, CallOutcome.Missing reason)
            implements CallEvent {
        public OutcomeUnavailable {
            Objects.requireNonNull(at, "at");
            callId = requireCallId(callId);
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Names of the call's CRM items, learned from the portal after the card showed the items
     * ({@code app.CrmNameLookups}). They come back as an event, like {@link OutcomeLearned}, so the tracker's one
     * thread keeps the whole card consistent and a snapshot for another call can never carry them.
     *
     * @param callOpenedAt the {@link CallSnapshot#openedAt} of the call they were looked up for (null: any)
     */
    record CrmNamesLearned(Instant at, String callId, Instant callOpenedAt, CrmNames names) implements CallEvent {
        public CrmNamesLearned {
            Objects.requireNonNull(at, "at");
            callId = requireCallId(callId);
            Objects.requireNonNull(names, "names");
        }
    }

    /** Server and outcome events always name their call: without a CALL_ID there is nothing to attach them to. */
    private static String requireCallId(String callId) {
        if (callId == null || callId.isBlank()) {
            throw new IllegalArgumentException("this call event needs a CALL_ID");
        }
        return callId.trim();
    }
}
