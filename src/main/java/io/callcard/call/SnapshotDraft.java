package io.callcard.call;

import io.callcard.wire.CardCallState;
import java.time.Instant;
import java.util.List;

/** A mutable copy of a snapshot, used only inside one {@link CallStateReducer#reduce} call. */
final class SnapshotDraft {
    String callId;
    CallerNumber phone;
    CallDirection direction;
    CardCallState state;
    String lineNumber;
    String lineName;
    CrmRef entity;
    List<CrmRef> bindings;
    Long activityId;
    boolean callListMode;
    CallOutcome outcome;
    boolean autoCloseHeld;
    boolean cardOpen;
    boolean closing;
    Instant openedAt;
    Instant connectedAt;
    Instant endedAt;
    Instant updatedAt;
    CrmNames crmNames;
    Instant ringingSince;
    Instant closeCountdownFrom;

    SnapshotDraft(CallSnapshot s) {
        callId = s.callId();
        phone = s.phone();
        direction = s.direction();
        state = s.state();
        lineNumber = s.lineNumber();
        lineName = s.lineName();
        entity = s.entity();
        bindings = s.bindings();
        activityId = s.activityId();
        callListMode = s.callListMode();
        outcome = s.outcome();
        autoCloseHeld = s.autoCloseHeld();
        cardOpen = s.cardOpen();
        closing = s.closing();
        openedAt = s.openedAt();
        connectedAt = s.connectedAt();
        endedAt = s.endedAt();
        updatedAt = s.updatedAt();
        crmNames = s.crmNames();
        ringingSince = s.ringingSince();
        closeCountdownFrom = s.closeCountdownFrom();
    }

    /** Forget everything about the previous call; a new one with {@code id} begins at {@code at}. */
    static SnapshotDraft newCall(String id, Instant at) {
        SnapshotDraft fresh = new SnapshotDraft(CallSnapshot.EMPTY);
        fresh.callId = id;
        fresh.openedAt = at;
        fresh.updatedAt = at;
        return fresh;
    }

    CallSnapshot build() {
        return new CallSnapshot(callId, phone, direction, state, lineNumber, lineName, entity, bindings, activityId,
                callListMode, outcome, autoCloseHeld, cardOpen, closing, openedAt, connectedAt, endedAt, updatedAt,
                crmNames, ringingSince, closeCountdownFrom);
    }
}
