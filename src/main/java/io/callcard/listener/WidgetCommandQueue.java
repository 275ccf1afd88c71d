package io.callcard.listener;

import io.callcard.call.CallCardCommandFailed;
import io.callcard.call.CallEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One widget session's queue of call card commands. Ids increase from 1; the page fetches the commands after the
 * last id it ran ({@code GET /bridge/commands?after=N}) and answers each with its id. A command leaves the queue when
 * its answer arrives or when it fails (timeout); a page that fetched it but never answered simply lets it time out.
 */
final class WidgetCommandQueue {

    /** A queued command as the page sees it. */
    record Command(long id, String command) {
    }

    private static final class Pending {
        final Command command;
        final CompletableFuture<CallEvent> answer = new CompletableFuture<>();

        Pending(Command command) {
            this.command = command;
        }
    }

    private final Map<Long, Pending> pending = new LinkedHashMap<>();
    private long lastId;
    private boolean closed;

    /** Queues {@code command}; the future completes with the decoded answer. */
    synchronized Queued enqueue(String command) {
        long id = ++lastId;
        Pending entry = new Pending(new Command(id, command));
        if (closed) {
            entry.answer.completeExceptionally(new CallCardCommandFailed(CallCardCommandFailed.Reason.NO_WIDGET,
                    command));
            return new Queued(id, entry.answer);
        }
        pending.put(id, entry);
        notifyAll();
        return new Queued(id, entry.answer);
    }

    record Queued(long id, CompletableFuture<CallEvent> answer) {
    }

    /**
     * The pending commands with an id above {@code after}, waiting up to {@code waitMillis} for one to arrive.
     *
     * @throws InterruptedException when the listener shuts down meanwhile
     */
    synchronized List<Command> after(long after, long waitMillis) throws InterruptedException {
        long deadline = System.nanoTime() + waitMillis * 1_000_000L;
        while (true) {
            List<Command> found = new ArrayList<>();
            for (Pending entry : pending.values()) {
                if (entry.command.id() > after) {
                    found.add(entry.command);
                }
            }
            long remaining = (deadline - System.nanoTime()) / 1_000_000L;
            if (!found.isEmpty() || remaining <= 0 || closed) {
                return found;
            }
            wait(remaining);
        }
    }

    /** The page answered command {@code id}; false when it is unknown or already done (late or repeated answer). */
    boolean complete(long id, CallEvent answer) {
        Pending entry;
        synchronized (this) {
            entry = pending.remove(id);
        }
        return entry != null && entry.answer.complete(answer);
    }

    /** Fails command {@code id} if it is still waiting. */
    void fail(long id, CallCardCommandFailed.Reason reason) {
        Pending entry;
        synchronized (this) {
            entry = pending.remove(id);
        }
        if (entry != null) {
            entry.answer.completeExceptionally(new CallCardCommandFailed(reason, entry.command.command()));
        }
    }

    /** The session ended: every waiting command fails with NO_WIDGET, and long polls return at once. */
    void close() {
        List<Pending> dropped;
        synchronized (this) {
            closed = true;
            dropped = new ArrayList<>(pending.values());
            pending.clear();
            notifyAll();
        }
        for (Pending entry : dropped) {
            entry.answer.completeExceptionally(new CallCardCommandFailed(CallCardCommandFailed.Reason.NO_WIDGET,
                    entry.command.command()));
        }
    }
}
