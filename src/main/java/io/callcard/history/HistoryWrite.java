package io.callcard.history;

import java.util.Objects;

/** One change to the history; the store applies a batch of them in one transaction, in order. */
public sealed interface HistoryWrite {

    /** Insert the call, or replace every fact of the call with this key. */
    record SaveCall(HistoryCall call) implements HistoryWrite {
        public SaveCall {
            Objects.requireNonNull(call, "call");
        }
    }

    /** Add one entry to the timeline of the call with this key (saved before, or earlier in the same batch). */
    record AppendTimeline(String key, TimelineEntry entry) implements HistoryWrite {
        public AppendTimeline {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(entry, "entry");
        }
    }
}
