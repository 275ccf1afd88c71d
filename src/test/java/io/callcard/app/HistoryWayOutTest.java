package io.callcard.app;

import static io.callcard.testing.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallDirection;
import io.callcard.history.HistoryCall;
import io.callcard.history.HistoryQuery;
import io.callcard.history.HistoryWrite;
import io.callcard.history.Outcome;
import io.callcard.history.sqlite.SqliteCallHistory;
import io.callcard.testing.UiTest;
import io.callcard.ui.Messages;
import io.callcard.ui.PngSnapshots;
import io.callcard.ui.UiExecutor;
import io.callcard.ui.history.HistoryWindow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The ways out of a history file that could not be opened, pressed in the history window of the application as it
 * starts (the sandbox plays) over real broken files: a damaged file is moved aside and a new history records; a newer
 * companion's file is opened read-only and shown, never written. Looked at as PNGs.
 */
@UiTest
class HistoryWayOutTest {

    @TempDir
    Path home;
    private final FxRobot robot = new FxRobot();
    private final Messages messages = Messages.forLocale(Locale.ENGLISH);
    private AppContext context;
    private HistoryWindow window;
    private Path file;

    @BeforeEach
    void paths() throws Exception {
        file = AppPaths.underHome(home).dataDir().resolve(SqliteCallHistory.FILE_NAME);
        Files.createDirectories(file.getParent());
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        if (context != null) {
            context.close();
        }
    }

    /** The application with its history window open, as the agent opens it when the status line says why. */
    private void start() throws Exception {
        StartupOptions options = new StartupOptions(AppPaths.underHome(home), 0, true, Locale.ENGLISH, 50, false,
                null);
        context = new AppContext(options, messages, new UiExecutor());
        Stage owner = FxToolkit.registerPrimaryStage();
        window = WaitForAsyncUtils.asyncFx(() -> {
            HistoryWindow made = new HistoryWindow(owner, context.historyPanes().full(), messages,
                    asked -> Optional.empty());
            made.show();
            return made;
        }).get(10, TimeUnit.SECONDS);
        context.startServices();
        context.servicesReady().get(20, TimeUnit.SECONDS);
    }

    private Node root() {
        return window.stage().getScene().getRoot();
    }

    private boolean shown(String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Node node = root().lookup(id);
            return node != null && node.isVisible() && node.getScene() != null;
        }).get(5, TimeUnit.SECONDS);
    }

    private String text(String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> ((Label) root().lookup(id)).getText()).get(5, TimeUnit.SECONDS);
    }

    @Test
    void aDamagedFileIsMovedAsideAndANewHistoryRecords() throws Exception {
        byte[] junk = "these are my notes, not a call history\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        Files.write(file, junk);
        start();
        waitFor(() -> shown("#history-move-aside"), "the way out offered");
        assertFalse(shown("#history-read-only"), "a damaged file is not offered read-only");
        assertTrue(text("#history-summary").startsWith("No history: "), () -> "summary");
        WaitForAsyncUtils.waitForFxEvents();
        PngSnapshots.save(root(), "history-way-out-damaged");

        robot.clickOn("#history-move-aside");

        waitFor(() -> context.history().isPresent(), "a new history opened");
        waitFor(() -> text("#history-way-out-outcome").startsWith("The damaged file was moved aside as "
                + SqliteCallHistory.FILE_NAME + ".damaged-"), () -> "the outcome said");
        List<Path> aside;
        try (Stream<Path> listed = Files.list(file.getParent())) {
            aside = listed.filter(p -> p.getFileName().toString().startsWith(SqliteCallHistory.FILE_NAME
                    + ".damaged-") && !p.getFileName().toString().endsWith("-wal")).toList();
        }
        assertEquals(1, aside.size(), aside::toString);
        assertTrue(text("#history-way-out-outcome").contains(aside.get(0).getFileName().toString()),
                "the moved file's name is shown");
        assertArrayEquals(junk, Files.readAllBytes(aside.get(0)), "the damaged file is kept as it was");
        waitFor(() -> !shown("#history-move-aside"), "nothing left to get out of");
        // the new history records: the sandbox's calls land in it and the window reads them
        waitFor(() -> context.history().orElseThrow().count(HistoryQuery.ALL) > 0, "a call recorded anew");
        WaitForAsyncUtils.waitForFxEvents();
        PngSnapshots.save(root(), "history-way-out-moved");
    }

    @Test
    void aNewerCompanionsFileIsOpenedReadOnlyShownAndNeverWritten() throws Exception {
        try (SqliteCallHistory written = SqliteCallHistory.open(file)) {
            Instant at = Instant.parse("2026-12-03T10:00:00Z");
            written.write(List.of(new HistoryWrite.SaveCall(new HistoryCall("old1", "call-old1",
                    CallDirection.INCOMING, "+74951234567", "reg1", "Main line", null, List.of(), null, false, at,
                    at.plusSeconds(5), at.plusSeconds(65), 5, 60, "200", "", Outcome.ANSWERED, null, null, null,
                    Map.of())))).get(10, TimeUnit.SECONDS);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = 1000"); // as a companion from far in the future would leave it
        }
        byte[] before = Files.readAllBytes(file);
        start();
        waitFor(() -> shown("#history-read-only"), "the way out offered");
        assertFalse(shown("#history-move-aside"), "a newer file is not damaged: not offered to move aside");
        WaitForAsyncUtils.waitForFxEvents();
        PngSnapshots.save(root(), "history-way-out-newer");

        robot.clickOn("#history-read-only");

        @SuppressWarnings("unchecked")
        TableView<HistoryCall> table = (TableView<HistoryCall>) root().lookup("#history-table");
        waitFor(() -> WaitForAsyncUtils.asyncFx(() -> table.getItems().size() == 1 && table.getItems().get(0) != null
                && table.getItems().get(0).key().equals("old1")).get(5, TimeUnit.SECONDS), "the file's calls shown");
        waitFor(() -> text("#history-way-out-outcome").startsWith("The history is open read-only"),
                () -> "the outcome said");
        assertTrue(context.history().isEmpty(), "nothing records into a file opened read-only");
        WaitForAsyncUtils.waitForFxEvents();
        PngSnapshots.save(root(), "history-way-out-read-only");
        context.close();
        context = null;
        assertArrayEquals(before, Files.readAllBytes(file), "the newer file is never written");
    }
}
