package io.callcard.history.recorder;

import static io.callcard.history.recorder.AppliedEvents.at;
import static io.callcard.history.recorder.AppliedEvents.end;
import static io.callcard.history.recorder.AppliedEvents.init;
import static io.callcard.history.recorder.AppliedEvents.opened;
import static io.callcard.history.recorder.AppliedEvents.polled;
import static io.callcard.history.recorder.AppliedEvents.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallDirection;
import io.callcard.call.CallEvent;
import io.callcard.call.CallOutcome;
import io.callcard.call.CrmEntityType;
import io.callcard.call.CrmNames;
import io.callcard.call.CrmRef;
import io.callcard.call.EventChannel;
import io.callcard.history.FactSource;
import io.callcard.history.HistoryCall;
import io.callcard.history.HistoryWrite;
import io.callcard.history.Outcome;
import io.callcard.wire.CardCallState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallRecordsTest {

    private final AppliedEvents tracker = new AppliedEvents();
    private final CallRecords records = new CallRecords();
    /** The newest record of each key, in the order first saved; and every timeline entry's key. */
    private final Map<String, HistoryCall> saved = new LinkedHashMap<>();
    private final List<String> timeline = new ArrayList<>();

    private List<HistoryWrite> feed(CallEvent event, EventChannel channel) {
        var applied = tracker.apply(event, channel);
        List<HistoryWrite> writes = records.fold(applied, EventSources.of(applied, false),
                TimelinePayloads.of(event));
        for (HistoryWrite write : writes) {
            if (write instanceof HistoryWrite.SaveCall s) {
                saved.put(s.call().key(), s.call());
            } else if (write instanceof HistoryWrite.AppendTimeline t) {
                assertTrue(saved.containsKey(t.key()), "a timeline entry follows its call's record");
                timeline.add(t.key());
            }
        }
        return writes;
    }

    private List<HistoryCall> calls() {
        return List.copyOf(saved.values());
    }

    @Test
    void aWidgetCallBecomesOneRecordWithItsWholeTimeline() {
        feed(opened(0, "C1", "+74951234567", CardCallState.CONNECTING), EventChannel.WIDGET_BRIDGE);
        feed(state(8, CardCallState.CONNECTED, null), EventChannel.WIDGET_BRIDGE);
        feed(state(50, CardCallState.IDLE, "200"), EventChannel.WIDGET_BRIDGE);

        HistoryCall call = calls().get(0);
        assertEquals(1, calls().size());
        assertEquals(List.of(call.key(), call.key(), call.key()), timeline);
        assertEquals("C1", call.callId());
        assertEquals(CallDirection.INCOMING, call.direction());
        assertEquals("+74951234567", call.number());
        assertEquals("reg1", call.lineNumber());
        assertEquals(at(0), call.firstHeard());
        assertEquals(at(8), call.connectedAt());
        assertEquals(at(50), call.endedAt());
        assertEquals(8, call.ringSeconds());
        assertEquals(42, call.talkSeconds());
        assertEquals("200", call.failedCode());
        assertEquals(Outcome.ANSWERED, call.outcome());
        assertEquals(FactSource.WIDGET, call.sources().get("connectedAt"));
        assertEquals(FactSource.WIDGET, call.sources().get("failedCode"));
    }

    @Test
    void anotherLinesServerCallWhileTheCardShowsACallGetsItsOwnRecord() {
        feed(opened(0, "MINE", "+74951111111", CardCallState.CONNECTED), EventChannel.WIDGET_BRIDGE);
        feed(init(5, "OTHER", "+74952222222"), EventChannel.SERVER_EVENTS);
        feed(end(35, "OTHER", "+74952222222", 0, "304"), EventChannel.SERVER_EVENTS);

        assertEquals("MINE", tracker.card().callId(), "the card kept its own call");
        assertEquals(2, calls().size());
        HistoryCall other = calls().get(1);
        assertEquals("OTHER", other.callId());
        assertEquals("+74952222222", other.number());
        assertEquals(at(5), other.firstHeard());
        assertEquals(at(35), other.endedAt());
        assertEquals(30, other.ringSeconds());
        assertEquals("304", other.failedCode());
        assertEquals("reason 304", other.failedReason());
        assertEquals(Outcome.MISSED, other.outcome());
        assertEquals(FactSource.SERVER_EVENTS, other.sources().get("endedAt"));
        assertNull(calls().get(0).endedAt(), "the card's call still runs");
    }

    @Test
    void aCallIdTheCardSeesAgainAfterItEndedIsANewRecord() {
        feed(opened(0, "X", "+74951234567", CardCallState.CONNECTING), EventChannel.WIDGET_BRIDGE);
        feed(state(20, CardCallState.IDLE, "304"), EventChannel.WIDGET_BRIDGE);
        feed(opened(600, "X", "+79990000000", CardCallState.CONNECTING), EventChannel.WIDGET_BRIDGE);
        feed(state(610, CardCallState.CONNECTED, null), EventChannel.WIDGET_BRIDGE);

        assertEquals(2, calls().size());
        HistoryCall first = calls().get(0);
        HistoryCall second = calls().get(1);
        assertNotEquals(first.key(), second.key());
        assertEquals(Outcome.MISSED, first.outcome());
        assertEquals(at(20), first.endedAt());
        assertEquals("+79990000000", second.number());
        assertEquals(at(600), second.firstHeard());
        assertEquals(at(610), second.connectedAt());
        assertEquals(Outcome.IN_PROGRESS, second.outcome(), "talking, not ended");
        assertEquals(List.of(first.key(), first.key(), second.key(), second.key()), timeline);
    }

    @Test
    void aLatePollOfTheCallThatJustEndedStaysOnItsRecord() {
        feed(opened(0, "X", "+74951234567", CardCallState.CONNECTED), EventChannel.WIDGET_BRIDGE);
        feed(end(30, "X", "+74951234567", 30, "200"), EventChannel.SERVER_EVENTS);
        feed(polled(29, "X", "+74951234567", CardCallState.CONNECTED), EventChannel.WIDGET_BRIDGE); // taken before

        assertEquals(1, calls().size());
        assertEquals(3, timeline.size(), "the stale poll is in the timeline all the same");
        assertEquals(at(30), calls().get(0).endedAt());
    }

    @Test
    void aServerCallIdHeardAgainIsTheSameCallOnlyWhileItHadNotEnded() {
        feed(opened(0, "MINE", "+74951111111", CardCallState.CONNECTED), EventChannel.WIDGET_BRIDGE);
        feed(init(10, "R", "+74952222222"), EventChannel.SERVER_EVENTS);
        feed(init(12, "R", "+74952222222"), EventChannel.SERVER_EVENTS); // delivered twice: the same call
        feed(end(40, "R", "+74952222222", 0, "486"), EventChannel.SERVER_EVENTS);
        feed(init(300, "R", "+74953333333"), EventChannel.SERVER_EVENTS); // ended before: a reused id

        List<HistoryCall> others = calls().stream().filter(c -> c.callId().equals("R")).toList();
        assertEquals(2, others.size());
        assertEquals(Outcome.BUSY, others.get(0).outcome());
        assertEquals(at(10), others.get(0).firstHeard());
        assertEquals("+74953333333", others.get(1).number());
        assertEquals(Outcome.IN_PROGRESS, others.get(1).outcome());
    }

    @Test
    void halfAnHourOfSilenceMakesTheIdANewCallEvenUnended() {
        feed(opened(0, "MINE", "+74951111111", CardCallState.CONNECTED), EventChannel.WIDGET_BRIDGE);
        feed(init(10, "S", "+74952222222"), EventChannel.SERVER_EVENTS);
        feed(init(10 + 31 * 60, "S", "+74952222222"), EventChannel.SERVER_EVENTS);

        assertEquals(2, calls().stream().filter(c -> c.callId().equals("S")).count());
    }

    @Test
    void anEventWithNoCallToAttachToIsKeptNowhere() {
        assertTrue(feed(new CallEvent.BeforeClose(at(0), null), EventChannel.WIDGET_BRIDGE).isEmpty());
        assertTrue(feed(new CallEvent.CrmNamesLearned(at(1), "NOBODY", null, CrmNames.NONE),
                EventChannel.PORTAL_LOOKUP).isEmpty());
        assertTrue(calls().isEmpty());
    }

    @Test
    void namesAndTheOutcomeLearnedAfterwardsCompleteTheRecordWithTheirSources() {
        CrmRef contact = new CrmRef(CrmEntityType.CONTACT, 42);
        feed(new CallEvent.WidgetOpened(at(0), AppliedEvents.linkedStatus("N", "+74951234567",
                CardCallState.CONNECTED, contact)), EventChannel.WIDGET_BRIDGE);
        feed(new CallEvent.CrmNamesLearned(at(1), "N", tracker.card().openedAt(),
                CrmNames.found(contact, "Ольга Иванова")), EventChannel.PORTAL_LOOKUP);
        feed(state(60, CardCallState.IDLE, null), EventChannel.WIDGET_BRIDGE);
        feed(new CallEvent.OutcomeLearned(at(70), "N", tracker.card().openedAt(), "200", "", Duration.ofSeconds(57),
                CallOutcome.Source.STATISTICS), EventChannel.PORTAL_LOOKUP);

        HistoryCall call = calls().get(0);
        assertEquals(1, calls().size());
        assertEquals("Ольга Иванова", call.crmName());
        assertEquals(77L, call.activityId());
        assertEquals(FactSource.CRM, call.sources().get("bindings"));
        assertEquals(57, call.talkSeconds());
        assertEquals(FactSource.STATISTICS, call.sources().get("talkSeconds"));
        assertEquals("200", call.failedCode());
        assertEquals(Outcome.ANSWERED, call.outcome());
    }

    @Test
    void theTimelineKeepsWhatTheEventSaid() {
        feed(init(0, "P", "+74951234567"), EventChannel.SERVER_EVENTS);
        String payload = TimelinePayloads.of(end(9, "P", "+74951234567", 0, "603"));

        assertEquals("{\"callId\":\"P\",\"direction\":\"INCOMING\",\"phone\":\"+74951234567\",\"talked\":0,"
                + "\"failedCode\":\"603\",\"failedReason\":\"reason 603\"}", payload);
    }

    @Test
    void aResumedCallGoesOnWithinThirtyMinutesOfItsLastEventAndNotAfter() {
        CallRecords first = new CallRecords();
        AppliedEvents before = new AppliedEvents();
        HistoryCall ringing = null;
        for (CallEvent event : List.<CallEvent>of(init(0, "A", "+74951234567"), init(0, "B", "+74957654321"))) {
            for (HistoryWrite write : first.fold(before.apply(event, EventChannel.SERVER_EVENTS),
                    FactSource.SERVER_EVENTS, "{}")) {
                if (write instanceof HistoryWrite.SaveCall save && save.call().callId().equals("A")) {
                    ringing = save.call();
                }
            }
        }
        HistoryCall a = ringing;
        HistoryCall b = new HistoryCall("B@stored", "B", a.direction(), "+74957654321", "", "", null, null, null,
                false, AppliedEvents.at(0), null, null, null, null, null, null, a.outcome(), null, null, null, null);
        // the restart: a new fold, told of the calls the store holds as not ended, last heard at second 60
        records.resume(a, AppliedEvents.at(60));
        records.resume(b, AppliedEvents.at(60));

        feed(end(60 + 29 * 60, "A", "+74951234567", 42, "200"), EventChannel.SERVER_EVENTS);
        feed(end(60 + 31 * 60, "B", "+74957654321", 0, "304"), EventChannel.SERVER_EVENTS);

        HistoryCall endedA = saved.get(a.key());
        assertEquals(42, endedA.talkSeconds(), "A's end, 29 minutes after its last event, is A's record's");
        assertEquals(AppliedEvents.at(0), endedA.firstHeard());
        assertFalse(saved.containsKey("B@stored"), "B's id, silent for 31 minutes, is another call now");
        assertEquals(2, calls().size());
    }
}
