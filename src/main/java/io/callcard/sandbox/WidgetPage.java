package io.callcard.sandbox;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One load of the widget page: the session token the listener put into it, the call it was opened for, how long its
 * command long polls wait, the {@code seq} of its last message and the id of the last command it ran.
 */
final class WidgetPage {

    private final String token;
    private final String callId;
    private final long commandWaitMillis;
    private final AtomicLong seq = new AtomicLong();
    /** Touched by the command poller only. */
    private long lastCommandId;

    WidgetPage(String token, String callId, long commandWaitMillis) {
        this.token = Objects.requireNonNull(token, "token");
        this.callId = callId;
        this.commandWaitMillis = commandWaitMillis;
    }

    String token() {
        return token;
    }

    String callId() {
        return callId;
    }

    long commandWaitMillis() {
        return commandWaitMillis;
    }

    long nextSeq() {
        return seq.incrementAndGet();
    }

    long lastCommandId() {
        return lastCommandId;
    }

    /** True when {@code id} is new to this page (the script runs each command id once); remembers it. */
    boolean claimCommand(long id) {
        if (id <= lastCommandId) {
            return false;
        }
        lastCommandId = id;
        return true;
    }
}
