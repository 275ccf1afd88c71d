package io.callcard.bench;

import static io.callcard.bench.BenchReport.percentile;

import io.callcard.call.CallDirection;
import io.callcard.call.CrmEntityType;
import io.callcard.call.CrmRef;
import io.callcard.history.FactSource;
import io.callcard.history.HistoryBinding;
import io.callcard.history.HistoryCall;
import io.callcard.history.HistoryQuery;
import io.callcard.history.HistoryQuery.SortColumn;
import io.callcard.history.HistoryWrite;
import io.callcard.history.HistoryWrite.AppendTimeline;
import io.callcard.history.HistoryWrite.SaveCall;
import io.callcard.history.Outcome;
import io.callcard.history.Outcomes;
import io.callcard.history.TimelineEntry;
import io.callcard.history.sqlite.SqliteCallHistory;
import io.callcard.history.sqlite.StoreOptions;
import io.callcard.testing.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The call history's store at full size (issue 13): {@code -Dhistory.bench.calls=N}, 1,000,000 by default. Measured,
 * each against a baseline in the same run on the same file:
 * <ul>
 *   <li>raw insert through {@link SqliteCallHistory#write} in batches of 1,000 calls (the seeding figure is the seed
 *       command's; this is the store's own cost);</li>
 *   <li>search, first page of 50 newest matches, for number fragments in several formats and names (Latin and
 *       Cyrillic): p95 against a plain {@code LIKE '%...%'} scan of the same columns; goal p95 &lt;= 20 ms;</li>
 *   <li>filter + sort, first page: p95 per combination; goal &lt;= 50 ms;</li>
 *   <li>timeline appends, events queued as they come (the writer batches them) against one transaction per event
 *       (each write awaited before the next); goal &gt;= 20,000 events/s.</li>
 * </ul>
 * Reported, not asserted (machine load varies); the report lands in {@code target/bench/history-store.txt}.
 */
class HistoryStoreBench {

    private static final int CALLS = Integer.getInteger("history.bench.calls", 1_000_000);
    private static final int BATCH = 1_000;
    private static final int RUNS = 25;
    private static final Instant START = Instant.parse("2025-12-01T06:00:00Z");
    private static final String[] FIRST = {"Ivan", "Olga", "Pavel", "Anna", "Jürgen", "Maria", "Sergey", "John",
            "Ольга", "Иван", "Анна", "Дмитрий", "Екатерина", "Pierre", "Aiko", "Fatima"};
    private static final String[] LAST = {"Petrov", "Smirnova", "Müller", "Schmidt", "Ivanova", "Smith", "Dupont",
            "Петров", "Смирнова", "Кузнецов", "Соколова", "Tanaka", "Kovalenko", "Nowak", "Garcia", "Rossi"};
    private static final String[] PREFIXES = {"+7495", "+7499", "+7916", "+7903", "+4930", "+4989", "+1212",
            "+44207"};

    @TempDir
    Path folder;

