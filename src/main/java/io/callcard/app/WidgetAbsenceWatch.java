package io.callcard.app;

import io.callcard.call.CallEvent;
import io.callcard.call.CallSnapshot;
import io.callcard.call.CallUpdate;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Notices a call that only the portal's server events told of: Bitrix24 loads the companion's widget by itself only
 * when it is the call card's default tab (protocol.md §2a), so an admin who put another application, a call list or a
 * web form first leaves the agent with a card the companion never hears from. When such a call ends (or the next one
 * replaces it) with no word from a widget, {@code report} gets its last snapshot, once per call.
 *
 * <p>The portal posts server events for every line; a call answered by someone else is no sign of a missing widget.
 * So once the agent's user id is known ({@code agentUserId}, from the widget's sign-in), a call answered by another
 * user is not reported; until then every answered call is. A call nobody answered says nothing about whose card rang.
 * Subscribed to the {@link io.callcard.call.CallTracker}: runs on its thread, and only keeps a few fields.
 */
final class WidgetAbsenceWatch implements Consumer<CallUpdate> {

    private final Supplier<Optional<String>> agentUserId;
    private final Consumer<CallSnapshot> report;

    // the tracker's thread only: the call watched now, named by CALL_ID and when it opened (Bitrix24 reuses ids)
    private String callId;
    private Instant openedAt;
    private boolean widgetSpoke;
    private String answeredBy;
    private boolean answered;
    private boolean reported;

    WidgetAbsenceWatch(Supplier<Optional<String>> agentUserId, Consumer<CallSnapshot> report) {
        this.agentUserId = Objects.requireNonNull(agentUserId, "agentUserId");
        this.report = Objects.requireNonNull(report, "report");
    }

    @Override
    public void accept(CallUpdate update) {
        CallSnapshot current = update.current();
        if (update.startedNewCall()) {
            judge(update.previous());
            callId = current.callId();
            openedAt = current.openedAt();
            widgetSpoke = false;
            answered = false;
            answeredBy = null;
            reported = false;
        }
        if (callId == null || !callId.equals(current.callId()) || !Objects.equals(openedAt, current.openedAt())) {
            return;
        }
        CallEvent event = update.event();
        if (current.cardOpen() || isFromWidget(event)) {
            widgetSpoke = true;
        }
        if (event instanceof CallEvent.ServerCallAnswered) {
            answered = true;
            answeredBy = ((CallEvent.ServerCallAnswered) event).userId();
        } else if (event instanceof CallEvent.ServerCallEnded && !((CallEvent.ServerCallEnded) event).talked().isZero()) {
            answered = true; // START may have been missed; a talk time says somebody answered
        }
        if (current.endedAt() != null) {
            judge(current);
        }
    }

    private void judge(CallSnapshot call) {
        if (reported || widgetSpoke || !answered || call.callId() == null) {
            return;
        }
        Optional<String> agent = agentUserId.get();
        if (agent.isPresent() && answeredBy != null && !agent.get().equals(answeredBy)) {
            return; // another agent's call on another line
        }
        reported = true;
        report.accept(call);
    }

    /** Whatever only the card's widget page (the bridge, or the seed transport speaking for the card) sends. */
    private static boolean isFromWidget(CallEvent event) {
        return event instanceof CallEvent.WidgetOpened || event instanceof CallEvent.StatusPolled
                || event instanceof CallEvent.StateChanged || event instanceof CallEvent.EntityChanged
                || event instanceof CallEvent.BeforeClose || event instanceof CallEvent.AutoCloseChanged
                || event instanceof CallEvent.BridgeLost;
    }
}
