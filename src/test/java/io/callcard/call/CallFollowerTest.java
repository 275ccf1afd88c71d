package io.callcard.call;

import static io.callcard.call.CallFixtures.autoClose;
import static io.callcard.call.CallFixtures.bridgeLost;
import static io.callcard.call.CallFixtures.idle;
import static io.callcard.call.CallFixtures.opened;
import static io.callcard.call.CallFixtures.state;
import static io.callcard.call.CallFixtures.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.wire.CardCallState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * "Follow calls to the end": the card is held while the call rings or talks and let go once it is idle, and the
 * agent's own choice always wins. The card's answers are given by the test, in the channel's order (the tracker
 * applies the card's answer, then the command completes), so every interleaving here is one a real card can produce.
 */
class CallFollowerTest {

    private static final String CALL = "call-1";

    /** The card as the tracker sees it, and what the follower asked of it. */
    private final class Card implements CallCardChannel {
        CallSnapshot snapshot = CallSnapshot.EMPTY;
        final List<String> sent = new ArrayList<>();
        final List<CompletableFuture<Void>> answers = new ArrayList<>();

        void apply(CallEvent event) {
            CallSnapshot previous = snapshot;
            snapshot = CallStateReducer.reduce(previous, event);
            if (!snapshot.sameExceptUpdatedAt(previous)) {
                follower.accept(new CallUpdate(event, previous, snapshot));
            }
        }

        /** The card takes the last command: its answer reaches the tracker, then the command completes. */
        void answerLast() {
            String command = sent.get(sent.size() - 1);
            // a second after the newest event: the answer is the card's newest word
            long at = java.time.Duration.between(CallFixtures.T0, snapshot.updatedAt()).getSeconds() + 1;
            apply(autoClose(at, snapshot.callId(), command.equals("disableAutoClose")));
            answers.get(answers.size() - 1).complete(null);
        }

        @Override
        public CompletableFuture<Void> enableAutoClose() {
            return record("enableAutoClose");
        }

        @Override
        public CompletableFuture<Void> disableAutoClose() {
            return record("disableAutoClose");
        }

        @Override
        public CompletableFuture<CallCardStatus> getStatus() {
            throw new AssertionError("the follower never asks for the status");
        }

        private CompletableFuture<Void> record(String command) {
            sent.add(command);
            CompletableFuture<Void> answer = new CompletableFuture<>();
            answers.add(answer);
            return answer;
        }
    }

    private final Card card = new Card();
    private final CallFollower follower = new CallFollower(card);

    @Test
    void aRingingCallIsHeldAndLetGoAsSoonAsItIsIdle() {
        card.apply(opened(1, status(CALL, CardCallState.CONNECTING)));
        assertEquals(List.of("disableAutoClose"), card.sent, "held while it rings");
        card.answerLast();
        assertTrue(card.snapshot.autoCloseHeld());
        assertTrue(follower.companionHoldsAlone(card.snapshot), "the hold is the companion's, not the agent's");

        card.apply(state(10, CALL, CardCallState.CONNECTED));
        assertEquals(1, card.sent.size(), "held once per call");
        card.apply(idle(70, CALL, null));
        assertEquals(List.of("disableAutoClose", "enableAutoClose"), card.sent, "let go once idle");
    }

    @Test
    void aCardOpenedBeforeDiallingIsNotHeldUntilTheCallRuns() {
        card.apply(opened(1, status(CALL, CardCallState.IDLE)));
        assertEquals(List.of(), card.sent, "an outgoing card before dialling may be abandoned: nothing to follow");
        card.apply(state(3, CALL, CardCallState.CONNECTING));
        assertEquals(List.of("disableAutoClose"), card.sent);
    }

    @Test
    void theAgentsHoldWinsAtTheEnd() {
        card.apply(opened(1, status(CALL, CardCallState.CONNECTED)));
        card.answerLast();
        follower.agentChannel().disableAutoClose();
        card.answerLast();
        assertFalse(follower.companionHoldsAlone(card.snapshot), "now the agent holds it too");

        card.apply(idle(60, CALL, null));
        assertEquals(List.of("disableAutoClose", "disableAutoClose"), card.sent, "the agent's hold is not lifted");
    }

    @Test
    void aCardTheAgentLetGoIsNotHeldAgain() {
        card.apply(opened(1, status(CALL, CardCallState.CONNECTED)));
        card.answerLast();
        follower.agentChannel().enableAutoClose();
        card.answerLast();
        assertFalse(card.snapshot.autoCloseHeld());

        card.apply(state(20, CALL, CardCallState.CONNECTED));
        card.apply(idle(60, CALL, null));
        assertEquals(List.of("disableAutoClose", "enableAutoClose"), card.sent, "nothing more after the agent's word");
    }

    @Test
    void aHoldAnsweredAfterAShortCallEndedIsLetGoAtOnce() {
        card.apply(opened(1, status(CALL, CardCallState.CONNECTING)));
        card.apply(idle(2, CALL, null)); // the call ended before the card took the hold
        assertEquals(List.of("disableAutoClose"), card.sent);
        card.answerLast();
        assertEquals(List.of("disableAutoClose", "enableAutoClose"), card.sent);
    }

    @Test
    void aRefusedHoldIsNotAskedAgainAndAGoneCardIsNotReleased() {
        card.apply(opened(1, status(CALL, CardCallState.CONNECTING)));
        card.answers.get(0).completeExceptionally(
                new CallCardCommandFailed(CallCardCommandFailed.Reason.TIMED_OUT, "disableAutoClose"));
        card.apply(state(5, CALL, CardCallState.CONNECTED));
        card.apply(bridgeLost(30, CALL));
        assertEquals(List.of("disableAutoClose"), card.sent, "no loop, and nothing sent to a card that is gone");
    }

    @Test
    void theNextCallIsFollowedAfresh() {
        card.apply(opened(1, status(CALL, CardCallState.CONNECTED)));
        card.answerLast();
        follower.agentChannel().disableAutoClose();
        card.answerLast();
        card.apply(idle(30, CALL, null));
        card.apply(bridgeLost(40, CALL));

        card.apply(opened(100, status("call-2", CardCallState.CONNECTING)));
        assertEquals("disableAutoClose", card.sent.get(card.sent.size() - 1),
                "the agent's hold of the last call says nothing about this one");
    }
}
