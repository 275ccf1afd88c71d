package io.callcard.listener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallCardCommandFailed;
import io.callcard.call.CallEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Session tokens, idle expiry, the cap on open sessions, and seq claiming, on a clock the test moves. */
class WidgetSessionsTest {

    private final MovableClock clock = new MovableClock();
    private final WidgetSessions sessions = new WidgetSessions(clock);

    @Test
    void tokensAreUnguessableAndDistinct() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String token = sessions.open("c" + i).token();
            assertTrue(token.matches("[A-Za-z0-9_-]{22}"), token); // 16 random bytes, base64url
            tokens.add(token);
        }
        assertEquals(50, tokens.size());
    }

    @Test
    void anIdleSessionExpiresAndItsCommandsFail() throws Exception {
        WidgetSession session = sessions.open("c1");
        CompletableFuture<CallEvent> pending = session.commands().enqueue("getStatus").answer();
        clock.advance(WidgetSessions.IDLE_EXPIRY.minusSeconds(1));
        assertTrue(sessions.find(session.token()).isPresent(), "heard from: still alive, and touched");
        clock.advance(WidgetSessions.IDLE_EXPIRY.minusSeconds(1));
        assertTrue(sessions.find(session.token()).isPresent());
        clock.advance(WidgetSessions.IDLE_EXPIRY.plusSeconds(1));
        assertFalse(sessions.find(session.token()).isPresent());
        ExecutionException e = assertThrows(ExecutionException.class, pending::get);
        assertEquals(CallCardCommandFailed.Reason.NO_WIDGET,
                assertInstanceOf(CallCardCommandFailed.class, e.getCause()).reason());
    }

    @Test
    void theOldestGoesBeyondTheCapAndTheNewestIsTheCurrentCall() {
        WidgetSession first = proven(sessions.open("first"));
        WidgetSession last = null;
        for (int i = 0; i < WidgetSessions.MAX_SESSIONS; i++) {
            last = proven(sessions.open("c" + i));
        }
        assertEquals(WidgetSessions.MAX_SESSIONS, sessions.size());
        assertFalse(sessions.find(first.token()).isPresent());
        assertEquals(last, sessions.newest().orElseThrow());
        assertNotEquals(first.token(), last.token());
    }

    @Test
    void onlyAProvenPageIsTheCurrentCallsAndUnprovenPagesGoFirstBeyondTheCap() {
        WidgetSession agents = proven(sessions.open("agent"));
        WidgetSession checking = sessions.open("checking");
        WidgetSession refused = sessions.open("refused");
        refused.settle(WidgetVerdict.refused(WidgetVerdict.TOKEN_REFUSED), () -> { });
        assertEquals(agents, sessions.newest().orElseThrow(), "a page being checked or refused is never the target");
        for (int i = 0; i < WidgetSessions.MAX_SESSIONS; i++) {
            sessions.open("flood" + i); // a page posting forms whose tokens are never proven
        }
        assertTrue(sessions.find(agents.token()).isPresent(), "the agent's proven page stays");
        assertFalse(sessions.find(checking.token()).isPresent());
        assertEquals(agents, sessions.newest().orElseThrow());
    }

    private static WidgetSession proven(WidgetSession session) {
        assertTrue(session.settle(WidgetVerdict.provenFor("1"), () -> { }));
        return session;
    }

    @Test
    void aSeqIsClaimedOnceAndNeverBackwards() {
        WidgetSession session = sessions.open("c1");
        assertTrue(session.claim(1));
        assertFalse(session.claim(1));
        assertTrue(session.claim(5));
        assertFalse(session.claim(4));
        assertTrue(session.claim(6));
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T08:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
