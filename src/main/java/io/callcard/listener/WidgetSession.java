package io.callcard.listener;

import java.time.Instant;
import java.util.Objects;

/**
 * One load of the widget page: the token minted for it, the call it was opened for, when it was created and last
 * heard from, the highest {@code seq} applied, and its command queue.
 */
final class WidgetSession {

    private final String token;
    private final String callId;
    private final Instant created;
    private final WidgetCommandQueue commands = new WidgetCommandQueue();
    private Instant lastSeen;
    private long lastSeq;

    WidgetSession(String token, String callId, Instant created) {
        this.token = Objects.requireNonNull(token, "token");
        this.callId = callId;
        this.created = Objects.requireNonNull(created, "created");
        this.lastSeen = created;
    }

    String token() {
        return token;
    }

    String callId() {
        return callId;
    }

    Instant created() {
        return created;
    }

    synchronized Instant lastSeen() {
        return lastSeen;
    }

    synchronized void touch(Instant now) {
        if (now.isAfter(lastSeen)) {
            lastSeen = now;
        }
    }

    WidgetCommandQueue commands() {
        return commands;
    }

    /**
     * Claims {@code seq} for applying: true when it is greater than every seq applied before in this session. A
     * repeated or older seq (a retry whose first attempt did arrive, or a message overtaken by a later one) is false:
     * acknowledged, not applied.
     */
    synchronized boolean claim(long seq) {
        if (seq <= lastSeq) {
            return false;
        }
        lastSeq = seq;
        return true;
    }
}
