package io.callcard.sandbox.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callcard.wire.CardCallState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The seed transport's call card by Bitrix24's auto-close rules (protocol.md §2), decided without waiting: a deadline
 * already past means "due now", one an hour away means "not before something happens".
 */
class SandboxCallCardRulesTest {

    private static final long HOUR = Duration.ofHours(1).toNanos();

    private final SandboxCallCard card = new SandboxCallCard();

    private void open(String callId) {
        ObjectNode status = Json.object().put("CALL_ID", callId).put("CALL_STATE", "connected")
                .put("CALL_DIRECTION", "incoming");
        card.show(status);
    }

    private SandboxCallCard.Wake waitPast() throws InterruptedException {
        return card.awaitUntil(System.nanoTime() - 1, () -> false);
    }

    @Test
    void aCardNobodyHoldsClosesAtItsAttempt() {
        open("c.1");
        card.changeState(CardCallState.IDLE);
        assertFalse(card.attemptClose(System.nanoTime(), HOUR));
        assertEquals(0, card.countdownDeadline());
    }

    @Test
    void enableAutoCloseDuringTheCallOnlyLiftsTheHold() throws InterruptedException {
        open("c.1");
        assertEquals("[]", card.command("disableAutoClose").toString());
        assertTrue(card.autoCloseHeld());
        assertEquals("[]", card.command("enableAutoClose").toString());
        assertFalse(card.autoCloseHeld());
        assertEquals(SandboxCallCard.Wake.DUE, waitPast(), "nothing closes the card at once during a call");
    }

    @Test
    void aHeldCardStaysItsCountdownAndDisableAutoCloseStartsItAgain() throws InterruptedException {
        open("c.1");
        card.holdByAgent();
        card.changeState(CardCallState.IDLE);
        long attempt = System.nanoTime() - 2 * HOUR;
        assertTrue(card.attemptClose(attempt, HOUR), "held: the card stays");
        assertEquals(attempt + HOUR, card.countdownDeadline());
        assertEquals("[]", card.command("disableAutoClose").toString());
        assertTrue(card.countdownDeadline() > System.nanoTime(), "the countdown starts again from its full length");
        assertEquals("c.1", card.command("getStatus").path("CALL_ID").asText(), "still open");
        assertEquals("idle", card.command("getStatus").path("CALL_STATE").asText());
    }

    @Test
    void enableAutoCloseAfterTheCallWhileTheCountdownRunsClosesAtOnce() throws InterruptedException {
        open("c.1");
        card.holdByAgent();
        card.changeState(CardCallState.IDLE);
        card.attemptClose(System.nanoTime(), HOUR);
        card.command("enableAutoClose");
        assertEquals(SandboxCallCard.Wake.CLOSE_NOW, card.awaitUntil(System.nanoTime() + HOUR, () -> false));
        card.close();
        assertNull(card.callId());
        assertEquals("[{\"result\":\"error\",\"errorCode\":\"Call card is undefined\"}]",
                card.command("getStatus").toString());
    }

    @Test
    void aNewCallIdIsANewCardThatStartsUnheld() {
        open("c.1");
        card.holdByAgent();
        open("c.2");
        assertFalse(card.autoCloseHeld());
        assertFalse(card.callOver());
    }
}
