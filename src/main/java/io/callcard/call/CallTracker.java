package io.callcard.call;

import io.callcard.threads.BackgroundThreads;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * The one thread that owns call state. Every channel hands its events to {@link #submit}; they are reduced in
 * arrival order on the {@code call-tracker} thread, and subscribers hear about each change on that same thread
 * (so they must be quick, or hand the work on: the UI through its executor, the history through its writer).
 * The history hears more: every event applied, changed or not, with its channel ({@link #hearEveryEvent}).
 */
public final class CallTracker implements AutoCloseable {

    public static final String THREAD_NAME = "call-tracker";
    /** Events already queued get this long to be applied at close; the reducer takes microseconds per event. */
    private static final Duration CLOSE_GRACE = Duration.ofMillis(250);

    private final ExecutorService thread = BackgroundThreads.singleThread(THREAD_NAME);
    private final List<Consumer<CallUpdate>> subscribers = new CopyOnWriteArrayList<>();
    private final List<Consumer<AppliedEvent>> hearers = new CopyOnWriteArrayList<>();
    private volatile CallSnapshot current = CallSnapshot.EMPTY;

    /** The newest snapshot; safe from any thread. */
    public CallSnapshot current() {
        return current;
    }

    /**
     * Queue an event. The future completes on the tracker's thread once the reducer applied the event and every
     * subscriber heard of it, with the snapshot after it (the same one if it changed nothing): whatever waits on it
     * sees a state at least as new as that event's.
     */
    public CompletableFuture<CallSnapshot> submit(CallEvent event) {
        return submit(event, EventChannel.PORTAL_LOOKUP);
    }

    /** As {@link #submit(CallEvent)}, saying which way the event came (the history keeps it with the event). */
    public CompletableFuture<CallSnapshot> submit(CallEvent event, EventChannel channel) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(channel, "channel");
        try {
            return CompletableFuture.supplyAsync(() -> apply(event, channel), thread);
        } catch (RejectedExecutionException closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the call tracker is closed", closed));
        }
    }

    /** Hear about every change from now on; the returned handle stops it. */
    public AutoCloseable subscribe(Consumer<CallUpdate> subscriber) {
        subscribers.add(Objects.requireNonNull(subscriber, "subscriber"));
        return () -> subscribers.remove(subscriber);
    }

    /**
     * Hear every event applied from now on, on the tracker's thread, before the subscribers: also those that changed
     * nothing on the card. The hearer must only hand the event on (the history's recorder queues it); the returned
     * handle stops it.
     */
    public AutoCloseable hearEveryEvent(Consumer<AppliedEvent> hearer) {
        hearers.add(Objects.requireNonNull(hearer, "hearer"));
        return () -> hearers.remove(hearer);
    }

    private CallSnapshot apply(CallEvent event, EventChannel channel) {
        CallSnapshot previous = current;
        CallSnapshot next = CallStateReducer.reduce(previous, event);
        current = next;
        if (!hearers.isEmpty()) {
            tell(hearers, new AppliedEvent(event, channel, previous, next), event);
        }
        if (next.sameExceptUpdatedAt(previous)) {
            return next;
        }
        tell(subscribers, new CallUpdate(event, previous, next), event);
        return next;
    }

    private static <T> void tell(List<Consumer<T>> listeners, T news, CallEvent event) {
        for (Consumer<T> listener : listeners) {
            try {
                listener.accept(news);
            } catch (RuntimeException e) {
                // one broken subscriber must not stop the others or the tracker
                // the logger is looked up here, not at class load: the tracker is made on the FX thread at start-up
                LoggerFactory.getLogger(CallTracker.class)
                        .error("A call-state subscriber failed on {}", event.getClass().getSimpleName(), e);
            }
        }
    }

    @Override
    public void close() {
        BackgroundThreads.stop(thread, CLOSE_GRACE);
    }
}
