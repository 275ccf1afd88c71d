package io.callcard.ui.callcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallCardChannel;
import io.callcard.call.CallCardCommandFailed;
import io.callcard.call.CallCardStatus;
import io.callcard.call.CallDirection;
import io.callcard.call.CallEvent;
import io.callcard.call.CallSnapshot;
import io.callcard.wire.CardCallState;
import io.callcard.call.CallStateReducer;
import io.callcard.call.CallerNumber;
import io.callcard.ui.Messages;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hold button's logic, without the JavaFX toolkit: a direct executor and a channel answered by hand. */
class CardHoldViewModelTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private final ManualCallCardChannel channel = new ManualCallCardChannel();
    private final CallCardViewModel card = new CallCardViewModel(Messages.forLocale(Locale.ENGLISH),
            Clock.fixed(T0, ZoneOffset.UTC), Runnable::run);
    private final CardHoldViewModel hold = card.hold();
    private CallSnapshot snapshot = CallSnapshot.EMPTY;

    /** The tracker's part: the reducer makes the next snapshot, the card shows it. */
    private void cardSays(CallEvent event) {
        snapshot = CallStateReducer.reduce(snapshot, event);
        card.apply(snapshot);
    }

    private static CallEvent opened(String callId, long second) {
        return new CallEvent.WidgetOpened(T0.plusSeconds(second), new CallCardStatus(callId,
                CallerNumber.of("+4930123456"), "reg1", "", null, List.of(), null, CallDirection.INCOMING,
                CardCallState.CONNECTED, false));
    }

    private static CallEvent heldConfirmed(String callId, long second, boolean held) {
        return new CallEvent.AutoCloseChanged(T0.plusSeconds(second), callId, held);
    }

    private void openCardWithChannel() {
        card.attach(channel);
        cardSays(opened("C1", 1));
    }

    @Test
    void withoutAChannelTheButtonIsUnavailableAndSendsNothing() {
        cardSays(opened("C1", 1));
        assertFalse(hold.availableProperty().get());
        card.toggleHold();
        assertEquals(List.of(), channel.commands());
    }

    @Test
    void withoutAnOpenCardTheButtonIsUnavailable() {
        card.attach(channel);
        assertFalse(hold.availableProperty().get());
        cardSays(opened("C1", 1));
        assertTrue(hold.availableProperty().get());
        cardSays(new CallEvent.BridgeLost(T0.plusSeconds(2), "C1"));
        assertFalse(hold.availableProperty().get(), "the card closed");
    }

    @Test
    void holdingSendsDisableAutoCloseOnceAndShowsHeldOnlyWhenTheCardConfirms() {
        openCardWithChannel();
        assertEquals("Hold card open", hold.buttonTextProperty().get());

        card.toggleHold();
        assertEquals(List.of("disableAutoClose"), channel.commands());
        assertTrue(hold.pendingProperty().get());
        assertEquals("Asking the card…", hold.buttonTextProperty().get());
        card.toggleHold();
        assertEquals(List.of("disableAutoClose"), channel.commands(), "no second send while one is out");

        channel.answerLast();
        assertFalse(hold.pendingProperty().get());
        assertFalse(hold.heldProperty().get(), "the answer is not the card's confirmation");

        cardSays(heldConfirmed("C1", 2, true));
        assertTrue(hold.heldProperty().get());
        assertEquals("Let card close", hold.buttonTextProperty().get());
    }

    @Test
    void aHeldCardIsLetGoWithEnableAutoClose() {
        openCardWithChannel();
        cardSays(heldConfirmed("C1", 2, true));

        card.toggleHold();
        channel.answerLast();
        cardSays(heldConfirmed("C1", 3, false));

        assertEquals(List.of("enableAutoClose"), channel.commands());
        assertFalse(hold.heldProperty().get());
        assertEquals("Hold card open", hold.buttonTextProperty().get());
    }

    @Test
    void aTimeoutIsSaidInWordsAndTheNextSuccessClearsIt() {
        openCardWithChannel();
        card.toggleHold();
        channel.failLast(CallCardCommandFailed.Reason.TIMED_OUT);
        assertEquals("The call card did not answer", hold.errorTextProperty().get());
        assertFalse(hold.pendingProperty().get(), "the agent may try again");

        card.toggleHold();
        assertEquals("The call card did not answer", hold.errorTextProperty().get(), "kept while retrying");
        channel.answerLast();
        assertEquals("", hold.errorTextProperty().get());
    }

    @Test
    void noWidgetIsSaidInWordsAndTheNextCallClearsIt() {
        openCardWithChannel();
        card.toggleHold();
        channel.failLast(CallCardCommandFailed.Reason.NO_WIDGET);
        assertEquals("No call card is open", hold.errorTextProperty().get());

        cardSays(opened("C2", 5));
        assertEquals("", hold.errorTextProperty().get());
    }

    @Test
    void aFailureOfThePreviousCallsCommandIsNotShownOnTheNextCall() {
        openCardWithChannel();
        card.toggleHold();
        cardSays(opened("C2", 5));
        channel.failLast(CallCardCommandFailed.Reason.CARD_UNAVAILABLE);
        assertEquals("", hold.errorTextProperty().get());
        assertFalse(hold.pendingProperty().get());
    }

    @Test
    void aChannelThatThrowsInsteadOfFailingTheFutureStillEndsInWords() {
        card.attach(new CallCardChannel() {
            @Override
            public CompletableFuture<Void> enableAutoClose() {
                throw new IllegalStateException("broken channel");
            }

            @Override
            public CompletableFuture<Void> disableAutoClose() {
                throw new IllegalStateException("broken channel");
            }

            @Override
            public CompletableFuture<CallCardStatus> getStatus() {
                throw new IllegalStateException("broken channel");
            }
        });
        cardSays(opened("C1", 1));
        card.toggleHold();
        assertEquals("The command did not reach the call card", hold.errorTextProperty().get());
        assertFalse(hold.pendingProperty().get());
    }

    @Test
    void answersFromAnotherThreadReachTheStateOnlyThroughTheUiExecutor() throws Exception {
        Queue<Runnable> uiQueue = new ArrayDeque<>();
        Executor queued = work -> {
            synchronized (uiQueue) {
                uiQueue.add(work);
            }
        };
        CallCardViewModel queuedCard = new CallCardViewModel(Messages.forLocale(Locale.ENGLISH),
                Clock.fixed(T0, ZoneOffset.UTC), queued);
        queuedCard.apply(CallStateReducer.reduce(CallSnapshot.EMPTY, opened("C1", 1)));
        queuedCard.attach(channel); // as AppContext does, from the start-up thread
        assertFalse(queuedCard.hold().availableProperty().get(), "attaching waits for the UI thread");
        runAll(uiQueue);
        assertTrue(queuedCard.hold().availableProperty().get());
        queuedCard.toggleHold();

        Thread listenerThread = new Thread(() -> channel.failLast(CallCardCommandFailed.Reason.TIMED_OUT));
        listenerThread.start();
        listenerThread.join();
        assertTrue(queuedCard.hold().pendingProperty().get(), "nothing changed off the UI thread");
        assertEquals("", queuedCard.hold().errorTextProperty().get());

        runAll(uiQueue);
        assertFalse(queuedCard.hold().pendingProperty().get());
        assertEquals("The call card did not answer", queuedCard.hold().errorTextProperty().get());
    }

    private static void runAll(Queue<Runnable> queue) {
        while (true) {
            Runnable next;
            synchronized (queue) {
                next = queue.poll();
            }
            if (next == null) {
                return;
            }
            next.run();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void everyFailureReasonButtonStateAndTheTooltipHaveWords(String language) {
        Messages messages = Messages.forLocale(Locale.forLanguageTag(language));
        for (CallCardCommandFailed.Reason reason : CallCardCommandFailed.Reason.values()) {
            assertTrue(messages.has("hold.error." + reason.name()), reason + " in " + language);
        }
        for (String key : List.of("hold.error.OTHER", "hold.button.hold", "hold.button.release",
                "hold.button.pending", "hold.state.held", "hold.tooltip")) {
            assertTrue(messages.has(key), key + " in " + language);
        }
        assertTrue(messages.get("hold.tooltip").contains("65"), "the tooltip states the 65-second rule");
    }

    @Test
    void aHoldThatIsTheCompanionsOwnReadsAsNotHeldSoTheAgentCanStillAskForOne() {
        io.callcard.call.CallFollower follower = new io.callcard.call.CallFollower(channel);
        card.attach(follower.agentChannel(), follower);
        CallSnapshot before = snapshot;
        cardSays(opened("C1", 1));
        follower.accept(new io.callcard.call.CallUpdate(opened("C1", 1), before, snapshot));
        assertEquals(List.of("disableAutoClose"), channel.commands(), "the follower holds the running call");
        cardSays(heldConfirmed("C1", 2, true));
        channel.answerLast();
        assertFalse(hold.heldProperty().get(), "the companion's hold is not the agent's");
        assertEquals("Hold card open", hold.buttonTextProperty().get());

        hold.toggle();
        assertEquals(List.of("disableAutoClose", "disableAutoClose"), channel.commands(),
                "the agent's press asks the card to hold, not to close");
        cardSays(heldConfirmed("C1", 3, true));
        channel.answerLast();
        assertTrue(hold.heldProperty().get(), "now the agent holds it");
        assertEquals("Let card close", hold.buttonTextProperty().get());
    }
}
