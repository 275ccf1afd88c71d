package io.callcard.history.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.history.CallHistory;
import io.callcard.history.HistoryQuery;
import io.callcard.history.HistoryWrite;
import io.callcard.history.HistoryWrite.SaveCall;
import io.callcard.history.Outcome;
import io.callcard.testing.Eventually;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bulk load (seeding) puts the search index off and rebuilds it once at its end; cut short, it leaves a sound file
 * whose index is rebuilt when the file is next opened (the promises of history.md, "Seeding and bulk loads").
 */
class BulkLoadTest {

    private static final int CALLS = (int) HistoryWriter.BULK_MIN_CALLS;
    /** The calls the killed child's load announces: many more than it writes before it is killed. */
    static final int LOAD = 1_000_000;
    /** Every tenth call is Olga's: 2,000 to find. */
    private static final int OLGAS = CALLS / 10;

    @TempDir
    Path folder;

    @Test
    void a_large_load_builds_the_search_index_once_at_its_end() throws Exception {
        Path file = folder.resolve("history.db");
        try (SqliteCallHistory history = SqliteCallHistory.open(file)) {
            CallHistory.BulkLoad load = history.bulkLoad(CALLS);
            writeCalls(history, 0, CALLS);
            assertEquals(List.of(Upkeep.CALLS_INDEXES, Upkeep.SEARCH_INDEX), owed(file), "owed, in the file");
            assertEquals(0, history.count(HistoryQuery.ALL.withText("olga")), "put off until the load ends");

            load.close();

            assertEquals(List.of(), owed(file));
            assertEquals(OLGAS, history.count(HistoryQuery.ALL.withText("olga")));
            assertEquals(OLGAS, history.count(HistoryQuery.ALL.withText("4955")));
            assertSearchIndexAgrees(file);
        }
    }

    @Test
    void a_load_cut_short_leaves_a_sound_file_whose_index_is_rebuilt_when_next_opened() throws Exception {
        Path file = folder.resolve("history.db");
        SqliteCallHistory history = SqliteCallHistory.open(file);
        history.bulkLoad(CALLS); // never closed: the process "dies" with the load under way
        writeCalls(history, 0, CALLS / 2);
        history.close();

        assertEquals(List.of("ok"), rows(file, "PRAGMA integrity_check"));
        assertEquals(List.of(Upkeep.CALLS_INDEXES, Upkeep.SEARCH_INDEX), owed(file));

        try (SqliteCallHistory reopened = SqliteCallHistory.open(file)) {
            assertEquals(List.of(), owed(file));
            assertEquals(OLGAS / 2, reopened.count(HistoryQuery.ALL.withText("olga")));
            assertSearchIndexAgrees(file);
        }
    }

    @Test
    void a_load_keeps_the_key_and_timeline_indexes_and_drops_the_calls_sort_indexes_until_it_ends() throws Exception {
        Path file = folder.resolve("history.db");
        try (SqliteCallHistory history = SqliteCallHistory.open(file)) {
            List<String> before = indexes(file);
            assertTrue(before.containsAll(callsIndexes()), "a new file has them: " + before);
            CallHistory.BulkLoad load = history.bulkLoad(CALLS);
            writeCalls(history, 0, CALLS);
            List<String> during = indexes(file);
            assertEquals(List.of(Upkeep.CALLS_INDEXES, Upkeep.SEARCH_INDEX), owed(file));
            assertTrue(during.contains("timeline_by_call"), "the writer's timeline look-ups keep theirs: " + during);
            assertTrue(during.contains("sqlite_autoindex_calls_1"), "the key keeps its index: " + during);
            assertTrue(during.stream().noneMatch(callsIndexes()::contains), "dropped for the load: " + during);
            // a second batch of the same calls (seeding again) still finds them by key: replaced, not added
            writeCalls(history, 0, CALLS);
            assertEquals(CALLS, history.count(HistoryQuery.ALL));

            load.close();

            assertEquals(before, indexes(file));
            assertEquals(List.of(), owed(file));
            assertEquals(CALLS, history.count(HistoryQuery.ALL.withOutcomes(Set.of(Outcome.ANSWERED))),
                    "the outcome filter, over its index again");
            assertEquals(List.of("ok"), rows(file, "PRAGMA integrity_check"));
        }
    }

