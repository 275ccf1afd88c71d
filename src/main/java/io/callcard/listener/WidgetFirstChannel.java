package io.callcard.listener;

import io.callcard.call.CallCardChannel;
import io.callcard.call.CallCardStatus;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Commands through the call card's widget page when one is open (its answer comes from the card the agent sees),
 * else through the other channel (the seed transport's {@code placement.call}). Chosen per command: a widget that
 * opens or goes mid-call takes over or hands back at the next press of the button.
 */
final class WidgetFirstChannel implements CallCardChannel {

    private final CallCardChannel widget;
    private final WidgetSessions sessions;
    private final CallCardChannel otherwise;

    WidgetFirstChannel(CallCardChannel widget, WidgetSessions sessions, CallCardChannel otherwise) {
        this.widget = Objects.requireNonNull(widget, "widget");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.otherwise = Objects.requireNonNull(otherwise, "otherwise");
    }

    @Override
    public CompletableFuture<Void> enableAutoClose() {
        return chosen().enableAutoClose();
    }

    @Override
    public CompletableFuture<Void> disableAutoClose() {
        return chosen().disableAutoClose();
    }

    @Override
    public CompletableFuture<CallCardStatus> getStatus() {
        return chosen().getStatus();
    }

    private CallCardChannel chosen() {
        return sessions.newest().isPresent() ? widget : otherwise;
    }
}
