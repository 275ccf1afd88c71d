package io.callcard.ui.history;

import io.callcard.history.CallHistory;
import io.callcard.history.HistoryCall;
import io.callcard.history.HistoryQuery;
import io.callcard.history.HistoryStats;
import io.callcard.history.HistoryWrite;
import io.callcard.history.TimelineEntry;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/** The real store, noting each query it is asked to count, sum or read from its start: which reads the pane made. */
final class CountingHistory implements CallHistory {

    private final CallHistory store;
    private final List<HistoryQuery> asked;

    CountingHistory(CallHistory store, List<HistoryQuery> asked) {
        this.store = store;
        this.asked = asked;
    }

    @Override
    public CompletableFuture<Void> write(List<HistoryWrite> writes) {
        return store.write(writes);
    }

    @Override
    public long count(HistoryQuery query) {
        asked.add(query);
        return store.count(query);
    }

    @Override
    public List<HistoryCall> page(HistoryQuery query, long offset, int limit) {
        if (offset == 0) {
            asked.add(query); // a query's first page: the full view reads it before (or instead of) the count
        }
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
        asked.add(query);
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
