package io.callcard.app.history;

import io.callcard.history.CallHistory;
import io.callcard.history.FactSource;
import io.callcard.history.HistoryBinding;
import io.callcard.history.HistoryCall;
import io.callcard.history.HistoryProblem;
import io.callcard.history.HistoryWrite;
import io.callcard.history.Outcomes;
import io.callcard.history.TimelineEntry;
import io.callcard.sandbox.SeededCall;
import io.callcard.sandbox.SeededCalls;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongConsumer;

/**
 * Writes the sandbox's made-up calls ({@link SeededCalls}) into a history: each call one record with every fact marked
 * {@link FactSource#SEEDED}, its outcome decided by {@link Outcomes} like any other call's, and a short timeline (the
 * server's start, answer and end events). Batches of {@link #BATCH} calls go to the store's writer; at most
 * {@link #IN_FLIGHT} batches wait, so a million calls never sit in memory and the writer is never idle.
 */
public final class SeededHistory {

    /** Calls per write: large enough that a transaction's cost is spread thin, small enough to stay light. */
    static final int BATCH = 5_000;
    /** Batches queued at the writer while the next is made. */
    static final int IN_FLIGHT = 2;
    /**
     * The facts a later source (the portal's call records) may correct, marked as made up; the rest of a seeded call
     * is known as seeded by its key and its timeline. Kept short, as every call stores it: one immutable map shared
     * by every call.
     */
    private static final Map<String, FactSource> SOURCES = seeded("talkSeconds", "failedCode", "failedReason", "cost",
            "recordUrl");

    private final CallHistory history;
    private final long seed;
    private final Deque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
    private final Deque<Integer> waitingSizes = new ArrayDeque<>();
    private List<HistoryWrite> batch = new ArrayList<>();
    private int batchCalls;
    private long stored;

    private SeededHistory(CallHistory history, long seed) {
        this.history = Objects.requireNonNull(history, "history");
        this.seed = seed;
    }

    /**
     * Makes {@code count} calls with {@code calls} (seeded with {@code seed}) and writes them to {@code history};
     * {@code progress} hears how many are on disk after each batch. Returns once every call is on disk and findable.
     *
     * @throws HistoryProblem when the store refuses a write (nothing of that batch is stored)
     */
    public static long seed(CallHistory history, long seed, SeededCalls calls, long count, LongConsumer progress) {
        SeededHistory writer = new SeededHistory(history, seed);
        // a large seed lets the store build its search index once at the end (CallHistory#bulkLoad)
        try (CallHistory.BulkLoad load = history.bulkLoad(count)) {
            calls.generate(count, call -> writer.add(call, progress));
            writer.send();
            while (!writer.waiting.isEmpty()) {
                writer.awaitOldest(progress);
            }
        }
        return writer.stored;
    }

    /** The history record of a made-up call: every fact from the seed. */
    public static HistoryCall record(long seed, SeededCall call) {
        List<HistoryBinding> bindings = new ArrayList<>(call.bindings().size());
        for (SeededCall.Link link : call.bindings()) {
            bindings.add(new HistoryBinding(link.ref(), link.name()));
        }
        return new HistoryCall(key(seed, call), call.callId(), call.direction(), call.number(), call.lineNumber(),
                call.lineName(), call.entity(), bindings, call.activityId(), call.callListMode(), call.startedAt(),
                call.connectedAt(), call.endedAt(), call.ringSeconds(), call.talkSeconds(), call.failedCode(),
                call.failedReason(), Outcomes.of(call.direction(), call.answered(), true, call.failedCode()),
                call.cost(), call.costCurrency(), call.recordUrl(), SOURCES);
    }

    /**
     * A made-up call's timeline, as the server's events would have told it: started, answered (when it was), ended.
     * The kinds are the call domain's event names.
     */
    public static List<TimelineEntry> timeline(SeededCall call) {
        String id = "\"callId\":\"" + call.callId() + "\""; // the seed's ids are letters, digits and dots
        List<TimelineEntry> entries = new ArrayList<>(3);
        entries.add(new TimelineEntry(call.startedAt(), FactSource.SEEDED, "ServerCallStarted",
                "{" + id + ",\"direction\":\"" + call.direction().name() + "\"}"));
        if (call.answered()) {
            entries.add(new TimelineEntry(call.connectedAt(), FactSource.SEEDED, "ServerCallAnswered", "{" + id + "}"));
        }
        entries.add(new TimelineEntry(call.endedAt(), FactSource.SEEDED, "ServerCallEnded",
                "{" + id + ",\"talkSeconds\":" + call.talkSeconds() + ",\"failedCode\":\"" + call.failedCode()
                        + "\"}"));
        return entries;
    }

    /**
     * The record's key: the seed and the call's place, so seeding again with the same seed replaces those calls
     * instead of adding them twice.
     */
    static String key(long seed, SeededCall call) {
        return "seed-" + seed + "-" + call.index();
    }

    private static Map<String, FactSource> seeded(String... facts) {
        Map<String, FactSource> sources = new HashMap<>();
        for (String fact : facts) {
            sources.put(fact, FactSource.SEEDED);
        }
        return Map.copyOf(sources);
    }

    private void add(SeededCall call, LongConsumer progress) {
        HistoryCall record = record(seed, call);
        batch.add(new HistoryWrite.SaveCall(record));
        for (TimelineEntry entry : timeline(call)) {
            batch.add(new HistoryWrite.AppendTimeline(record.key(), entry));
        }
        if (++batchCalls == BATCH) {
            send();
            while (waiting.size() > IN_FLIGHT) {
                awaitOldest(progress);
            }
        }
    }

    private void send() {
        if (batchCalls == 0) {
            return;
        }
        waiting.add(history.write(batch));
        waitingSizes.add(batchCalls);
        batch = new ArrayList<>();
        batchCalls = 0;
    }

    private void awaitOldest(LongConsumer progress) {
        try {
            waiting.poll().join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
        stored += waitingSizes.poll();
        progress.accept(stored);
    }
}
