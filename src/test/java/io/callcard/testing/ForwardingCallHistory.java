package io.callcard.testing;

import io.callcard.history.CallHistory;
import io.callcard.history.HistoryCall;
import io.callcard.history.HistoryQuery;
import io.callcard.history.HistoryStats;
import io.callcard.history.HistoryWrite;
import io.callcard.history.TimelineEntry;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * A real store behind every call: tests and benches override only the calls they note (which reads a pane made, how
 * often a query was counted), and the store answers all of them.
 */
public abstract class ForwardingCallHistory implements CallHistory {

    private final CallHistory store;

    protected ForwardingCallHistory(CallHistory store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public CompletableFuture<Void> write(List<HistoryWrite> writes) {
        return store.write(writes);
    }

    @Override
    public long count(HistoryQuery query) {
        return store.count(query);
    }

    @Override
    public List<HistoryCall> page(HistoryQuery query, long offset, int limit) {
        return store.page(query, offset, limit);
    }

    @Override
    public long forEach(HistoryQuery query, Predicate<HistoryCall> each) {
        return store.forEach(query, each);
    }

    @Override
    public Optional<HistoryCall> find(String key) {
        return store.find(key);
    }

    @Override
    public List<TimelineEntry> timeline(String key) {
        return store.timeline(key);
    }

    @Override
    public HistoryStats stats(HistoryQuery query, ZoneId zone) {
        return store.stats(query, zone);
    }

    @Override
    public boolean readOnly() {
        return store.readOnly();
    }

    @Override
    public void close() {
        store.close();
    }
}
