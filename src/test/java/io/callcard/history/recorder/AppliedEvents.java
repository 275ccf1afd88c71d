package io.callcard.history.recorder;

import io.callcard.call.AppliedEvent;
import io.callcard.call.CallCardStatus;
import io.callcard.call.CallDirection;
import io.callcard.call.CallEvent;
import io.callcard.call.CallSnapshot;
import io.callcard.call.CallStateReducer;
import io.callcard.call.CallerNumber;
import io.callcard.call.CrmRef;
import io.callcard.call.EventChannel;
import io.callcard.wire.CardCallState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Applies events with the real reducer, as the tracker does, and gives each as the hook hears it (the snapshots
 * either side, the channel): the fold's tests feed it what the tracker would.
 */
final class AppliedEvents {

    static final Instant T0 = Instant.parse("2026-12-04T09:00:00Z");

    private CallSnapshot card = CallSnapshot.EMPTY;

    AppliedEvent apply(CallEvent event, EventChannel channel) {
        CallSnapshot before = card;
        card = CallStateReducer.reduce(before, event);
        return new AppliedEvent(event, channel, before, card);
    }

    CallSnapshot card() {
        return card;
    }

    static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    static CallEvent.WidgetOpened opened(int second, String callId, String phone, CardCallState state) {
        return new CallEvent.WidgetOpened(at(second), status(callId, phone, state));
    }

    static CallEvent.StatusPolled polled(int second, String callId, String phone, CardCallState state) {
        return new CallEvent.StatusPolled(at(second), status(callId, phone, state));
    }

    static CallCardStatus status(String callId, String phone, CardCallState state) {
        return new CallCardStatus(callId, CallerNumber.of(phone), "reg1", "Sales line", null, List.of(), null,
                CallDirection.INCOMING, state, false);
    }

    static CallCardStatus linkedStatus(String callId, String phone, CardCallState state, CrmRef entity) {
        return new CallCardStatus(callId, CallerNumber.of(phone), "reg1", "Sales line", entity, List.of(entity), 77L,
                CallDirection.INCOMING, state, false);
    }

    static CallEvent.StateChanged state(int second, CardCallState state, String failedCode) {
        return new CallEvent.StateChanged(at(second), null, state, failedCode);
    }

    static CallEvent.ServerCallStarted init(int second, String callId, String phone) {
        return new CallEvent.ServerCallStarted(at(second), callId, CallDirection.INCOMING, CallerNumber.of(phone));
    }

    static CallEvent.ServerCallEnded end(int second, String callId, String phone, int talked, String code) {
        return new CallEvent.ServerCallEnded(at(second), callId, CallDirection.INCOMING, CallerNumber.of(phone),
                Duration.ofSeconds(talked), null, code, code == null ? "" : "reason " + code, null);
    }
}
