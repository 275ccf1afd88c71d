package io.callcard.call;

import io.callcard.wire.CardCallState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small builders for call events, so test tables read like what the call card sends. Times are seconds after {@link #T0}. */
final class CallFixtures {

    static final Instant T0 = Instant.parse("2026-08-20T10:00:00Z");

    private CallFixtures() {
    }

    static Instant t(long seconds) {
        return T0.plusSeconds(seconds);
    }

    static StatusBuilder status(String callId, CardCallState state) {
        return new StatusBuilder(callId, state);
    }

    static CallEvent.WidgetOpened opened(long sec, StatusBuilder status) {
        return new CallEvent.WidgetOpened(t(sec), status.build());
    }

    static CallEvent.StatusPolled polled(long sec, StatusBuilder status) {
        return new CallEvent.StatusPolled(t(sec), status.build());
    }

    static CallEvent.StateChanged state(long sec, String callId, CardCallState state) {
        return new CallEvent.StateChanged(t(sec), callId, state, null);
    }

    static CallEvent.StateChanged idle(long sec, String callId, String failedCode) {
        return new CallEvent.StateChanged(t(sec), callId, CardCallState.IDLE, failedCode);
    }

    static CallEvent.EntityChanged entity(long sec, String callId, String phone, CrmRef entity) {
        return new CallEvent.EntityChanged(t(sec), callId, CallerNumber.of(phone), entity);
    }

    static CallEvent.BeforeClose beforeClose(long sec, String callId) {
        return new CallEvent.BeforeClose(t(sec), callId);
    }

    static CallEvent.AutoCloseChanged autoClose(long sec, String callId, boolean held) {
        return new CallEvent.AutoCloseChanged(t(sec), callId, held);
    }

    static CallEvent.BridgeLost bridgeLost(long sec, String callId) {
        return new CallEvent.BridgeLost(t(sec), callId);
    }

    /** ONVOXIMPLANTCALLINIT. */
    static CallEvent.ServerCallStarted serverInit(long sec, String callId, CallDirection direction, String phone) {
        return new CallEvent.ServerCallStarted(t(sec), callId, direction, CallerNumber.of(phone));
    }

    /** ONVOXIMPLANTCALLSTART, answered by user 1. */
    static CallEvent.ServerCallAnswered serverStart(long sec, String callId) {
        return new CallEvent.ServerCallAnswered(t(sec), callId, "1");
    }

    /** ONVOXIMPLANTCALLEND with only a code: never talked, direction, number and activity not reported. */
    static CallEvent.ServerCallEnded serverEnd(long sec, String callId, String failedCode) {
        return serverEnd(sec, callId, failedCode, 0, null, CallDirection.UNKNOWN, null);
    }

    /** ONVOXIMPLANTCALLEND; the start date is left out, as the reducer does not use it. */
    static CallEvent.ServerCallEnded serverEnd(long sec, String callId, String failedCode, long talkedSeconds,
            Long activityId, CallDirection direction, String phone) {
        return new CallEvent.ServerCallEnded(t(sec), callId, direction, CallerNumber.of(phone),
                Duration.ofSeconds(talkedSeconds), null, failedCode, "", activityId);
    }

    /** The portal's record of call {@code callId} (opened at {@code openedSec}, or null: "the one that ended last"). */
    static CallEvent.OutcomeLearned learned(long sec, String callId, Long openedSec, String code, String reason,
            long talkedSeconds) {
        return new CallEvent.OutcomeLearned(t(sec), callId, openedSec == null ? null : t(openedSec), code, reason,
                Duration.ofSeconds(talkedSeconds), CallOutcome.Source.STATISTICS);
    }

    static CallEvent.OutcomeUnavailable unavailable(long sec, String callId, Long openedSec, CallOutcome.Missing why) {
        return new CallEvent.OutcomeUnavailable(t(sec), callId, openedSec == null ? null : t(openedSec), why);
    }

    static CrmRef ref(CrmEntityType type, long id) {
        return new CrmRef(type, id);
    }

    static CallSnapshot reduceAll(CallSnapshot start, List<? extends CallEvent> events) {
        CallSnapshot s = start;
        for (CallEvent e : events) {
            s = CallStateReducer.reduce(s, e);
        }
        return s;
    }

    /** A {@link CallCardStatus} with the fields a test does not care about left at "not reported". */
    static final class StatusBuilder {
        private final String callId;
        private final CardCallState state;
        private CallerNumber phone = CallerNumber.UNKNOWN;
        private String lineNumber = "";
        private String lineName = "";
        private CrmRef entity;
        private List<CrmRef> bindings = List.of();
        private Long activityId;
        private CallDirection direction = CallDirection.UNKNOWN;
        private boolean callListMode;

        private StatusBuilder(String callId, CardCallState state) {
            this.callId = callId;
            this.state = state;
        }

        StatusBuilder phone(String raw) {
            phone = CallerNumber.of(raw);
            return this;
        }

        StatusBuilder line(String number, String name) {
            lineNumber = number;
            lineName = name;
            return this;
        }

        StatusBuilder entity(CrmRef ref) {
            entity = ref;
            return this;
        }

        StatusBuilder bindings(CrmRef... refs) {
            bindings = new ArrayList<>(Arrays.asList(refs));
            return this;
        }

        StatusBuilder activity(long id) {
            activityId = id;
            return this;
        }

        StatusBuilder direction(CallDirection d) {
            direction = d;
            return this;
        }

        StatusBuilder callListMode(boolean on) {
            callListMode = on;
            return this;
        }

        CallCardStatus build() {
            return new CallCardStatus(callId, phone, lineNumber, lineName, entity, bindings, activityId, direction,
                    state, callListMode);
        }
    }
}
