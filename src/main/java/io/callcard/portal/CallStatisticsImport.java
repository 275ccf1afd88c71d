package io.callcard.portal;

import com.fasterxml.jackson.databind.JsonNode;
import io.callcard.wire.PhpForm;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Imports the portal's call history for a time range ({@code voximplant.statistic.get}, oldest first, 50 calls per
 * page). The first page tells how many calls there are; the remaining pages then come in {@code batch} requests of
 * up to 50 pages each, so 2,500 calls cost 2 requests instead of 50. Runs on the calling thread.
 */
public final class CallStatisticsImport {

    static final String METHOD = "voximplant.statistic.get";
    static final int PAGE_SIZE = 50;
    /** With the offset written as {@code +01:00}, the form the portal itself sends. */
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private final PortalClient client;

    public CallStatisticsImport(PortalClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * Every call that started at or after {@code from} and before {@code until}, oldest first. A call listed twice
     * (pages shift when the portal adds a row while we read) is kept once.
     */
    public List<PortalCallRecord> fetch(OffsetDateTime from, OffsetDateTime until, StatisticsProgress progress)
            throws PortalException {
        Objects.requireNonNull(progress, "progress");
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put(">=CALL_START_DATE", ISO.format(Objects.requireNonNull(from, "from")));
        filter.put("<CALL_START_DATE", ISO.format(Objects.requireNonNull(until, "until")));

        Rows rows = new Rows();
        PortalResponse first = client.call(METHOD, params(filter, 0));
        rows.addAll(first.result());
        long total = first.total().orElse(rows.size());
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int done = 1;
        progress.pagesDone(done, pages);
        if (first.next().isEmpty()) {
            return rows.list();
        }
        List<Long> starts = new ArrayList<>();
        for (long start = first.next().getAsLong(); start < total; start += PAGE_SIZE) {
            starts.add(start);
        }
        for (int i = 0; i < starts.size(); i += PortalBatch.MAX_COMMANDS) {
            List<Long> chunk = starts.subList(i, Math.min(starts.size(), i + PortalBatch.MAX_COMMANDS));
            for (JsonNode page : fetchPages(filter, chunk)) {
                rows.addAll(page);
            }
            done += chunk.size();
            progress.pagesDone(done, Math.max(done, pages));
        }
        return rows.list();
    }

    /** One page alone costs one request either way, so it goes without the batch envelope. */
    private List<JsonNode> fetchPages(Map<String, Object> filter, List<Long> starts) throws PortalException {
        if (starts.size() == 1) {
            return List.of(client.call(METHOD, params(filter, starts.get(0))).result());
        }
        Map<String, String> commands = new LinkedHashMap<>();
        for (Long start : starts) {
            commands.put("p" + start, METHOD + "?" + PhpForm.encode(params(filter, start)));
        }
        return new ArrayList<>(PortalBatch.run(client, commands).values());
    }

    private static Map<String, Object> params(Map<String, Object> filter, long start) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("FILTER", filter);
        params.put("SORT", "CALL_START_DATE");
        params.put("ORDER", "ASC");
        params.put("start", start);
        return params;
    }

    /** The rows so far, in order, each history row once. */
    private static final class Rows {

        private final List<PortalCallRecord> list = new ArrayList<>();
        private final Set<String> seen = new HashSet<>();

        void addAll(JsonNode page) {
            if (page == null || !page.isArray()) {
                return;
            }
            for (JsonNode row : page) {
                if (!row.isObject()) {
                    continue;
                }
                PortalCallRecord record = PortalCallRecords.read(row);
                if (record.recordId().isEmpty() || seen.add(record.recordId())) {
                    list.add(record);
                }
            }
        }

        int size() {
            return list.size();
        }

        List<PortalCallRecord> list() {
            return List.copyOf(list);
        }
    }
}
