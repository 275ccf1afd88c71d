package io.callcard.history.sqlite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallDirection;
import io.callcard.history.HistoryCall;
import io.callcard.history.HistoryFiles;
import io.callcard.history.HistoryProblem;
import io.callcard.history.HistoryProblem.Kind;
import io.callcard.history.HistoryQuery;
import io.callcard.history.HistoryWrite;
import io.callcard.history.HistoryWrite.SaveCall;
import io.callcard.history.Outcome;
import io.callcard.testing.Eventually;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way opening or writing the file can fail, each with its way out, on real files. */
class HistoryProblemsTest {

    @TempDir
    Path folder;

    private Path file() {
        return folder.resolve(SqliteCallHistory.FILE_NAME);
    }

    @Test
    void a_new_file_is_created_in_wal_at_the_latest_version() throws Exception {
        SqliteCallHistory.open(file()).close();
        assertEquals(String.valueOf(Schema.LATEST), pragma("user_version"));
        assertEquals("wal", pragma("journal_mode"));
    }

    @Test
    void an_older_file_is_migrated_and_a_current_one_keeps_its_calls() throws Exception {
        execute("CREATE TABLE unrelated_notes (text TEXT)"); // a database at version 0: nothing of ours yet
        try (SqliteCallHistory history = SqliteCallHistory.open(file())) {
            save(history, call("k1"));
        }
        assertEquals(String.valueOf(Schema.LATEST), pragma("user_version"));
        try (SqliteCallHistory again = SqliteCallHistory.open(file())) {
            assertEquals(1, again.count(HistoryQuery.ALL));
        }
        assertEquals("0", query("SELECT count(*) FROM unrelated_notes"), "what was there stays");
    }

    @Test
    void a_newer_companions_file_is_refused_untouched_and_can_be_read_read_only() throws Exception {
        try (SqliteCallHistory history = SqliteCallHistory.open(file())) {
            save(history, call("k1"));
        }
        execute("PRAGMA user_version = " + (Schema.LATEST + 1));
        byte[] before = Files.readAllBytes(file());
        List<Path> filesBefore = files();

        HistoryProblem refused = assertThrows(HistoryProblem.class, () -> SqliteCallHistory.open(file()));

        assertEquals(Kind.NEWER_VERSION, refused.kind());
        assertArrayEquals(before, Files.readAllBytes(file()), "the file is not written");
        assertEquals(filesBefore, files(), "no WAL or journal is left beside it");
        try (SqliteCallHistory readOnly = SqliteCallHistory.openReadOnly(file(), StoreOptions.DEFAULT)) {
            assertTrue(readOnly.readOnly());
            assertEquals("k1", readOnly.find("k1").orElseThrow().key());
            ExecutionException write = assertThrows(ExecutionException.class, () ->
                    Eventually.result(readOnly.write(List.of(new SaveCall(call("k2")))), "a read-only write"));
            assertInstanceOf(HistoryProblem.class, write.getCause());
        }
        assertArrayEquals(before, Files.readAllBytes(file()), "reading it read-only writes nothing either");
    }

    @Test
    void a_file_that_is_not_a_database_is_corrupt_and_moved_aside_for_a_new_one() throws Exception {
        byte[] text = "these are my notes, not a call history\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        Files.write(file(), text);

        HistoryProblem refused = assertThrows(HistoryProblem.class, () -> SqliteCallHistory.open(file()));
        assertEquals(Kind.CORRUPT, refused.kind());
        assertArrayEquals(text, Files.readAllBytes(file()), "the damaged file is left as it was");

        Path aside = HistoryFiles.moveAside(file());
        assertFalse(Files.exists(file()));
        assertTrue(aside.getFileName().toString().startsWith(SqliteCallHistory.FILE_NAME + ".damaged-"), aside::toString);
        assertArrayEquals(text, Files.readAllBytes(aside));
        try (SqliteCallHistory fresh = SqliteCallHistory.open(file())) {
            assertEquals(0, fresh.count(HistoryQuery.ALL));
            save(fresh, call("k1"));
            assertEquals(1, fresh.count(HistoryQuery.ALL));
        }
    }

    @Test
    void a_file_failing_its_integrity_check_is_corrupt() throws Exception {
        try (SqliteCallHistory history = SqliteCallHistory.open(file())) {
            List<HistoryWrite> calls = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                calls.add(new SaveCall(TestCalls.answered("k" + i, TestCalls.NOON.plusSeconds(i), "+7495123" + i, i + 1,
                        "Name number " + i, i)));
            }
            Eventually.result(history.write(calls), "the calls");
        }
        long pages = Files.size(file()) / 4096;
        assertTrue(pages > 6, "a file of several pages: " + pages);
        try (RandomAccessFile raw = new RandomAccessFile(file().toFile(), "rw")) {
            byte[] garbage = new byte[4096];
            Arrays.fill(garbage, (byte) 0x5A);
            for (long page = 2; page < pages - 1; page += 2) {
                raw.seek(page * 4096);
                raw.write(garbage);
            }
        }

