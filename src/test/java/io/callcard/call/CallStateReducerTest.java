package io.callcard.call;

import static io.callcard.call.CallFixtures.autoClose;
import static io.callcard.call.CallFixtures.beforeClose;
import static io.callcard.call.CallFixtures.bridgeLost;
import static io.callcard.call.CallFixtures.entity;
import static io.callcard.call.CallFixtures.idle;
import static io.callcard.call.CallFixtures.learned;
import static io.callcard.call.CallFixtures.opened;
import static io.callcard.call.CallFixtures.polled;
import static io.callcard.call.CallFixtures.ref;
import static io.callcard.call.CallFixtures.serverEnd;
import static io.callcard.call.CallFixtures.serverInit;
import static io.callcard.call.CallFixtures.serverStart;
import static io.callcard.call.CallFixtures.state;
import static io.callcard.call.CallFixtures.status;
import static io.callcard.call.CallFixtures.t;
import static io.callcard.call.CallFixtures.unavailable;
import static io.callcard.wire.CardCallState.CONNECTED;
import static io.callcard.wire.CardCallState.CONNECTING;
import static io.callcard.wire.CardCallState.IDLE;
import static io.callcard.call.CrmEntityType.COMPANY;
import static io.callcard.call.CrmEntityType.CONTACT;
import static io.callcard.call.CrmEntityType.DEAL;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.wire.CardCallState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reducer as a table: each case applies events in order (from {@link CallSnapshot#EMPTY} or a given snapshot), says
 * what the last event must do to the snapshot before it, and what the final snapshot must look like.
 */
class CallStateReducerTest {

    /** What the last event of a case does to the snapshot it is applied to. */
    enum Effect {
        /** Something the agent sees changed. */
        CHANGES,
        /** Nothing the agent sees changed ({@code sameExceptUpdatedAt}), but the event was heard: {@code updatedAt} moved. */
        INVISIBLE,
        /** Stale or unattached: the very same instance comes back. */
        IGNORED
    }

    record Case(CallSnapshot start, List<CallEvent> events, Effect last, Expect expect) {
    }

    /** The end of time for talk-time checks on calls still running. */
    private static final Instant NOW = t(1_000);

    private static final String PHONE = "+7 495 123-45-67";

    /** A call that is talking: started from a snapshot rather than from events. */
    private static final CallSnapshot TALKING = new CallSnapshot("A", CallerNumber.of(PHONE), CallDirection.INCOMING,
            CONNECTED, "reg1", "Office", ref(CONTACT, 5), List.of(ref(CONTACT, 5)), 77L, false, null, true, true,
            false, t(0), t(5), null, t(5), CrmNames.NONE);

    /** A call that ended busy at 60 s. */
    private static final CallSnapshot ENDED_BUSY = new CallSnapshot("A", CallerNumber.of(PHONE),
            CallDirection.OUTGOING, IDLE, "reg1", "Office", ref(CONTACT, 5), List.of(ref(CONTACT, 5)), 77L, false,
            CallOutcome.known("486", "", null, CallOutcome.Source.WIDGET), false, true, true, t(0), null, t(60), t(60),
            CrmNames.NONE);

    static Stream<Arguments> cases() {
        return Stream.of(
                // ---- the normal life of a call
                tc("incoming: idle -> connecting -> connected -> idle ends normally, talk time connected..ended",
                        Effect.CHANGES,
                        expect().callId("A").phase(CallDisplayState.ENDED).state(IDLE).failedCode(null).openedAt(t(0))
                                .connectedAt(t(5)).endedAt(t(65)).talkTime(Duration.ofSeconds(60)).wasConnected(true),
                        opened(0, status("A", IDLE).direction(CallDirection.INCOMING)),
                        state(1, null, CONNECTING), state(5, null, CONNECTED), state(65, null, IDLE)),
                tc("connected call is CONNECTED, talk time runs to now",
                        Effect.CHANGES,
                        expect().phase(CallDisplayState.CONNECTED).state(CONNECTED).connectedAt(t(5)).endedAt(null)
                                .talkTime(Duration.ofSeconds(995)),
                        opened(0, status("A", CONNECTING)), state(5, "A", CONNECTED)),
                tc("outgoing card opened idle is READY",
                        Effect.CHANGES,
                        expect().callId("A").phase(CallDisplayState.READY).state(IDLE).direction(CallDirection.OUTGOING)
                                .cardOpen(true).openedAt(t(0)).connectedAt(null).endedAt(null),
                        opened(0, status("A", IDLE).direction(CallDirection.OUTGOING).phone(PHONE))),
                tc("outgoing: READY -> connecting -> idle 486 is FAILED and never connected",
                        Effect.CHANGES,
                        expect().phase(CallDisplayState.FAILED).state(IDLE).failedCode("486").connectedAt(null)
                                .outcome(CallOutcome.State.KNOWN).source(CallOutcome.Source.WIDGET)
                                .endedAt(t(20)).talkTime(Duration.ZERO).wasConnected(false),
                        opened(0, status("A", IDLE).direction(CallDirection.OUTGOING)),
                        state(2, null, CONNECTING), idle(20, null, "486")),
                tc("missed incoming call 304",
                        Effect.CHANGES,
                        expect().phase(CallDisplayState.FAILED).failedCode("304").connectedAt(null).endedAt(t(30))
                                .talkTime(Duration.ZERO),
                        opened(0, status("A", CONNECTING).direction(CallDirection.INCOMING)),
                        idle(30, "A", "304")),
                tc("failedCode in a later idle event, after a poll already saw idle, lands on the ended call",
                        Effect.CHANGES,
                        expect().callId("A").phase(CallDisplayState.FAILED).failedCode("304").endedAt(t(30))
                                .connectedAt(null),
                        opened(0, status("A", CONNECTING)), polled(30, status("A", IDLE)), idle(31, null, "304")),
                tc("a failedCode stamped a moment before the poll that saw idle still lands on the ended call",
                        Effect.CHANGES,
                        expect().callId("A").phase(CallDisplayState.FAILED).failedCode("486").endedAt(t(30))
                                .updatedAt(t(30)),
                        opened(0, status("A", CONNECTING)), polled(30, status("A", IDLE)), idle(29, null, "486")),
                tc("a stale failedCode does not replace the code the call already has",
                        Effect.IGNORED,
                        expect().failedCode("304"),
                        opened(0, status("A", CONNECTING)), idle(30, "A", "304"), idle(29, "A", "486")),
                tc("a late close attempt for a replaced call does not start it again",
                        Effect.IGNORED,
                        expect().callId("B").phase(CallDisplayState.CONNECTING).closing(false),
                        opened(0, status("A", CONNECTING)), opened(20, status("B", CONNECTING)),
                        beforeClose(25, "A")),
                tc("a late bridge-lost for a replaced call does not touch the current one",
                        Effect.IGNORED,
                        expect().callId("B").cardOpen(true),
                        opened(0, status("A", CONNECTING)), opened(20, status("B", CONNECTING)),
                        bridgeLost(25, "A")),
                tc("a late entity change for a replaced call does not relink the current one",
                        Effect.IGNORED,
                        expect().callId("B").entity(null),
                        opened(0, status("A", CONNECTING)), opened(20, status("B", CONNECTING)),
                        entity(25, "A", PHONE, ref(CONTACT, 9))),
                tc("a late auto-close confirmation for a replaced call is dropped",
                        Effect.IGNORED,
                        expect().callId("B").held(false),
                        opened(0, status("A", CONNECTING)), opened(20, status("B", CONNECTING)),
                        autoClose(25, "A", true)),
                tc("a poll that saw idle ends the call (ENDED until a code arrives)",
                        Effect.CHANGES,
                        expect().phase(CallDisplayState.ENDED).failedCode(null).endedAt(t(30))
                                .outcome(CallOutcome.State.PENDING),
                        opened(0, status("A", CONNECTING)), polled(30, status("A", IDLE))),
                tc("a second failedCode does not overwrite the first one",
                        Effect.INVISIBLE,
                        expect().phase(CallDisplayState.FAILED).failedCode("486").endedAt(t(30)),
                        opened(0, status("A", CONNECTING)), idle(30, null, "486"), idle(31, null, "304")),
                tc("failed code 200 counts as success",
                        Effect.CHANGES,
                        expect().phase(CallDisplayState.ENDED).failedCode("200").connectedAt(t(5)).endedAt(t(50))
                                .talkTime(Duration.ofSeconds(45)),
                        opened(0, status("A", CONNECTING)), state(5, null, CONNECTED), idle(50, null, "200")),
                tc("unknown code 499 is kept verbatim",
                        Effect.CHANGES,
                        expect().phase(CallDisplayState.FAILED).failedCode("499"),
                        opened(0, status("A", CONNECTING)), idle(9, null, "499")),
                tc("603-S is kept as it came",
                        Effect.CHANGES,
                        expect().phase(CallDisplayState.FAILED).failedCode("603-S"),
                        opened(0, status("A", CONNECTING)), idle(9, null, "603-S")),
                tc("blank failedCode is no code: ENDED",
                        Effect.CHANGES,
                        expect().phase(CallDisplayState.ENDED).failedCode(null).endedAt(t(9)),
                        opened(0, status("A", CONNECTING)), idle(9, null, "  ")),

                // ---- duplicates
                tc("connected twice: the second changes nothing the agent sees, connectedAt stays the first",
                        Effect.INVISIBLE,
                        expect().phase(CallDisplayState.CONNECTED).connectedAt(t(5)).updatedAt(t(6)),
                        opened(0, status("A", CONNECTING)), state(5, null, CONNECTED), state(6, null, CONNECTED)),
                tc("idle twice: endedAt stays the first",
                        Effect.INVISIBLE,
                        expect().phase(CallDisplayState.ENDED).endedAt(t(10)).updatedAt(t(11)),
                        opened(0, status("A", CONNECTING)), state(3, null, CONNECTED), state(10, null, IDLE),
                        state(11, null, IDLE)),
                tc("the same poll answer twice",
                        Effect.INVISIBLE,
                        expect().phase(CallDisplayState.CONNECTING).phone(PHONE),
                        opened(0, status("A", CONNECTING).phone(PHONE)),
                        polled(2, status("A", CONNECTING).phone(PHONE)),
                        polled(4, status("A", CONNECTING).phone(PHONE))),
                tc("an event stamped exactly at updatedAt is not stale",
                        Effect.CHANGES,
                        expect().phase(CallDisplayState.CONNECTED).connectedAt(t(5)).updatedAt(t(5)),
                        opened(0, status("A", CONNECTING)), state(5, null, CONNECTING), state(5, null, CONNECTED)),

                // ---- stale and out of order
                tc("a poll stamped before the newest event does not drag connected back to connecting",
                        Effect.IGNORED,
                        expect().phase(CallDisplayState.CONNECTED).state(CONNECTED).connectedAt(t(5)).updatedAt(t(5)),
                        opened(0, status("A", CONNECTING)), state(5, null, CONNECTED),
                        polled(4, status("A", CONNECTING))),
                tc("a state event stamped before the newest event is stale",
                        Effect.IGNORED,
                        expect().phase(CallDisplayState.ENDED).endedAt(t(40)),
                        opened(0, status("A", CONNECTING)), state(5, "A", CONNECTED), state(40, "A", IDLE),
                        state(39, "A", CONNECTED)),
                tcFrom("from a talking snapshot: stale poll returns the same instance", TALKING,
                        Effect.IGNORED,
                        expect().phase(CallDisplayState.CONNECTED).connectedAt(t(5)),
                        polled(3, status("A", CONNECTING))),

                // ---- another CALL_ID
                tc("a new CALL_ID mid-call starts a fresh call: old fields gone, openedAt = its time",
                        Effect.CHANGES,
                        expect().callId("B").phase(CallDisplayState.CONNECTING).state(CONNECTING).openedAt(t(20))
                                .connectedAt(null).endedAt(null).failedCode(null).phone("+7 812 000-00-00")
                                .entity(null).bindings(List.of()).activityId(null).line("", "")
                                .direction(CallDirection.INCOMING).held(false).closing(false).updatedAt(t(20)),
                        opened(0, status("A", CONNECTING).phone(PHONE).entity(ref(CONTACT, 5))
                                .bindings(ref(CONTACT, 5)).activity(77).line("reg1", "Office")
                                .direction(CallDirection.OUTGOING)),
                        state(5, null, CONNECTED), autoClose(6, null, true), beforeClose(7, null),
                        opened(20, status("B", CONNECTING).phone("+7 812 000-00-00")
                                .direction(CallDirection.INCOMING))),
                tc("a state event naming a new CALL_ID also starts a fresh call",
                        Effect.CHANGES,
                        expect().callId("B").phase(CallDisplayState.CONNECTING).openedAt(t(20)).phone(null)
                                .entity(null).connectedAt(null),
                        opened(0, status("A", CONNECTING).phone(PHONE).entity(ref(CONTACT, 5))),
                        state(5, null, CONNECTED), state(20, "B", CONNECTING)),
                tc("an event for the old call older than the new call's openedAt is dropped",
                        Effect.IGNORED,
                        expect().callId("B").phase(CallDisplayState.CONNECTING).openedAt(t(20)).failedCode(null)
                                .endedAt(null),
                        opened(0, status("A", CONNECTING)), state(5, null, CONNECTED),
                        opened(20, status("B", CONNECTING)), idle(19, "A", "486")),
                tc("a poll for the old call older than the new call's openedAt is dropped",
                        Effect.IGNORED,
                        expect().callId("B").phase(CallDisplayState.CONNECTING),
                        opened(0, status("A", CONNECTING)), opened(20, status("B", CONNECTING)),
                        state(25, "B", CONNECTING), polled(19, status("A", CONNECTED))),

                // ---- CALL_ID reused by Bitrix24 after the call ended
                tc("the same CALL_ID ringing again after it ended is a new call",
                        Effect.CHANGES,
                        expect().callId("A").phase(CallDisplayState.CONNECTING).state(CONNECTING).openedAt(t(600))
                                .connectedAt(null).endedAt(null).failedCode(null).closing(false)
                                .outcome(CallOutcome.State.NONE)
                                .talkTime(Duration.ZERO),
                        opened(0, status("A", CONNECTING)), state(5, null, CONNECTED), idle(60, null, "486"),
                        beforeClose(61, null), state(600, "A", CONNECTING)),
                tcFrom("from an ended snapshot: the reused CALL_ID connecting again starts over", ENDED_BUSY,
                        Effect.CHANGES,
                        expect().callId("A").phase(CallDisplayState.CONNECTED).openedAt(t(900)).connectedAt(t(900))
                                .endedAt(null).failedCode(null).closing(false),
                        state(900, "A", CONNECTED)),
                tcFrom("from an ended snapshot: a poll of the reused CALL_ID connecting starts over", ENDED_BUSY,
                        Effect.CHANGES,
                        expect().callId("A").phase(CallDisplayState.CONNECTING).openedAt(t(900)).connectedAt(null)
                                .endedAt(null).failedCode(null),
                        polled(900, status("A", CONNECTING))),

                // ---- events that have no call to attach to
                tc("state change with no call yet", Effect.IGNORED,
                        expect().phase(CallDisplayState.NO_CALL).callId(null).updatedAt(null),
                        state(1, null, CONNECTING)),
                tc("idle with failed code and no call yet", Effect.IGNORED,
                        expect().phase(CallDisplayState.NO_CALL).failedCode(null),
                        idle(1, null, "486")),
                tc("entity change with no call yet", Effect.IGNORED,
                        expect().phase(CallDisplayState.NO_CALL).phone(null).entity(null),
                        entity(1, null, PHONE, ref(CONTACT, 5))),
                tc("close attempt with no call yet", Effect.IGNORED,
                        expect().phase(CallDisplayState.NO_CALL).closing(false),
                        beforeClose(1, null)),
                tc("auto-close confirmation with no call yet", Effect.IGNORED,
                        expect().phase(CallDisplayState.NO_CALL).held(false),
                        autoClose(1, null, true)),
                tc("bridge lost with no call yet", Effect.IGNORED,
                        expect().phase(CallDisplayState.NO_CALL).cardOpen(false),
                        bridgeLost(1, null)),

                // ---- EntityChanged
                tc("EntityChanged with phone 'unknown' keeps the known number, takes the new entity",
                        Effect.CHANGES,
                        expect().phone(PHONE).entity(ref(COMPANY, 17)),
                        opened(0, status("A", CONNECTING).phone(PHONE).entity(ref(CONTACT, 5))),
                        entity(3, null, "unknown", ref(COMPANY, 17))),
                tc("EntityChanged with entity null unlinks, number kept",
                        Effect.CHANGES,
                        expect().phone(PHONE).entity(null),
                        opened(0, status("A", CONNECTING).phone(PHONE).entity(ref(CONTACT, 5))),
                        entity(3, null, "unknown", null)),
                tc("EntityChanged with a real number replaces it",
                        Effect.CHANGES,
                        expect().phone("+7 999 111-22-33").entity(ref(CONTACT, 5)),
                        opened(0, status("A", CONNECTING).phone(PHONE).entity(ref(CONTACT, 5))),
                        entity(3, null, "+7 999 111-22-33", ref(CONTACT, 5))),
                tc("EntityChanged fills an unknown number",
                        Effect.CHANGES,
                        expect().phone(PHONE).phase(CallDisplayState.CONNECTING),
                        opened(0, status("A", CONNECTING)), entity(3, "A", PHONE, null)),

                // ---- closing, auto-close, bridge
                tc("BeforeClose marks the card closing",
                        Effect.CHANGES,
                        expect().closing(true).phase(CallDisplayState.ENDED).cardOpen(true),
                        opened(0, status("A", CONNECTING)), state(9, null, IDLE), beforeClose(10, null)),
                tc("BeforeClose twice: the second is a no-op for the agent",
                        Effect.INVISIBLE,
                        expect().closing(true).phase(CallDisplayState.ENDED).updatedAt(t(75)),
                        opened(0, status("A", CONNECTING)), state(9, null, IDLE), beforeClose(10, null),
                        beforeClose(75, null)),
                tc("WidgetOpened again after a close attempt clears closing",
                        Effect.CHANGES,
                        expect().closing(false).cardOpen(true),
                        opened(0, status("A", CONNECTING)), beforeClose(10, null), bridgeLost(11, null),
                        opened(12, status("A", CONNECTING))),
                tc("AutoCloseChanged held",
                        Effect.CHANGES,
                        expect().held(true),
                        opened(0, status("A", CONNECTING)), autoClose(2, null, true)),
                tc("AutoCloseChanged released",
                        Effect.CHANGES,
                        expect().held(false),
                        opened(0, status("A", CONNECTING)), autoClose(2, null, true), autoClose(3, "A", false)),
                tcFrom("AutoCloseChanged repeated changes nothing", TALKING,
                        Effect.INVISIBLE,
                        expect().held(true).phase(CallDisplayState.CONNECTED),
                        autoClose(8, null, true)),
                tc("BridgeLost sets cardOpen false and keeps the phase",
                        Effect.CHANGES,
                        expect().cardOpen(false).phase(CallDisplayState.FAILED).failedCode("486"),
                        opened(0, status("A", CONNECTING)), idle(9, null, "486"), bridgeLost(10, null)),
                tcFrom("BridgeLost mid-call: the widget closed with its card, so the call ended, outcome pending",
                        TALKING,
                        Effect.CHANGES,
                        expect().cardOpen(false).phase(CallDisplayState.ENDED).state(IDLE).connectedAt(t(5))
                                .endedAt(t(10)).talkTime(Duration.ofSeconds(5)).outcome(CallOutcome.State.PENDING)
                                .failedCode(null),
                        bridgeLost(10, "A")),
                tc("BridgeLost while ringing ends the call unanswered, outcome pending",
                        Effect.CHANGES,
                        expect().phase(CallDisplayState.ENDED).connectedAt(null).endedAt(t(20)).cardOpen(false)
                                .outcome(CallOutcome.State.PENDING),
                        opened(0, status("A", CONNECTING)), bridgeLost(20, null)),
                tc("BridgeLost from a READY card (never rang) ends nothing",
                        Effect.CHANGES,
                        expect().phase(CallDisplayState.READY).endedAt(null).cardOpen(false)
                                .outcome(CallOutcome.State.NONE),
                        opened(0, status("A", IDLE).direction(CallDirection.OUTGOING)), bridgeLost(5, "A")),

                // ---- the outcome learned after the end (voximplant.statistic.get), or not to be had
                tc("a busy call whose end was lost: the portal's record makes it FAILED 486 with its reason",
                        Effect.CHANGES,
                        expect().phase(CallDisplayState.FAILED).failedCode("486").outcome(CallOutcome.State.KNOWN)
                                .source(CallOutcome.Source.STATISTICS).reason("Busy").talkTime(Duration.ZERO)
                                .endedAt(t(20)).updatedAt(t(26)),
                        opened(0, status("A", CONNECTING).direction(CallDirection.OUTGOING)), bridgeLost(20, null),
                        learned(26, "A", 0L, "486", "Busy", 0)),
                tcFrom("the portal's CALL_DURATION replaces the talk time counted from the card", TALKING,
                        Effect.CHANGES,
                        expect().phase(CallDisplayState.ENDED).failedCode("200").connectedAt(t(5)).endedAt(t(65))
                                .talkTime(Duration.ofSeconds(58)),
                        bridgeLost(65, "A"), learned(70, "A", 0L, "200", "", 58)),
                tc("a record with talk time for a call the card never saw answered counts the answer back",
                        Effect.CHANGES,
                        expect().phase(CallDisplayState.ENDED).wasConnected(true).connectedAt(t(30))
                                .talkTime(Duration.ofSeconds(30)),
                        opened(0, status("A", CONNECTING)), bridgeLost(60, null), learned(64, "A", 0L, "200", "", 30)),
                tc("an outcome stamped before the newest event is never stale for the call that ended",
                        Effect.CHANGES,
                        expect().phase(CallDisplayState.FAILED).failedCode("304").updatedAt(t(20)),
                        opened(0, status("A", CONNECTING)), bridgeLost(20, null), learned(15, "A", 0L, "304", "", 0)),
                tc("an outcome for a call still running is dropped",
                        Effect.IGNORED,
                        expect().phase(CallDisplayState.CONNECTING).outcome(CallOutcome.State.NONE),
                        opened(0, status("A", CONNECTING)), learned(5, "A", null, "486", "Busy", 0)),
                tc("an outcome for another CALL_ID is dropped: it cannot start a call",
                        Effect.IGNORED,
                        expect().callId("A").outcome(CallOutcome.State.PENDING),
                        opened(0, status("A", CONNECTING)), bridgeLost(20, null), learned(25, "B", null, "486", "", 0)),
                tc("the outcome of the earlier call under a reused CALL_ID does not reach the later one",
                        Effect.IGNORED,
                        expect().openedAt(t(600)).endedAt(t(650)).outcome(CallOutcome.State.PENDING).failedCode(null),
                        opened(0, status("A", CONNECTING)), bridgeLost(20, null), state(600, "A", CONNECTING),
                        bridgeLost(650, "A"), learned(655, "A", 0L, "486", "Busy", 0)),
                tc("an outcome naming no call reaches the call with that CALL_ID that ended last",
                        Effect.CHANGES,
                        expect().openedAt(t(600)).failedCode("603"),
                        opened(0, status("A", CONNECTING)), bridgeLost(20, null), state(600, "A", CONNECTING),
                        bridgeLost(650, "A"), learned(655, "A", null, "603", "Declined", 0)),
                tc("no record in time: the outcome is unavailable, the call simply ENDED",
                        Effect.CHANGES,
                        expect().phase(CallDisplayState.ENDED).outcome(CallOutcome.State.UNAVAILABLE)
                                .missing(CallOutcome.Missing.NO_RECORD).failedCode(null),
                        opened(0, status("A", CONNECTING)), bridgeLost(20, null),
                        unavailable(140, "A", 0L, CallOutcome.Missing.NO_RECORD)),
                tc("unavailable after the outcome is known changes nothing the agent sees",
                        Effect.INVISIBLE,
                        expect().phase(CallDisplayState.FAILED).outcome(CallOutcome.State.KNOWN).failedCode("486"),
                        opened(0, status("A", CONNECTING)), idle(20, null, "486"),
                        unavailable(21, "A", 0L, CallOutcome.Missing.NO_CREDENTIALS)),
                tc("unavailable for a call still running is dropped",
                        Effect.IGNORED,
                        expect().outcome(CallOutcome.State.NONE),
                        opened(0, status("A", CONNECTING)), unavailable(5, "A", 0L, CallOutcome.Missing.NO_RECORD)),
                tc("the portal's END after the outcome was given up makes it known",
                        Effect.CHANGES,
                        expect().phase(CallDisplayState.FAILED).failedCode("486")
                                .source(CallOutcome.Source.SERVER_EVENT),
                        opened(0, status("A", CONNECTING)), bridgeLost(20, null),
                        unavailable(21, "A", 0L, CallOutcome.Missing.NO_CREDENTIALS), serverEnd(22, "A", "486")),
                tc("a record after the widget's code fills in the words and the talk time; the code stays",
                        Effect.CHANGES,
                        expect().failedCode("486").reason("Busy").source(CallOutcome.Source.WIDGET)
                                .talkTime(Duration.ZERO),
                        opened(0, status("A", CONNECTING)), idle(20, null, "486"),
                        learned(25, "A", 0L, "486", "Busy", 0)),
                tc("a record with another code than the widget's adds no words that belong to that other code",
                        Effect.CHANGES,
                        expect().failedCode("486").reason(""),
                        opened(0, status("A", CONNECTING)), idle(20, null, "486"),
                        learned(25, "A", 0L, "603", "Declined", 0)),
                tc("a widget code after the outcome was given up still makes it known",
                        Effect.CHANGES,
                        expect().phase(CallDisplayState.FAILED).failedCode("304").source(CallOutcome.Source.WIDGET),
                        opened(0, status("A", CONNECTING)), polled(30, status("A", IDLE)),
                        unavailable(31, "A", 0L, CallOutcome.Missing.NO_RECORD), idle(32, null, "304")),

                // ---- the portal's server events (ONVOXIMPLANTCALLINIT / START / END), alone and with the widget
                tc("server INIT alone starts a ringing call, with the portal's direction and number, card not open",
                        Effect.CHANGES,
                        expect().callId("A").phase(CallDisplayState.CONNECTING).direction(CallDirection.INCOMING)
                                .phone(PHONE).cardOpen(false).openedAt(t(0)).connectedAt(null),
                        serverInit(0, "A", CallDirection.INCOMING, PHONE)),
                tc("server INIT, START, END 200: ENDED, talk time from START to END",
                        Effect.CHANGES,
                        expect().phase(CallDisplayState.ENDED).failedCode("200").connectedAt(t(5)).endedAt(t(65))
                                .talkTime(Duration.ofSeconds(60)).activityId(7953L),
                        serverInit(0, "A", CallDirection.OUTGOING, PHONE), serverStart(5, "A"),
                        serverEnd(65, "A", "200", 60, 7953L, CallDirection.OUTGOING, PHONE)),
                tc("server END with a code: the outcome is known from the server, with the portal's words",
                        Effect.CHANGES,
                        expect().phase(CallDisplayState.FAILED).outcome(CallOutcome.State.KNOWN)
                                .source(CallOutcome.Source.SERVER_EVENT).reason("Busy").failedCode("486"),
                        serverInit(0, "A", CallDirection.OUTGOING, PHONE),
                        new CallEvent.ServerCallEnded(t(20), "A", CallDirection.OUTGOING, CallerNumber.of(PHONE),
                                Duration.ZERO, null, "486", "Busy", null)),
                tc("server END without a code ends the call with its outcome pending",
                        Effect.CHANGES,
                        expect().phase(CallDisplayState.ENDED).outcome(CallOutcome.State.PENDING).endedAt(t(30)),
                        serverInit(0, "A", CallDirection.INCOMING, PHONE), serverEnd(30, "A", null)),
                tcFrom("a zero CALL_DURATION for a call the card saw connected keeps the card's talk time", TALKING,
                        Effect.CHANGES,
                        expect().phase(CallDisplayState.ENDED).failedCode("200").talkTime(Duration.ofSeconds(60)),
                        serverEnd(65, "A", "200")),
                tc("END 200 with a duration but no START: answered, connectedAt counted back from CALL_DURATION",
                        Effect.CHANGES,
                        expect().phase(CallDisplayState.ENDED).wasConnected(true).connectedAt(t(5)).endedAt(t(65))
                                .talkTime(Duration.ofSeconds(60)),
                        serverInit(0, "A", CallDirection.INCOMING, PHONE),
                        serverEnd(65, "A", "200", 60, null, CallDirection.INCOMING, PHONE)),
                tc("a duration longer than the call as we saw it starts the talk no earlier than the call; the "
                                + "portal's duration is the talk time",
                        Effect.CHANGES,
                        expect().connectedAt(t(10)).endedAt(t(20)).talkTime(Duration.ofSeconds(60)),
                        serverInit(10, "A", CallDirection.INCOMING, PHONE),
                        serverEnd(20, "A", "200", 60, null, CallDirection.INCOMING, PHONE)),
                tc("END 304 for a ringing call: FAILED, never connected",
                        Effect.CHANGES,
                        expect().phase(CallDisplayState.FAILED).failedCode("304").connectedAt(null).endedAt(t(30))
                                .wasConnected(false),
                        serverInit(0, "A", CallDirection.INCOMING, PHONE), serverEnd(30, "A", "304")),
                tc("END with a blank code: ENDED without a code",
                        Effect.CHANGES,
                        expect().phase(CallDisplayState.ENDED).failedCode(null).endedAt(t(30)),
                        serverInit(0, "A", CallDirection.INCOMING, PHONE), serverEnd(30, "A", " ")),
                tc("widget card, then server END: the call ends with the server's code, the card's own fields stay",
                        Effect.CHANGES,
                        expect().callId("A").phase(CallDisplayState.FAILED).failedCode("486").endedAt(t(30))
                                .direction(CallDirection.INCOMING).phone(PHONE).entity(ref(CONTACT, 5))
                                .cardOpen(true).connectedAt(t(0)),
                        opened(0, status("A", CONNECTED).phone(PHONE).direction(CallDirection.INCOMING)
                                .entity(ref(CONTACT, 5))),
                        serverEnd(30, "A", "486", 0, null, CallDirection.OUTGOING, "+1 555 000")),
                tc("server END fills the direction, number and activity the card did not report",
                        Effect.CHANGES,
                        expect().direction(CallDirection.CALLBACK).phone(PHONE).activityId(12L),
                        opened(0, status("A", CONNECTING)),
                        serverEnd(30, "A", "304", 0, 12L, CallDirection.CALLBACK, PHONE)),
                tc("a poll saw idle first: the server END brings the code and the activity",
                        Effect.CHANGES,
                        expect().phase(CallDisplayState.FAILED).failedCode("304").endedAt(t(30)).activityId(7953L),
                        opened(0, status("A", CONNECTING)), polled(30, status("A", IDLE)),
                        serverEnd(31, "A", "304", 0, 7953L, CallDirection.UNKNOWN, null)),
                tc("the widget's code came first: a different server code does not overwrite it (its talk time is "
                                + "taken)",
                        Effect.CHANGES,
                        expect().phase(CallDisplayState.FAILED).failedCode("486").endedAt(t(30))
                                .source(CallOutcome.Source.WIDGET).talkTime(Duration.ZERO),
                        opened(0, status("A", CONNECTING)), idle(30, null, "486"), serverEnd(31, "A", "304")),
                tc("the server's code came first: the widget's idle adds nothing",
                        Effect.INVISIBLE,
                        expect().phase(CallDisplayState.FAILED).failedCode("304").endedAt(t(30)),
                        opened(0, status("A", CONNECTING)), serverEnd(30, "A", "304"), idle(31, null, "304")),
                tc("END twice: the second changes nothing",
                        Effect.INVISIBLE,
                        expect().phase(CallDisplayState.FAILED).failedCode("486").endedAt(t(30)).updatedAt(t(31)),
                        serverInit(0, "A", CallDirection.OUTGOING, PHONE), serverEnd(30, "A", "486"),
                        serverEnd(31, "A", "486")),
                tc("END for a call the card does not show leaves the shown call alone",
                        Effect.IGNORED,
                        expect().callId("B").phase(CallDisplayState.CONNECTED).failedCode(null).endedAt(null),
                        opened(0, status("B", CONNECTED)), serverEnd(10, "A", "486")),
                tc("END for a call never seen, with no call shown, starts nothing",
                        Effect.IGNORED,
                        expect().phase(CallDisplayState.NO_CALL).callId(null),
                        serverEnd(10, "A", "486")),
                tc("END for another call after the shown one ended starts nothing either",
                        Effect.IGNORED,
                        expect().callId("B").phase(CallDisplayState.FAILED).failedCode("603"),
                        opened(0, status("B", CONNECTING)), idle(5, null, "603"), serverEnd(10, "A", "486")),
                tc("INIT for another call while the shown call is connected is dropped (another line or agent)",
                        Effect.IGNORED,
                        expect().callId("B").phase(CallDisplayState.CONNECTED),
                        opened(0, status("B", CONNECTED)), serverInit(10, "A", CallDirection.INCOMING, PHONE)),
                tc("INIT for another call while an outgoing card waits idle is dropped too",
                        Effect.IGNORED,
                        expect().callId("B").phase(CallDisplayState.READY),
                        opened(0, status("B", IDLE)), serverInit(10, "A", CallDirection.INCOMING, PHONE)),
                tc("START for another call while the shown call rings is dropped",
                        Effect.IGNORED,
                        expect().callId("B").phase(CallDisplayState.CONNECTING),
                        opened(0, status("B", CONNECTING)), serverStart(10, "A")),
                tc("INIT for another call after the shown call ended starts that call",
                        Effect.CHANGES,
                        expect().callId("A").phase(CallDisplayState.CONNECTING).openedAt(t(20)).failedCode(null)
                                .entity(null).cardOpen(false).direction(CallDirection.INCOMING).phone(PHONE),
                        opened(0, status("B", CONNECTING).entity(ref(CONTACT, 5))), idle(5, null, "603"),
                        serverInit(20, "A", CallDirection.INCOMING, PHONE)),
                tc("START for a call never seen (INIT lost) starts it connected",
                        Effect.CHANGES,
                        expect().callId("A").phase(CallDisplayState.CONNECTED).connectedAt(t(3)).openedAt(t(3)),
                        serverStart(3, "A")),
                tc("START before INIT: INIT then fills direction and number without moving the call back",
                        Effect.CHANGES,
                        expect().phase(CallDisplayState.CONNECTED).connectedAt(t(0)).direction(CallDirection.INCOMING)
                                .phone(PHONE),
                        serverStart(0, "A"), serverInit(1, "A", CallDirection.INCOMING, PHONE)),
                tc("INIT after END (out of order) does not bring the call back",
                        Effect.IGNORED,
                        expect().phase(CallDisplayState.FAILED).failedCode("304").endedAt(t(10)),
                        serverInit(0, "A", CallDirection.INCOMING, PHONE), serverEnd(10, "A", "304"),
                        serverInit(11, "A", CallDirection.INCOMING, PHONE)),
                tc("START after END (out of order) does not bring the call back",
                        Effect.IGNORED,
                        expect().phase(CallDisplayState.FAILED).failedCode("304").connectedAt(null),
                        opened(0, status("A", CONNECTING)), serverEnd(10, "A", "304"), serverStart(11, "A")),
                tc("INIT twice changes nothing",
                        Effect.INVISIBLE,
                        expect().phase(CallDisplayState.CONNECTING).openedAt(t(0)),
                        serverInit(0, "A", CallDirection.INCOMING, PHONE),
                        serverInit(1, "A", CallDirection.INCOMING, PHONE)),
                tc("INIT for an outgoing card opened idle: the dialling has begun",
                        Effect.CHANGES,
                        expect().phase(CallDisplayState.CONNECTING).direction(CallDirection.OUTGOING).phone(PHONE)
                                .cardOpen(true),
                        opened(0, status("A", IDLE).direction(CallDirection.OUTGOING)),
                        serverInit(3, "A", CallDirection.OUTGOING, PHONE)),
                tc("INIT for a call the widget already shows connected changes no state, fills the number",
                        Effect.CHANGES,
                        expect().phase(CallDisplayState.CONNECTED).phone(PHONE).connectedAt(t(0)),
                        opened(0, status("A", CONNECTED)), serverInit(1, "A", CallDirection.INCOMING, PHONE)),
                tc("the server's number does not replace a hidden number the card reported",
                        Effect.INVISIBLE,
                        expect().phoneKind(CallerNumber.Kind.HIDDEN),
                        opened(0, status("A", CONNECTING).phone("hidden").direction(CallDirection.INCOMING)),
                        serverInit(1, "A", CallDirection.INCOMING, PHONE)),
                tc("server START connects the widget's ringing call; the widget's own connected then adds nothing",
                        Effect.INVISIBLE,
                        expect().phase(CallDisplayState.CONNECTED).connectedAt(t(5)),
                        opened(0, status("A", CONNECTING)), serverStart(5, "A"), state(6, null, CONNECTED)),
                tc("an END stamped a moment before the newest poll still ends the call: END is final",
                        Effect.CHANGES,
                        expect().phase(CallDisplayState.ENDED).failedCode("200").endedAt(t(39)).connectedAt(t(5))
                                .updatedAt(t(40)),
                        opened(0, status("A", CONNECTING)), state(5, null, CONNECTED),
                        polled(40, status("A", CONNECTED)), serverEnd(39, "A", "200")),
                tc("a poll taken before the server's END but delivered just after it does not restart the call",
                        Effect.IGNORED,
                        expect().phase(CallDisplayState.ENDED).endedAt(t(40)).connectedAt(t(5)).openedAt(t(0)),
                        opened(0, status("A", CONNECTING)), state(5, null, CONNECTED), serverEnd(40, "A", "200"),
                        polled(41, status("A", CONNECTED))),
                tc("a poll of the ended CALL_ID well after the END is Bitrix24 reusing the id: a new call",
                        Effect.CHANGES,
                        expect().phase(CallDisplayState.CONNECTED).openedAt(t(45)).endedAt(null),
                        opened(0, status("A", CONNECTING)), state(5, null, CONNECTED), serverEnd(40, "A", "200"),
                        polled(45, status("A", CONNECTED))),
                tc("an END older than the call now shown under a reused CALL_ID ended the earlier call: dropped",
                        Effect.IGNORED,
                        expect().phase(CallDisplayState.CONNECTING).openedAt(t(600)).failedCode(null).endedAt(null),
                        opened(0, status("A", CONNECTING)), idle(60, null, "486"), state(600, "A", CONNECTING),
                        serverEnd(599, "A", "486")),

                // ---- StatusPolled merges
                tc("StatusPolled merges direction, line, bindings, activity; an absent number keeps the known one",
                        Effect.CHANGES,
                        expect().phone(PHONE).direction(CallDirection.INCOMING).line("reg123", "Office")
                                .entity(ref(CONTACT, 5)).bindings(List.of(ref(CONTACT, 5), ref(DEAL, 9)))
                                .activityId(77L).callListMode(true).phase(CallDisplayState.CONNECTED).connectedAt(t(2))
                                .cardOpen(true),
                        opened(0, status("A", CONNECTING).phone(PHONE)),
                        polled(2, status("A", CONNECTED).direction(CallDirection.INCOMING)
                                .line("reg123", "Office").entity(ref(CONTACT, 5))
                                .bindings(ref(CONTACT, 5), ref(DEAL, 9)).activity(77).callListMode(true))),
                tc("StatusPolled without direction, line or activity keeps the known ones",
                        Effect.INVISIBLE,
                        expect().phone(PHONE).direction(CallDirection.OUTGOING).line("reg1", "Office")
                                .activityId(77L).entity(ref(CONTACT, 5)).bindings(List.of(ref(CONTACT, 5))),
                        opened(0, status("A", CONNECTING).phone(PHONE).direction(CallDirection.OUTGOING)
                                .line("reg1", "Office").activity(77).entity(ref(CONTACT, 5))
                                .bindings(ref(CONTACT, 5))),
                        polled(2, status("A", CONNECTING).entity(ref(CONTACT, 5)).bindings(ref(CONTACT, 5)))),
                tc("StatusPolled with a hidden number replaces 'unknown'",
                        Effect.CHANGES,
                        expect().phoneKind(CallerNumber.Kind.HIDDEN),
                        opened(0, status("A", CONNECTING)), polled(2, status("A", CONNECTING).phone("hidden"))),
                tc("a first StatusPolled starts the call with the card open",
                        Effect.CHANGES,
                        expect().callId("A").phase(CallDisplayState.CONNECTING).cardOpen(true).openedAt(t(3)),
                        polled(3, status("A", CONNECTING))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reduces(Case c) {
        List<CallEvent> events = c.events();
        CallSnapshot before = CallFixtures.reduceAll(c.start(), events.subList(0, events.size() - 1));
        CallEvent last = events.get(events.size() - 1);
        CallSnapshot after = CallStateReducer.reduce(before, last);

        switch (c.last()) {
            case IGNORED:
                assertSame(before, after, "a stale or unattached event returns the same instance");
                break;
            case INVISIBLE:
                assertNotSame(before, after, "a heard event makes a new snapshot");
                assertTrue(after.sameExceptUpdatedAt(before), "nothing the agent sees may change: " + before + " -> " + after);
                assertEquals(latest(before.updatedAt(), last.at()), after.updatedAt(), "updatedAt moves forward");
                break;
            case CHANGES:
                assertFalse(after.sameExceptUpdatedAt(before), "the agent must see a change");
                assertEquals(latest(before.updatedAt(), last.at()), after.updatedAt(), "updatedAt moves forward");
                break;
            default:
                throw new AssertionError(c.last());
        }
        c.expect().verify(after);

        // pure: the same inputs give an equal result
        assertEquals(after, CallFixtures.reduceAll(c.start(), events));
        assertFalse(after.talkTime(NOW).isNegative());
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private static Arguments tc(String name, Effect last, Expect expect, CallEvent... events) {
        return tcFrom(name, CallSnapshot.EMPTY, last, expect, events);
    }

    private static Arguments tcFrom(String name, CallSnapshot start, Effect last, Expect expect,
            CallEvent... events) {
        return Arguments.of(Named.of(name, new Case(start, List.of(events), last, expect)));
    }

    static Expect expect() {
        return new Expect();
    }

    /** Only the fields a case names are checked. */
    static final class Expect {
        private final List<Check> checks = new ArrayList<>();

        private record Check(String field, Function<CallSnapshot, Object> getter, Object expected) {
        }

        private Expect check(String field, Function<CallSnapshot, Object> getter, Object expected) {
            checks.add(new Check(field, getter, expected));
            return this;
        }

        Expect callId(String v) {
            return check("callId", CallSnapshot::callId, v);
        }

        Expect phase(CallDisplayState v) {
            return check("phase", CallSnapshot::phase, v);
        }

        Expect state(CardCallState v) {
            return check("state", CallSnapshot::state, v);
        }

        Expect failedCode(String v) {
            return check("failedCode", CallSnapshot::failedCode, v);
        }

        Expect openedAt(Instant v) {
            return check("openedAt", CallSnapshot::openedAt, v);
        }

        Expect connectedAt(Instant v) {
            return check("connectedAt", CallSnapshot::connectedAt, v);
        }

        Expect endedAt(Instant v) {
            return check("endedAt", CallSnapshot::endedAt, v);
        }

        Expect updatedAt(Instant v) {
            return check("updatedAt", CallSnapshot::updatedAt, v);
        }

        Expect talkTime(Duration v) {
            return check("talkTime", s -> s.talkTime(NOW), v);
        }

        Expect wasConnected(boolean v) {
            return check("wasConnected", CallSnapshot::wasConnected, v);
        }

        /** {@code null} means "unknown". */
        Expect phone(String raw) {
            return check("phone", CallSnapshot::phone, CallerNumber.of(raw));
        }

        Expect phoneKind(CallerNumber.Kind kind) {
            return check("phone.kind", s -> s.phone().kind(), kind);
        }

        Expect entity(CrmRef v) {
            return check("entity", CallSnapshot::entity, v);
        }

        Expect bindings(List<CrmRef> v) {
            return check("bindings", CallSnapshot::bindings, v);
        }

        Expect activityId(Long v) {
            return check("activityId", CallSnapshot::activityId, v);
        }

        Expect direction(CallDirection v) {
            return check("direction", CallSnapshot::direction, v);
        }

        Expect line(String number, String name) {
            check("lineNumber", CallSnapshot::lineNumber, number);
            return check("lineName", CallSnapshot::lineName, name);
        }

        Expect callListMode(boolean v) {
            return check("callListMode", CallSnapshot::callListMode, v);
        }

        Expect outcome(CallOutcome.State v) {
            return check("outcome.state", s -> s.outcome().state(), v);
        }

        Expect source(CallOutcome.Source v) {
            return check("outcome.source", s -> s.outcome().source(), v);
        }

        Expect reason(String v) {
            return check("outcome.failedReason", s -> s.outcome().failedReason(), v);
        }

        Expect missing(CallOutcome.Missing v) {
            return check("outcome.missing", s -> s.outcome().missing(), v);
        }

        Expect cardOpen(boolean v) {
            return check("cardOpen", CallSnapshot::cardOpen, v);
        }

        Expect closing(boolean v) {
            return check("closing", CallSnapshot::closing, v);
        }

        Expect held(boolean v) {
            return check("autoCloseHeld", CallSnapshot::autoCloseHeld, v);
        }

        void verify(CallSnapshot s) {
            assertAll(checks.stream().map(c -> (Executable) () ->
                    assertEquals(c.expected(), c.getter().apply(s), c.field() + " of " + s)));
        }

        @Override
        public String toString() {
            return Arrays.toString(checks.stream().map(Check::field).toArray());
        }
    }
}
