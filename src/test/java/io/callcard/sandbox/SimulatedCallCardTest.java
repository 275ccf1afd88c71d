package io.callcard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Bitrix24's auto-close rules on the simulated card, on a hand-moved clock (speed 10: 65 s of the card are 6.5 s). */
class SimulatedCallCardTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long HELD = SimulatedCallCard.HELD_CARD_MILLIS * 1_000_000L / 10;

    private final AtomicLong now = new AtomicLong(1_000 * SECOND);
    private final SimulatedCallCard card = new SimulatedCallCard(10, now::get);

    private static ObjectNode status(String callId) {
        return BridgeContract.JSON.createObjectNode().put("CALL_ID", callId).put("CALL_STATE", "connected");
    }

    @Test
    void withoutACardEveryCommandAnswersTheCardsErrorAndAnUnknownOneNothing() {
        JsonNode error = card.command("getStatus");
        assertEquals("[{\"result\":\"error\",\"errorCode\":\"Call card is undefined\"}]", error.toString());
        assertEquals(error, card.command("disableAutoClose"));
        assertFalse(card.held(), "no card, nothing held");
        card.show(status("A"));
        assertNull(card.command("openCrmForm"), "Bitrix24 ignores an unknown command silently");
    }

    @Test
    void getStatusAnswersWhatTheCardShows() {
        card.show(status("A"));
        assertEquals(status("A"), card.command("getStatus"));
        card.closed();
        assertTrue(card.command("getStatus").isArray());
    }

    @Test
    void disableAutoCloseDuringACountdownStartsItAgainFrom65Seconds() throws Exception {
        card.show(status("A"));
        assertEquals("[]", card.command("disableAutoClose").toString());
        card.callEnded();
        long attempt = now.get();
        assertTrue(card.attemptClose(attempt));
        assertEquals(attempt + HELD, card.countdownDeadline());
        now.addAndGet(3 * SECOND);
        card.command("disableAutoClose");
        assertEquals(attempt + 3 * SECOND + HELD, card.countdownDeadline());
        now.set(attempt + 3 * SECOND + HELD);
        assertEquals(SimulatedCallCard.Wake.DUE, card.awaitUntil(attempt));
    }

    @Test
    void enableAutoCloseDuringTheCallOnlyLiftsTheHold() throws Exception {
        card.show(status("A"));
        card.command("disableAutoClose");
        card.command("enableAutoClose");
        assertFalse(card.held());
        assertEquals(SimulatedCallCard.Wake.DUE, card.awaitUntil(now.get()), "nothing asks the card to close");
    }

    @Test
    void enableAutoCloseAfterTheCallClosesTheCardAtOnceItsAnswerSentFirst() throws Exception {
        card.show(status("A"));
        card.callEnded();
        card.command("enableAutoClose");
        assertEquals(SimulatedCallCard.Wake.DUE, card.awaitUntil(now.get()),
                "the card waits for its answer to be on the way: the page must not close before posting it");
        card.answerSent();
        assertEquals(SimulatedCallCard.Wake.CLOSE_NOW, card.awaitUntil(now.get() + 60 * SECOND));
    }

    @Test
    void aNewCardStartsUnheldAndTheSameCallIdAfterACloseIsANewCard() {
        card.show(status("A"));
        card.command("disableAutoClose");
        card.show(status("A"));
        assertTrue(card.held(), "a fresh status of the same card keeps the hold");
        card.show(status("B"));
        assertFalse(card.held());
        card.command("disableAutoClose");
        card.closed();
        card.show(status("B"));
        assertFalse(card.held(), "Bitrix24 may reuse a CALL_ID: after a close it is another card");
    }

    @Test
    void stopWakesEveryWait() throws Exception {
        card.stop();
        assertEquals(SimulatedCallCard.Wake.STOPPED, card.awaitUntil(now.get() + 60 * SECOND));
    }

    @Test
    void aCloseAttemptOnAnUnheldCardStartsNoCountdown() {
        card.show(status("A"));
        card.callEnded();
        assertFalse(card.attemptClose(now.get()));
        assertEquals(0, card.countdownDeadline());
    }
}
