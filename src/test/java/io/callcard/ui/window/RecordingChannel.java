package io.callcard.ui.window;

import io.callcard.call.CallCardChannel;
import io.callcard.call.CallCardStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A card that accepts every command at once and remembers what it was asked, in order. */
final class RecordingChannel implements CallCardChannel {

    private final List<String> commands = new ArrayList<>();

    @Override
    public synchronized CompletableFuture<Void> enableAutoClose() {
        commands.add("enableAutoClose");
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<Void> disableAutoClose() {
        commands.add("disableAutoClose");
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<CallCardStatus> getStatus() {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("the window's tests never poll"));
    }

    synchronized List<String> commands() {
        return List.copyOf(commands);
    }
}
