package io.callcard.call;

import io.callcard.wire.CardCallState;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Follow calls to the end", an opt-in setting. Bitrix24's call card removes the widget's frame in the same task that
 * fires the call's final {@code idle} (protocol.md §2a), so a card that closes at once takes the end of the call with
 * it. While a call rings or talks, this holds the card open ({@code disableAutoClose}); as soon as the call is idle it
 * lets the card close again ({@code enableAutoClose}), unless the agent held it. The cost, said in Settings: two
 * commands per call, and a card that stays open up to 65 s longer when the companion stops in the middle of a call.
 *
 * <p>Subscribed to the {@link CallTracker}: {@link #accept} runs on the tracker's thread and only queues commands (a
 * channel never blocks). The agent's own hold and release go through {@link #agentChannel()}, so the agent's choice
 * for a call always wins over the companion's: released by the agent, a call is not held again; held by the agent,
 * it is not released at the end. Each call is held at most once, so a card that refuses is not asked in a loop.
 */
public final class CallFollower implements Consumer<CallUpdate>, HoldOwnership {

    private static final Logger log = LoggerFactory.getLogger(CallFollower.class);

    /** What the agent said about the followed call's card, last. */
    private enum AgentChoice { NONE, HOLD, RELEASE }

    private final CallCardChannel channel;

    // guarded by this: the call followed now, named by its CALL_ID and when it opened (Bitrix24 reuses ids)
    private String callId;
    private Instant openedAt;
    private boolean holdAsked;
    private boolean releaseAsked;
    private AgentChoice agent = AgentChoice.NONE;
    private CallSnapshot latest = CallSnapshot.EMPTY;

    public CallFollower(CallCardChannel channel) {
        this.channel = Objects.requireNonNull(channel, "channel");
    }

    @Override
    public void accept(CallUpdate update) {
        follow(update.current());
    }

    /** The channel for the agent's hold button: it records the agent's choice before passing the command on. */
    public CallCardChannel agentChannel() {
        return new CallCardChannel() {
            @Override
            public CompletableFuture<Void> enableAutoClose() {
                agentChose(AgentChoice.RELEASE);
                return channel.enableAutoClose();
            }

            @Override
            public CompletableFuture<Void> disableAutoClose() {
                agentChose(AgentChoice.HOLD);
                return channel.disableAutoClose();
            }

            @Override
            public CompletableFuture<CallCardStatus> getStatus() {
                return channel.getStatus();
            }
        };
    }

    @Override
    public synchronized boolean companionHoldsAlone(CallSnapshot snapshot) {
        return isFollowed(snapshot) && holdAsked && agent == AgentChoice.NONE;
    }

    private synchronized void agentChose(AgentChoice choice) {
        agent = choice;
    }

    private void follow(CallSnapshot s) {
        Runnable command = decide(s);
        if (command != null) {
            command.run();
        }
    }

    /** The command {@code s} calls for, or null; decided under the lock, sent outside it. */
    private synchronized Runnable decide(CallSnapshot s) {
        latest = s;
        if (s.callId() == null) {
            return null;
        }
        if (!isFollowed(s)) {
            callId = s.callId();
            openedAt = s.openedAt();
            holdAsked = false;
            releaseAsked = false;
            agent = AgentChoice.NONE;
        }
        boolean running = s.endedAt() == null && s.state() != CardCallState.IDLE;
        if (running && s.cardOpen() && !s.autoCloseHeld() && !holdAsked && agent == AgentChoice.NONE) {
            holdAsked = true;
            return () -> send(channel.disableAutoClose(), "hold", s.callId());
        }
        boolean over = s.endedAt() != null;
        if (over && holdAsked && !releaseAsked && agent != AgentChoice.HOLD && s.cardOpen() && s.autoCloseHeld()) {
            releaseAsked = true;
            return () -> send(channel.enableAutoClose(), "release", s.callId());
        }
        return null;
    }

    private boolean isFollowed(CallSnapshot s) {
        return Objects.equals(callId, s.callId()) && Objects.equals(openedAt, s.openedAt());
    }

    /**
     * A failed command is not retried: the card may be gone, and the agent's button still works. The hold's answer
     * may come after the call already ended (a short call), so the end is judged again once it is in.
     */
    private void send(CompletableFuture<Void> command, String what, String call) {
        command.whenComplete((ok, failure) -> {
            if (failure != null) {
                log.info("Following call {}: the card did not take the {} ({})", call, what, failure.toString());
                return;
            }
            CallSnapshot now;
            synchronized (this) {
                now = latest;
            }
            follow(now);
        });
    }
}