    @Test
    void historyStore() throws Exception {
        Path file = folder.resolve(SqliteCallHistory.FILE_NAME);
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "Call history store, %,d calls (SQLite WAL, synchronous=NORMAL), %d runs per figure%n", CALLS,
                RUNS));
        try (SqliteCallHistory history = SqliteCallHistory.open(file, StoreOptions.DEFAULT)) {
            insert(history, report);
        }
        report.append(String.format(Locale.ROOT, "file: %,d MB%n", Files.size(file) >> 20));
        // baseline: what every open cost before, a quick_check of the whole file (still done after an unclean close)
        long checking = System.nanoTime();
        SqliteCallHistory.open(file, StoreOptions.DEFAULT.withAlwaysCheckUpTo(Long.MAX_VALUE)).close();
        double checked = (System.nanoTime() - checking) / 1e6;
        long opening = System.nanoTime();
        try (SqliteCallHistory history = SqliteCallHistory.open(file, StoreOptions.DEFAULT)) {
            report.append(String.format(Locale.ROOT, "open again after a clean close (version, statistics): %.0f ms;"
                    + " baseline, the same open with quick_check (as after an unclean close): %.0f ms%n",
                    (System.nanoTime() - opening) / 1e6, checked));
            try (Connection plain = DriverManager.getConnection("jdbc:sqlite:" + file)) {
                search(history, plain, report);
            }
            filterAndSort(history, report);
            append(history, report);
        }
        BenchReport.publish("history-store.txt", report.toString());
    }

    private void insert(SqliteCallHistory history, StringBuilder report) throws Exception {
        Random random = new Random(13);
        long step = Duration.ofDays(365).toMillis() / CALLS;
        long began = System.nanoTime();
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        List<HistoryWrite> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < CALLS; i++) {
            batch.add(new SaveCall(call(random, i, START.plusMillis(i * step + random.nextInt((int) step)))));
            if (batch.size() == BATCH) {
                pending.add(history.write(batch));
                batch = new ArrayList<>(BATCH);
                if (pending.size() >= 8) { // a bounded queue, as a seeder would keep
                    Eventually.result(pending.remove(0), "a batch");
                }
            }
        }
        pending.add(history.write(batch));
        for (CompletableFuture<Void> each : pending) {
            Eventually.result(each, "a batch");
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        report.append(String.format(Locale.ROOT, "insert: %,d calls in %.1f s, %,.0f calls/s (batches of %,d)%n",
                CALLS, seconds, CALLS / seconds, BATCH));
    }

    private void search(SqliteCallHistory history, Connection plain, StringBuilder report) throws Exception {
        report.append("search, first page of 50 newest (p95 ms): store | plain LIKE scan | ratio | matches\n");
        Map<String, String> likeColumns = Map.of("number", "number", "name", "crm_name");
        for (String[] search : new String[][] {
                {"4567", "number", "4567"}, {"+7 495", "number", "+7495"}, {"8 (916)", "number", "+7916"},
                {"95123", "number", "95123"}, {"030 12", "number", "+493012"}, {"ivan", "name", "ivan"},
                {"Müller", "name", "müller"}, {"ольга", "name", "ольга"}, {"Ivan Petrov", "name", "ivan petrov"},
                {"aiko tanaka", "name", "aiko tanaka"}}) {
            HistoryQuery query = HistoryQuery.ALL.withText(search[0]);
            double store = p95(() -> history.page(query, 0, 50).size());
            String column = likeColumns.get(search[1]);
            String like = "SELECT call_key FROM calls WHERE lower(" + column + ") LIKE ? ORDER BY id DESC LIMIT 50";
            double scan = p95(() -> rows(plain, like, "%" + search[2] + "%"));
            long matches = history.count(query);
            report.append(String.format(Locale.ROOT, "  %-14s %7.2f | %8.2f | %6.1fx | %,d%n", "\"" + search[0] + "\"",
                    store, scan, scan / store, matches));
        }
        double count = p95(() -> (int) history.count(HistoryQuery.ALL.withText("ivan")));
        report.append(String.format(Locale.ROOT, "  count of \"ivan\" matches: p95 %.1f ms%n", count));
    }

    private void filterAndSort(SqliteCallHistory history, StringBuilder report) throws Exception {
        report.append("filter + sort, first page of 50 (p95 ms):\n");
        Instant lastWeek = START.plus(Duration.ofDays(358));
        Map<String, HistoryQuery> queries = new LinkedHashMap<>();
        queries.put("missed, newest first", HistoryQuery.ALL.withOutcomes(Set.of(Outcome.MISSED)));
        queries.put("answered+busy, by talk time", HistoryQuery.ALL
                .withOutcomes(Set.of(Outcome.ANSWERED, Outcome.BUSY)).sortedBy(SortColumn.TALK_TIME, true));
        queries.put("missed, by talk time (none talked)", HistoryQuery.ALL
                .withOutcomes(Set.of(Outcome.MISSED)).sortedBy(SortColumn.TALK_TIME, true));
        queries.put("last 7 days, by talk time", HistoryQuery.ALL.withRange(lastWeek, null)
                .sortedBy(SortColumn.TALK_TIME, true));
        queries.put("failed, by outcome", HistoryQuery.ALL.withOutcomes(Set.of(Outcome.FAILED))
                .sortedBy(SortColumn.OUTCOME, false));
        queries.put("linked, by CRM name", HistoryQuery.ALL.withLinked(true).sortedBy(SortColumn.CRM_NAME, false));
        queries.put("outgoing failed, by number", HistoryQuery.ALL.withDirections(Set.of(CallDirection.OUTGOING))
                .withOutcomes(Set.of(Outcome.FAILED, Outcome.BUSY)).sortedBy(SortColumn.NUMBER, false));
        queries.put("unlinked incoming, oldest first", HistoryQuery.ALL.withLinked(false)
                .withDirections(Set.of(CallDirection.INCOMING)).sortedBy(SortColumn.TIME, false));
        queries.put("\"petrov\" in last 7 days", HistoryQuery.ALL.withText("petrov").withRange(lastWeek, null));
        queries.put("\"4567\", by outcome", HistoryQuery.ALL.withText("4567").sortedBy(SortColumn.OUTCOME, false));
        for (Map.Entry<String, HistoryQuery> each : queries.entrySet()) {
            double ms = p95(() -> history.page(each.getValue(), 0, 50).size());
            report.append(String.format(Locale.ROOT, "  %-42s %7.2f%n", each.getKey(), ms));
        }
        long began = System.nanoTime();
        history.stats(HistoryQuery.ALL.withRange(START.plus(Duration.ofDays(335)), null), ZoneId.of("Europe/Moscow"));
        report.append(String.format(Locale.ROOT, "  statistics of the last 30 days: %.1f ms (one run)%n",
                (System.nanoTime() - began) / 1e6));
    }

    private void append(SqliteCallHistory history, StringBuilder report) throws Exception {
        String key = "call-" + (CALLS - 1);
        int batched = 40_000;
        int single = 2_000;
        long began = System.nanoTime();
        List<CompletableFuture<Void>> all = new ArrayList<>(batched);
        for (int i = 0; i < batched; i++) {
            all.add(history.write(List.of(new AppendTimeline(key, event(i)))));
        }
        for (CompletableFuture<Void> each : all) {
            Eventually.result(each, "an event");
        }
        double batchedRate = batched / ((System.nanoTime() - began) / 1e9);
        began = System.nanoTime();
        for (int i = 0; i < single; i++) {
            Eventually.result(history.write(List.of(new AppendTimeline(key, event(i)))), "an event");
        }
        double singleRate = single / ((System.nanoTime() - began) / 1e9);
        report.append(String.format(Locale.ROOT, "timeline append: %,.0f events/s queued and batched (%,d events)"
                + " | %,.0f events/s one transaction each (%,d events) | %.1fx%n", batchedRate, batched, singleRate,
                single, batchedRate / singleRate));
    }

    private static TimelineEntry event(int i) {
        return new TimelineEntry(START.plusMillis(i), FactSource.SANDBOX, "StateChanged",
                "{\"state\":\"connected\",\"n\":" + i + "}");
    }

    private static HistoryCall call(Random random, int i, Instant at) {
        String number = PREFIXES[random.nextInt(PREFIXES.length)] + String.format("%07d", random.nextInt(10_000_000));
        CallDirection direction = random.nextInt(3) == 0 ? CallDirection.OUTGOING : CallDirection.INCOMING;
        boolean connected = random.nextInt(10) < 6;
        String code = connected ? "200" : new String[] {"304", "486", "603", "603-S", "480", null}[random.nextInt(6)];
        Outcome outcome = Outcomes.of(direction, connected, true, code);
        CrmRef entity = random.nextInt(10) < 7 ? new CrmRef(CrmEntityType.CONTACT, 1 + random.nextInt(50_000)) : null;
        List<HistoryBinding> bindings = entity == null ? List.of() : List.of(new HistoryBinding(entity,
                FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)]));
        Integer talk = connected ? 5 + random.nextInt(900) : null;
        return new HistoryCall("call-" + i, String.valueOf(100_000 + i), direction, number, "reg1", "Main", entity,
                bindings, null, false, at, connected ? at.plusSeconds(8) : null,
                at.plusSeconds(8 + (talk == null ? 0 : talk)), 8, talk, code, "", outcome, null, null, null,
                Map.of("failedCode", FactSource.SEEDED));
    }

    private static int rows(Connection connection, String sql, String parameter) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            int n = 0;
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    n++;
                }
            }
            return n;
        }
    }

    private interface Timed {
        int run() throws Exception;
    }

    private static double p95(Timed timed) throws Exception {
        timed.run(); // warm: statements, pages in the cache
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long began = System.nanoTime();
            timed.run();
            ms.add((System.nanoTime() - began) / 1e6);
        }
        return percentile(ms, 95);
    }
}
