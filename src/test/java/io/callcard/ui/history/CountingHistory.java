package io.callcard.ui.history;

import io.callcard.history.CallHistory;
import io.callcard.history.HistoryCall;
import io.callcard.history.HistoryQuery;
import io.callcard.history.HistoryStats;
import io.callcard.testing.ForwardingCallHistory;
import java.time.ZoneId;
import java.util.List;

/** The real store, noting each query it is asked to count, sum or read from its start: which reads the pane made. */
final class CountingHistory extends ForwardingCallHistory {

    private final List<HistoryQuery> asked;

    CountingHistory(CallHistory store, List<HistoryQuery> asked) {
        super(store);
        this.asked = asked;
    }

    @Override
    public long count(HistoryQuery query) {
        asked.add(query);
        return super.count(query);
    }

    @Override
    public List<HistoryCall> page(HistoryQuery query, long offset, int limit) {
        if (offset == 0) {
            asked.add(query); // a query's first page: the full view reads it before (or instead of) the count
        }
        return super.page(query, offset, limit);
    }

    @Override
    public HistoryStats stats(HistoryQuery query, ZoneId zone) {
        asked.add(query);
        return super.stats(query, zone);
    }
}
