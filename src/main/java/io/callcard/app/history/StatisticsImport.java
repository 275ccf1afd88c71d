package io.callcard.app.history;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callcard.history.CallHistory;
import io.callcard.history.FactSource;
import io.callcard.history.HistoryCall;
import io.callcard.history.HistoryQuery;
import io.callcard.history.HistoryWrite;
import io.callcard.history.TimelineEntry;
import io.callcard.portal.CallStatisticsImport;
import io.callcard.portal.PortalCallRecord;
import io.callcard.portal.PortalClient;
import io.callcard.portal.PortalException;
import io.callcard.portal.StatisticsProgress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the portal's call records for a period ({@link CallStatisticsImport}, within the portal client's rate limit)
 * and reconciles each with the history ({@link PortalReconciliation}): {@code callcard history import --from-portal}
 * and the optional background job. Runs on the calling thread; returns once the changes are on disk.
 *
 * <p>Matching: Bitrix24 hands a CALL_ID out again within 30 minutes (protocol.md §6), so a record matches the history's
 * call with its CALL_ID whose first-heard time is nearest the record's start, within {@link #MATCH_WINDOW}, and that no
 * other record of the same run has matched. A record matching nothing becomes a call of its own, keyed by the record's
 * id, so that the next run finds it again instead of adding it twice.
 */
public final class StatisticsImport {

    /** How far the companion's first-heard time may lie from the portal's start for one call. */
    static final Duration MATCH_WINDOW = Duration.ofMinutes(30);
    /** Changes written per transaction. */
    private static final int BATCH = 500;

    /** What a run did. */
    public record Summary(int records, int added, int corrected, int unchanged, int skipped) {
    }

    private final CallHistory history;
    private final Clock clock;

    public StatisticsImport(CallHistory history, Clock clock) {
        this.history = Objects.requireNonNull(history, "history");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Fetches the portal's records from {@code from} to {@code until} and reconciles them. */
    public Summary run(PortalClient client, OffsetDateTime from, OffsetDateTime until, StatisticsProgress progress)
            throws PortalException {
        return reconcile(new CallStatisticsImport(client).fetch(from, until, progress));
    }

    /** Reconciles records already fetched, oldest first. */
    public Summary reconcile(List<PortalCallRecord> records) {
        List<HistoryWrite> writes = new ArrayList<>();
        Set<String> claimed = new HashSet<>();
        int added = 0;
        int corrected = 0;
        int unchanged = 0;
        int skipped = 0;
        Instant now = clock.instant();
        for (PortalCallRecord record : records) {
            if (record.startedAt() == null || record.callId().isEmpty()) {
                skipped++; // nothing to match it by, nor to place it in time
                continue;
            }
            HistoryCall known = match(record, claimed);
            PortalReconciliation.Result result = known != null
                    ? PortalReconciliation.reconcile(known, record)
                    : new PortalReconciliation.Result(PortalReconciliation.newCall(record), Set.of("call"));
            claimed.add(result.call().key());
            if (!result.changedAnything()) {
                unchanged++;
                continue;
            }
            if (known == null) {
                added++;
            } else {
                corrected++;
            }
            writes.add(new HistoryWrite.SaveCall(result.call()));
            writes.add(new HistoryWrite.AppendTimeline(result.call().key(), new TimelineEntry(now,
                    FactSource.STATISTICS, "StatisticsRecord", payload(record, result))));
            if (writes.size() >= BATCH * 2) {
                history.write(List.copyOf(writes)).join();
                writes.clear();
            }
        }
        if (!writes.isEmpty()) {
            history.write(List.copyOf(writes)).join();
        }
        return new Summary(records.size(), added, corrected, unchanged, skipped);
    }

    /** The history's call this record is about, or null when the companion never heard of it. */
    private HistoryCall match(PortalCallRecord record, Set<String> claimed) {
        Instant start = record.startedAt().toInstant();
        HistoryQuery around = HistoryQuery.ALL.withRange(start.minus(MATCH_WINDOW), start.plus(MATCH_WINDOW));
        HistoryCall[] best = {null};
        long[] bestDistance = {Long.MAX_VALUE};
        history.forEach(around, call -> {
            if (record.callId().equals(call.callId()) && !claimed.contains(call.key())) {
                long distance = Math.abs(Duration.between(start, call.firstHeard()).toMillis());
                if (distance < bestDistance[0]) {
                    best[0] = call;
                    bestDistance[0] = distance;
                }
            }
            return true;
        });
        return best[0];
    }

    /** The timeline's note of what the record changed; no secret is part of a call record. */
    private static String payload(PortalCallRecord record, PortalReconciliation.Result result) {
        ObjectNode note = JsonNodeFactory.instance.objectNode();
        note.put("recordId", record.recordId());
        note.put("callId", record.callId());
        note.putArray("changed").addAll(result.changed().stream().sorted()
                .map(JsonNodeFactory.instance::textNode).toList());
        return note.toString();
    }
}