        HistoryProblem refused = assertThrows(HistoryProblem.class, () -> SqliteCallHistory.open(file()));
        assertEquals(Kind.CORRUPT, refused.kind());
    }

    @Test
    void a_large_file_is_checked_at_open_only_when_it_was_not_closed_cleanly() throws Exception {
        StoreOptions large = StoreOptions.DEFAULT.withAlwaysCheckUpTo(0); // every file counts as large
        Path crashed = folder.resolve("crashed.db");
        try (SqliteCallHistory history = SqliteCallHistory.open(file(), large)) {
            List<HistoryWrite> calls = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                calls.add(new SaveCall(TestCalls.answered("k" + i, TestCalls.NOON.plusSeconds(i), "+7495123" + i, i + 1,
                        "Name number " + i, i)));
            }
            Eventually.result(history.write(calls), "the calls");
            assertEquals(Upkeep.CHECK, query("SELECT task FROM upkeep"), "open: a crash now owes a check");
            // the file as a crash would leave it: every commit in it, the companion gone without closing
            execute("PRAGMA wal_checkpoint(TRUNCATE)");
            Files.copy(file(), crashed);
        }
        assertEquals(null, query("SELECT task FROM upkeep"), "closed cleanly: no check owed");

        // one page in the middle: nothing but a check of the whole file reads it at open
        long pages = Files.size(crashed) / 4096;
        try (RandomAccessFile raw = new RandomAccessFile(crashed.toFile(), "rw")) {
            byte[] garbage = new byte[4096];
            Arrays.fill(garbage, (byte) 0x5A);
            raw.seek(pages / 2 * 4096);
            raw.write(garbage);
        }
        HistoryProblem refused = assertThrows(HistoryProblem.class, () -> SqliteCallHistory.open(crashed, large));
        assertEquals(Kind.CORRUPT, refused.kind());
    }

    @Test
    void a_file_of_the_first_schema_is_checked_and_brought_up_to_date() throws Exception {
        try (SqliteCallHistory history = SqliteCallHistory.open(file())) {
            save(history, call("k1"));
        }
        execute("DROP TABLE upkeep");
        execute("PRAGMA user_version = 1");
        try (SqliteCallHistory history = SqliteCallHistory.open(file(), StoreOptions.DEFAULT.withAlwaysCheckUpTo(0))) {
            assertEquals("k1", history.find("k1").orElseThrow().key());
            assertEquals(String.valueOf(Schema.LATEST), pragma("user_version"));
        }
        assertEquals(null, query("SELECT task FROM upkeep"));
    }

    @Test
    void a_file_another_program_holds_is_locked_and_still_readable() throws Exception {
        try (SqliteCallHistory history = SqliteCallHistory.open(file())) {
            save(history, call("k1"));
        }
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file());
             Statement statement = other.createStatement()) {
            statement.execute("BEGIN EXCLUSIVE");
            StoreOptions impatient = StoreOptions.DEFAULT.withBusyTimeout(Duration.ofMillis(50));

            HistoryProblem refused = assertThrows(HistoryProblem.class,
                    () -> SqliteCallHistory.open(file(), impatient));
            assertEquals(Kind.LOCKED, refused.kind());
            try (SqliteCallHistory readOnly = SqliteCallHistory.openReadOnly(file(), impatient)) {
                assertEquals(1, readOnly.count(HistoryQuery.ALL));
            }
            statement.execute("ROLLBACK");
        }
        try (SqliteCallHistory again = SqliteCallHistory.open(file())) {
            assertEquals(1, again.count(HistoryQuery.ALL));
        }
    }

    @Test
    void a_full_disk_fails_the_write_and_loses_nothing_stored_before() throws Exception {
        StoreOptions small = StoreOptions.DEFAULT.withMaxPageCount(60);
        try (SqliteCallHistory history = SqliteCallHistory.open(file(), small)) {
            save(history, call("before"));
            List<HistoryWrite> tooMany = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                tooMany.add(new SaveCall(TestCalls.answered("big" + i, TestCalls.NOON.plusSeconds(i), "+7495" + i,
                        i + 1, "A long name to fill the pages ".repeat(10) + i, i)));
            }

            ExecutionException failure = assertThrows(ExecutionException.class,
                    () -> Eventually.result(history.write(tooMany), "the write that does not fit"));

            HistoryProblem problem = assertInstanceOf(HistoryProblem.class, failure.getCause());
            assertEquals(Kind.DISK_FULL, problem.kind());
            assertEquals(1, history.count(HistoryQuery.ALL), "nothing of the failed write is stored");
            assertTrue(history.find("before").isPresent(), "what was stored before stays");
            save(history, call("after"));
            assertEquals(2, history.count(HistoryQuery.ALL), "a write that fits is stored again");
        }
        assertEquals("ok", pragma("integrity_check"));
    }

    private static HistoryCall call(String key) {
        return TestCalls.unlinked(key, TestCalls.NOON, "+74951234567", CallDirection.INCOMING, Outcome.MISSED);
    }

    private static void save(SqliteCallHistory history, HistoryCall call) throws Exception {
        Eventually.result(history.write(List.of(new SaveCall(call))), "saving " + call.key());
    }

    private String pragma(String name) throws Exception {
        return query("PRAGMA " + name);
    }

    private String query(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> listed = Files.list(folder)) {
            return listed.sorted().toList();
        }
    }
}
