package io.callcard.ui.callcard;

import io.callcard.call.CallCardChannel;
import io.callcard.call.CallCardCommandFailed;
import io.callcard.call.CallCardStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link CallCardChannel} whose answers the test gives by hand: each command is recorded with its future, and the
 * test completes or fails it (a real channel cannot time out on demand).
 */
final class ManualCallCardChannel implements CallCardChannel {

    /** One command sent, and the future the sender waits on. */
    record Sent(String command, CompletableFuture<Void> answer) {
    }

    private final List<Sent> sent = new ArrayList<>();

    @Override
    public synchronized CompletableFuture<Void> enableAutoClose() {
        return record("enableAutoClose");
    }

    @Override
    public synchronized CompletableFuture<Void> disableAutoClose() {
        return record("disableAutoClose");
    }

    /** Recorded like the others; its answer is never given (the hold button does not ask), so it stays pending. */
    @Override
    public synchronized CompletableFuture<CallCardStatus> getStatus() {
        record("getStatus");
        return new CompletableFuture<>();
    }

    private CompletableFuture<Void> record(String command) {
        CompletableFuture<Void> answer = new CompletableFuture<>();
        sent.add(new Sent(command, answer));
        return answer;
    }

    synchronized List<String> commands() {
        return sent.stream().map(Sent::command).toList();
    }

    synchronized Sent last() {
        return sent.get(sent.size() - 1);
    }

    void answerLast() {
        last().answer().complete(null);
    }

    void failLast(CallCardCommandFailed.Reason reason) {
        Sent s = last();
        s.answer().completeExceptionally(new CallCardCommandFailed(reason, s.command()));
    }
}