    /**
     * A real crash: a child JVM bulk-loading the file is killed (SIGKILL) between or inside its commits. The file is
     * sound and owes the calls' sort indexes and the search index; the next open makes them, and search and filters
     * find what the child committed.
     */
    @Test
    void a_load_killed_mid_way_leaves_a_sound_file_whose_indexes_are_made_when_next_opened() throws Exception {
        Path file = folder.resolve("history.db");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BulkLoadProcess.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            int committed = 0;
            for (String line = out.readLine(); line != null && committed < CALLS; line = out.readLine()) {
                if (line.startsWith(BulkLoadProcess.COMMITTED)) {
                    committed = Integer.parseInt(line.substring(BulkLoadProcess.COMMITTED.length()).trim());
                }
            }
            assertTrue(committed >= CALLS, "the child committed batches before it was killed");
        } finally {
            child.destroyForcibly(); // SIGKILL, most likely inside the next batch's transaction
            assertTrue(child.waitFor(20, TimeUnit.SECONDS), "the child ended");
        }

        assertEquals(List.of("ok"), rows(file, "PRAGMA integrity_check"));
        assertEquals(List.of(Upkeep.CALLS_INDEXES, Upkeep.SEARCH_INDEX), owed(file));
        assertTrue(indexes(file).stream().noneMatch(callsIndexes()::contains));
        int stored = Integer.parseInt(rows(file, "SELECT count(*) FROM calls").get(0));
        int olgas = Integer.parseInt(rows(file, "SELECT count(*) FROM calls WHERE crm_name = 'Olga Ivanova'").get(0));
        assertTrue(stored >= CALLS && stored % BulkLoadProcess.BATCH == 0, "whole batches only: " + stored);

        try (SqliteCallHistory reopened = SqliteCallHistory.open(file)) {
            assertEquals(List.of(), owed(file));
            assertTrue(indexes(file).containsAll(callsIndexes()), "made again at open: " + indexes(file));
            assertEquals(olgas, reopened.count(HistoryQuery.ALL.withText("olga")));
            assertEquals(stored, reopened.count(HistoryQuery.ALL.withOutcomes(Set.of(Outcome.ANSWERED))));
            assertSearchIndexAgrees(file);
        }
        assertEquals(List.of("ok"), rows(file, "PRAGMA integrity_check"));
    }

    @Test
    void a_small_load_or_one_into_a_larger_file_keeps_the_index_as_it_goes() throws Exception {
        Path file = folder.resolve("history.db");
        try (SqliteCallHistory history = SqliteCallHistory.open(file)) {
            try (CallHistory.BulkLoad small = history.bulkLoad(100)) {
                writeCalls(history, 0, 100);
                assertEquals(List.of(), owed(file));
                assertEquals(10, history.count(HistoryQuery.ALL.withText("olga")), "found at once");
            }
            writeCalls(history, 100, 100 + CALLS);
            // a load as large as the threshold, into a file holding more: rebuilding it all would cost more
            try (CallHistory.BulkLoad intoLarger = history.bulkLoad(CALLS)) {
                writeCalls(history, 100 + CALLS, 200 + CALLS);
                assertEquals(List.of(), owed(file));
                assertEquals(OLGAS + 20, history.count(HistoryQuery.ALL.withText("olga")), "found at once");
            }
        }
    }

    /** Calls {@code from} to {@code to} (exclusive), a second apart, in batches as the seeder sends them. */
    static void writeCalls(SqliteCallHistory history, int from, int to) throws Exception {
        List<HistoryWrite> batch = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String name = i % 10 == 0 ? "Olga Ivanova" : "Pavel Orlov";
            String number = i % 10 == 0 ? "+7495500" + String.format("%04d", i % 10_000) : "+781200000" + i % 10;
            batch.add(new SaveCall(TestCalls.answered("bulk-" + i, TestCalls.NOON.plusSeconds(i), number, i + 1L, name,
                    30)));
            if (batch.size() == 5_000 || i == to - 1) {
                Eventually.result(history.write(batch), "a batch of calls");
                batch = new ArrayList<>();
            }
        }
    }

    /** The work owed but the check every open store owes until it closes. */
    private static List<String> owed(Path file) throws Exception {
        return rows(file, "SELECT task FROM upkeep WHERE task <> '" + Upkeep.CHECK + "' ORDER BY task");
    }

    /** The indexes the file holds, by name, sorted. */
    private static List<String> indexes(Path file) throws Exception {
        return rows(file, "SELECT name FROM sqlite_schema WHERE type = 'index' ORDER BY name");
    }

    private static List<String> callsIndexes() {
        return Schema.CALLS_INDEXES.stream().map(Schema.Index::name).toList();
    }

    private static List<String> rows(Path file, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    /** FTS5's own check fails (SQLITE_CORRUPT_VTAB) when the index and the calls disagree. */
    private static void assertSearchIndexAgrees(Path file) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO calls_search (calls_search, rank) VALUES ('integrity-check', 1)");
        }
    }
}
