package io.callcard.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.wire.CardCallState;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The tracker's hook on applied events: every event, changed or not, with its channel, before the subscribers. */
class CallTrackerHookTest {

    private static final Instant T0 = Instant.parse("2026-12-04T09:00:00Z");

    @AutoClose
    private final CallTracker tracker = new CallTracker();
    private final List<AppliedEvent> heard = new CopyOnWriteArrayList<>();
    private final List<CallUpdate> changes = new CopyOnWriteArrayList<>();

    private static CallCardStatus status(String callId, CardCallState state) {
        return new CallCardStatus(callId, CallerNumber.of("+74951234567"), "reg1", "", null, List.of(), null,
                CallDirection.INCOMING, state, false);
    }

    @Test
    void everyAppliedEventIsHeardWithItsChannelAlsoThoseTheCardDropped() throws Exception {
        tracker.hearEveryEvent(heard::add);
        tracker.subscribe(changes::add);
        CallEvent opened = new CallEvent.WidgetOpened(T0, status("MINE", CardCallState.CONNECTED));
        CallEvent otherLine = new CallEvent.ServerCallStarted(T0.plusSeconds(2), "OTHER", CallDirection.INCOMING,
                CallerNumber.of("+79161112233"));
        CallEvent stalePoll = new CallEvent.StatusPolled(T0.minusSeconds(1), status("MINE", CardCallState.CONNECTING));

        tracker.submit(opened, EventChannel.WIDGET_BRIDGE).get();
        tracker.submit(otherLine, EventChannel.SERVER_EVENTS).get();
        tracker.submit(stalePoll, EventChannel.SEED_TRANSPORT).get();

        assertEquals(List.of(opened, otherLine, stalePoll), heard.stream().map(AppliedEvent::event).toList());
        assertEquals(List.of(EventChannel.WIDGET_BRIDGE, EventChannel.SERVER_EVENTS, EventChannel.SEED_TRANSPORT),
                heard.stream().map(AppliedEvent::channel).toList());
        assertEquals(1, changes.size(), "subscribers hear changes only");
        assertTrue(heard.get(0).reachedCard());
        assertFalse(heard.get(1).reachedCard(), "another line's call while mine runs");
        assertSame(heard.get(1).before(), heard.get(1).after());
        assertEquals("MINE", heard.get(2).after().callId());
        assertFalse(heard.get(2).reachedCard(), "stale");
    }

    @Test
    void anEventSubmittedWithoutAChannelIsTheCompanionsOwnLookUp() throws Exception {
        tracker.hearEveryEvent(heard::add);
        tracker.submit(new CallEvent.BeforeClose(T0, null)).get();
        assertEquals(EventChannel.PORTAL_LOOKUP, heard.get(0).channel());
    }

    @Test
    void aBrokenHearerStopsNeitherTheTrackerNorTheSubscribersAndItsHandleEndsIt() throws Exception {
        AutoCloseable broken = tracker.hearEveryEvent(applied -> {
            throw new IllegalStateException("broken hearer (expected in this test)");
        });
        tracker.subscribe(changes::add);
        AutoCloseable listening = tracker.hearEveryEvent(heard::add);
        tracker.submit(new CallEvent.WidgetOpened(T0, status("A", CardCallState.CONNECTING)),
                EventChannel.WIDGET_BRIDGE).get();
        broken.close();
        listening.close();
        CallSnapshot after = tracker.submit(new CallEvent.StateChanged(T0.plusSeconds(1), null,
                CardCallState.CONNECTED, null), EventChannel.WIDGET_BRIDGE).get();

        assertEquals(1, heard.size(), "heard until its handle closed");
        assertEquals(2, changes.size());
        assertEquals(CardCallState.CONNECTED, after.state());
    }
}
