package io.callcard.listener;

import io.callcard.call.CallCardChannel;
import io.callcard.call.CallCardCommandFailed;
import io.callcard.call.CallCardStatus;
import io.callcard.call.CallEvent;
import io.callcard.wire.CallCardCommand;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@link CallCardChannel} through the widget page: a command is queued for the newest live widget session (the card
 * showing now), the page runs it with {@code BX24.placement.call} and posts the answer with the command's id, which
 * completes the future. Fails with {@code NO_WIDGET} when no page is open, {@code TIMED_OUT} when no answer came in
 * time (Bitrix24 never answers an unknown command; a page may have gone), {@code CARD_UNAVAILABLE} when the card
 * answered with an error.
 */
public final class WidgetBridgeChannel implements CallCardChannel {

    private final WidgetSessions sessions;
    private final Duration timeout;

    WidgetBridgeChannel(WidgetSessions sessions, Duration timeout) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public CompletableFuture<Void> enableAutoClose() {
        return send(CallCardCommand.ENABLE_AUTO_CLOSE.wireName()).thenApply(answer -> null);
    }

    @Override
    public CompletableFuture<Void> disableAutoClose() {
        return send(CallCardCommand.DISABLE_AUTO_CLOSE.wireName()).thenApply(answer -> null);
    }

    @Override
    public CompletableFuture<CallCardStatus> getStatus() {
        return send(CallCardCommand.GET_STATUS.wireName())
                .thenApply(answer -> ((CallEvent.StatusPolled) answer).status());
    }

    private CompletableFuture<CallEvent> send(String command) {
        Optional<WidgetSession> session = sessions.newest();
        if (session.isEmpty()) {
            return CompletableFuture.failedFuture(
                    new CallCardCommandFailed(CallCardCommandFailed.Reason.NO_WIDGET, command));
        }
        WidgetCommandQueue queue = session.get().commands();
        WidgetCommandQueue.Queued queued = queue.enqueue(command);
        CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> queue.fail(queued.id(), CallCardCommandFailed.Reason.TIMED_OUT));
        return queued.answer().thenApply(answer -> {
            if (answer instanceof CallEvent.BridgeLost) {
                throw new CallCardCommandFailed(CallCardCommandFailed.Reason.CARD_UNAVAILABLE, command);
            }
            return answer;
        });
    }
}
