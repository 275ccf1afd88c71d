package io.callcard.ui.history;

import static io.callcard.ui.history.PaneCalls.NOW;
import static io.callcard.ui.history.PaneCalls.answered;
import static io.callcard.ui.history.PaneCalls.unlinked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callcard.call.CallDirection;
import io.callcard.history.Outcome;
import io.callcard.history.export.ExportFormat;
import io.callcard.history.sqlite.SqliteCallHistory;
import io.callcard.ui.Messages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pane's export: the filtered set, CSV or JSON by the file's name, progress, cancel leaving the old file. */
class HistoryExportModelTest {

    @TempDir
    Path dir;
    private SqliteCallHistory store;
    private final Queue<Runnable> exports = new ArrayDeque<>();
    private HistoryViewModel vm;

    @BeforeEach
    void open() throws Exception {
        store = PaneCalls.store(dir.resolve("history.db"), List.of(
                answered("e1", NOW.minus(Duration.ofMinutes(30)), "+74951234567", 797, "Иван Петров", 125),
                unlinked("e2", NOW.minus(Duration.ofHours(2)), "+74957654321", CallDirection.OUTGOING,
                        Outcome.BUSY),
                unlinked("e3", NOW.minus(Duration.ofHours(3)), "+79161112233", CallDirection.INCOMING,
                        Outcome.MISSED)));
        HistoryModels models = new HistoryModels(Messages.forLocale(Locale.ENGLISH),
                Clock.fixed(NOW, ZoneOffset.UTC), Runnable::run, exports::add, Runnable::run);
        models.attach(store);
        vm = models.full();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void runExports() {
        while (!exports.isEmpty()) {
            exports.poll().run();
        }
    }

    @Test
    void theFilteredCallsAsCsvWithProgress() throws Exception {
        vm.directionProperty().set(DirectionFilter.INCOMING);
        Path file = dir.resolve("incoming.csv");
        vm.export().exportTo(file);
        assertTrue(vm.export().runningProperty().get());
        runExports();

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(3, lines.size(), "a header and the two incoming calls: " + lines);
        assertTrue(lines.get(1).contains("+74951234567") && lines.get(1).contains("Иван Петров"), lines.get(1));
        assertTrue(lines.get(2).contains("+79161112233"), lines.get(2));
        assertFalse(vm.export().runningProperty().get());
        assertEquals(1.0, vm.export().progressProperty().get());
        assertEquals("2 calls written to " + file, vm.export().outcomeProperty().get());
        assertFalse(Files.exists(dir.resolve("incoming.csv.part")));
    }

    @Test
    void aJsonNameWritesJson() throws Exception {
        vm.searchTextProperty().set("+7 495");
        Path file = dir.resolve("calls.JSON");
        assertEquals(ExportFormat.JSON, HistoryExportModel.formatOf(file));
        vm.export().exportTo(file);
        runExports();
        JsonNode calls = new ObjectMapper().readTree(file.toFile());
        assertTrue(calls.isArray());
        assertEquals(2, calls.size());
    }

    @Test
    void cancelledItLeavesTheFileThatWasThere() throws Exception {
        Path file = dir.resolve("kept.csv");
        Files.writeString(file, "yesterday's export");
        vm.export().exportTo(file);
        vm.export().cancel();
        runExports();
        assertEquals("yesterday's export", Files.readString(file));
        assertFalse(Files.exists(dir.resolve("kept.csv.part")));
        assertEquals("Export cancelled: no file written.", vm.export().outcomeProperty().get());
        assertFalse(vm.export().runningProperty().get());
    }

    @Test
    void aFolderThatCannotBeWrittenSaysWhy() {
        Path file = dir.resolve("missing-folder").resolve("calls.csv");
        vm.export().exportTo(file);
        runExports();
        assertTrue(vm.export().outcomeProperty().get().startsWith("Could not export to " + file + ": "),
                vm.export().outcomeProperty().get());
        assertFalse(Files.exists(file));
    }
}
