package io.callcard.listener;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The widget page loads the listener knows. Each {@code POST /widget/callcard} mints a session: a 128-bit token from
 * {@link SecureRandom}, URL-safe base64, put into that page only. A session expires when nothing was heard from its
 * page for {@link #IDLE_EXPIRY} (a live page polls every second), when its page says {@code closed}, or when more than
 * {@link #MAX_SESSIONS} are open (the oldest other page not proven goes, else the oldest). Sessions live in memory:
 * a restarted companion knows none, and an
 * open page then asks {@link BridgeSessionRoute} for a new one (it cannot reload itself inside the call card).
 */
final class WidgetSessions {

    static final Duration IDLE_EXPIRY = Duration.ofMinutes(2);
    static final int MAX_SESSIONS = 64;
    private static final int TOKEN_BYTES = 16;

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** In creation order: the last entry is the newest load. */
    private final Map<String, WidgetSession> sessions = new LinkedHashMap<>();

    WidgetSessions(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A new session for a page showing {@code callId}. */
    WidgetSession open(String callId) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        WidgetSession session = new WidgetSession(token, callId, clock.instant());
        WidgetSession evicted = null;
        synchronized (this) {
            sweep();
            sessions.put(token, session);
            if (sessions.size() > MAX_SESSIONS) {
                evicted = evictOne(session);
            }
        }
        if (evicted != null) {
            evicted.commands().close();
        }
        return session;
    }

    /** The live session for {@code token}, touched as heard from now; empty when unknown or expired. */
    Optional<WidgetSession> find(String token) {
        if (token == null) {
            return Optional.empty();
        }
        WidgetSession session;
        synchronized (this) {
            sweep();
            session = sessions.get(token);
        }
        if (session != null) {
            session.touch(clock.instant());
        }
        return Optional.ofNullable(session);
    }

    /**
     * The newest live proven session: the page of the call the card shows now. A page whose token is still being
     * checked, or was refused, is never a target for commands.
     */
    Optional<WidgetSession> newest() {
        synchronized (this) {
            sweep();
            WidgetSession newest = null;
            for (WidgetSession session : sessions.values()) {
                if (session.state() == WidgetSession.State.PROVEN) {
                    newest = session;
                }
            }
            return Optional.ofNullable(newest);
        }
    }

    /** Whether {@code session} is still open: not ended, evicted or idle past {@link #IDLE_EXPIRY}. */
    synchronized boolean live(WidgetSession session) {
        sweep();
        return sessions.get(session.token()) == session;
    }

    /** The page said it is gone. */
    void end(WidgetSession session) {
        boolean removed;
        synchronized (this) {
            removed = sessions.remove(session.token(), session);
        }
        if (removed) {
            session.commands().close();
        }
    }

    synchronized int size() {
        sweep();
        return sessions.size();
    }

    /**
     * Drops the oldest session not proven, else the oldest: a page posting forms whose tokens are never proven cannot
     * push the agent's proven page out. Called with the lock held.
     */
    private WidgetSession evictOne(WidgetSession opened) {
        WidgetSession victim = null;
        for (WidgetSession session : sessions.values()) {
            if (session != opened && session.state() != WidgetSession.State.PROVEN) {
                victim = session;
                break;
            }
        }
        if (victim == null) {
            victim = sessions.values().iterator().next();
        }
        sessions.remove(victim.token());
        return victim;
    }

    /** Drops idle sessions; called with the lock held. */
    private void sweep() {
        Instant cutoff = clock.instant().minus(IDLE_EXPIRY);
        Iterator<WidgetSession> all = sessions.values().iterator();
        while (all.hasNext()) {
            WidgetSession session = all.next();
            if (session.lastSeen().isBefore(cutoff)) {
                all.remove();
                session.commands().close();
            }
        }
    }
}
