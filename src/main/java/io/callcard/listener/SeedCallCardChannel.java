package io.callcard.listener;

import io.callcard.call.CallCardChannel;
import io.callcard.call.CallCardCommandFailed;
import io.callcard.call.CallCardStatus;
import io.callcard.call.CallEvent;
import io.callcard.portal.PortalException;
import io.callcard.portal.SeedPlacementTransport;
import io.callcard.wire.CallCardCommand;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * {@link CallCardChannel} over {@code placement.call} (the seed REST transport, protocol.md §1). Each command runs on
 * the seed link's thread, in order with its polls; the card's answer becomes an event like the widget's result
 * ({@link CallEvent.AutoCloseChanged}, {@link CallEvent.StatusPolled}) and the future completes once the tracker
 * applied it. No card, or a portal that did not answer, fails the command as {@code CARD_UNAVAILABLE}.
 */
final class SeedCallCardChannel implements CallCardChannel {

    private final SeedPlacementTransport transport;
    private final TrackerFeed feed;
    private final Executor thread;

    SeedCallCardChannel(SeedPlacementTransport transport, TrackerFeed feed, Executor thread) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.thread = Objects.requireNonNull(thread, "thread");
    }

    @Override
    public CompletableFuture<Void> enableAutoClose() {
        return autoClose(CallCardCommand.ENABLE_AUTO_CLOSE, false);
    }

    @Override
    public CompletableFuture<Void> disableAutoClose() {
        return autoClose(CallCardCommand.DISABLE_AUTO_CLOSE, true);
    }

    @Override
    public CompletableFuture<CallCardStatus> getStatus() {
        String command = CallCardCommand.GET_STATUS.wireName();
        return run(command, answer -> {
            Instant asked = feed.now();
            Optional<CallCardStatus> status = transport.getStatus();
            if (status.isEmpty()) {
                throw unavailable(command);
            }
            feed.submit(InputChannel.SEED_TRANSPORT, at -> new CallEvent.StatusPolled(asked, status.get()),
                    applied -> answer.complete(status.get()));
        });
    }

    private CompletableFuture<Void> autoClose(CallCardCommand command, boolean held) {
        return run(command.wireName(), answer -> {
            boolean ran = held ? transport.disableAutoClose() : transport.enableAutoClose();
            if (!ran) {
                throw unavailable(command.wireName());
            }
            feed.submit(InputChannel.SEED_TRANSPORT, at -> new CallEvent.AutoCloseChanged(at, null, held),
                    applied -> answer.complete(null));
        });
    }

    /** Runs {@code work} on the link's thread; it completes {@code answer} once the tracker applied the result. */
    private <T> CompletableFuture<T> run(String command, Command<T> work) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        try {
            thread.execute(() -> {
                try {
                    work.run(answer);
                } catch (PortalException | CallCardCommandFailed e) {
                    answer.completeExceptionally(e instanceof CallCardCommandFailed ? e : unavailable(command));
                }
            });
        } catch (RejectedExecutionException closed) {
            answer.completeExceptionally(unavailable(command));
        }
        return answer;
    }

    private static CallCardCommandFailed unavailable(String command) {
        return new CallCardCommandFailed(CallCardCommandFailed.Reason.CARD_UNAVAILABLE, command);
    }

    private interface Command<T> {
        void run(CompletableFuture<T> answer) throws PortalException;
    }
}
