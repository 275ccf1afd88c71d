package io.callcard.ui.history;

import static io.callcard.ui.history.PaneCalls.NOW;
import static io.callcard.ui.history.PaneCalls.answered;
import static io.callcard.ui.history.PaneCalls.unlinked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallDirection;
import io.callcard.history.Outcome;
import io.callcard.history.sqlite.SqliteCallHistory;
import io.callcard.testing.Eventually;
import io.callcard.testing.UiTest;
import io.callcard.threads.BackgroundThreads;
import io.callcard.ui.Messages;
import io.callcard.ui.PngSnapshots;
import io.callcard.ui.UiExecutor;
import io.callcard.ui.callcard.CallCardViewModel;
import io.callcard.ui.shell.ShellView;
import io.callcard.ui.shell.ShellViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Today's calls in the main window, under the card, headless on Monocle over a real SQLite file: the lines, a line's
 * details when selected, the new call recorded joining the list, and Ctrl+Shift+H and the button opening the full
 * history; looked at as PNGs.
 */
@UiTest
class TodayCallsViewTest {

    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private final AtomicInteger historyOpened = new AtomicInteger();
    private SqliteCallHistory store;
    private ExecutorService reads;
    private HistoryModels models;
    private ShellView shell;

    @BeforeEach
    void showWindow() throws Exception {
        store = PaneCalls.store(dir.resolve("history.db"), List.of(
                answered("t1", NOW.minus(Duration.ofMinutes(20)), "+74951234567", 797, "Иван Петров", 125),
                unlinked("t2", NOW.minus(Duration.ofHours(1)), "+74957654321", CallDirection.INCOMING,
                        Outcome.MISSED),
                unlinked("t3", NOW.minus(Duration.ofHours(2)), "+79161112233", CallDirection.OUTGOING,
                        Outcome.BUSY),
                answered("t4", NOW.minus(Duration.ofHours(3)), "+4930123456", 12, "Anna Schmidt", 3725),
                unlinked("y1", NOW.minus(Duration.ofHours(20)), "+74990000000", CallDirection.INCOMING,
                        Outcome.MISSED)));
        reads = BackgroundThreads.singleThread("history-reads-test");
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Messages messages = Messages.forLocale(Locale.ENGLISH);
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            ShellViewModel vm = new ShellViewModel(messages, new CallCardViewModel(messages, clock, new UiExecutor()));
            shell = new ShellView(vm, messages, () -> { });
            stage.setScene(new Scene(shell, 420, 720));
            stage.show();
            models = new HistoryModels(messages, clock, reads, reads, new UiExecutor());
            shell.addHistory(new TodayCallsView(models.today(), messages, historyOpened::incrementAndGet),
                    HistoryWindow.SHORTCUT, historyOpened::incrementAndGet);
            models.attach(store);
        });
        Eventually.waitFor(() -> models.today().calls().size() == 4, "today's four calls");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        BackgroundThreads.stop(reads, Duration.ofSeconds(5));
        store.close();
    }

    @Test
    void todaysCallsUnderTheCardAndASelectedOnesDetails() throws Exception {
        @SuppressWarnings("unchecked")
        ListView<io.callcard.history.HistoryCall> list =
                (ListView<io.callcard.history.HistoryCall>) shell.lookup("#today-calls");
        Node card = shell.lookup("#call-card");
        assertTrue(list.localToScene(list.getBoundsInLocal()).getMinY()
                >= card.localToScene(card.getBoundsInLocal()).getMaxY(), "the list sits under the card");
        List<String> whos = robot.lookup(".line-who").queryAllAs(Label.class).stream().map(Label::getText)
                .filter(t -> t != null && !t.isEmpty()).toList();
        assertEquals(List.of("Иван Петров", "+7 495 765-43-21", "+7 916 111-22-33", "Anna Schmidt"), whos);
        List<String> talks = robot.lookup(".line-talk").queryAllAs(Label.class).stream().map(Label::getText)
                .filter(t -> t != null && !t.isEmpty()).toList();
        assertEquals(List.of("2:05", "1:02:05"), talks);
        assertFalse(shell.lookup(".today-details").isVisible(), "no details before a line is chosen");
        PngSnapshots.save(shell, "today-calls");

        robot.clickOn(robot.lookup(".today-line").nth(1).queryAs(Node.class));
        Eventually.waitFor(() -> models.today().details().timeline().size() == 2, "the timeline read");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shell.lookup(".today-details").isVisible());
        assertEquals("+7 495 765-43-21", models.today().details().titleProperty().get());
        PngSnapshots.save(shell, "today-calls-details");

        PaneCalls.write(store, List.of(unlinked("t0", NOW.minus(Duration.ofMinutes(1)), "+74991112233",
                CallDirection.INCOMING, Outcome.IN_PROGRESS)));
        WaitForAsyncUtils.asyncFx(models::callsChanged).get(5, TimeUnit.SECONDS);
        Eventually.waitFor(() -> models.today().calls().size() == 5, "the new call listed");
        assertEquals("t0", models.today().calls().get(0).key());
    }

    @Test
    void theButtonAndCtrlShiftHOpenTheFullHistory() throws Exception {
        robot.clickOn("#history-open");
        assertEquals(1, historyOpened.get());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H).release(KeyCode.H, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, historyOpened.get());
    }

    @Test
    void theLinesAlreadyDrawnFollowANewNumberRegion() throws Exception {
        javafx.beans.property.StringProperty region = new javafx.beans.property.SimpleStringProperty("ZZ");
        PaneCalls.write(store, List.of(unlinked("d1", NOW.minus(Duration.ofMinutes(1)), "84957650000",
                CallDirection.INCOMING, Outcome.MISSED)));
        WaitForAsyncUtils.asyncFx(() -> {
            models.readNumbersIn(region::get, region);
            models.callsChanged();
        }).get(5, TimeUnit.SECONDS);
        Eventually.waitFor(() -> whos().contains("84957650000"), () -> "drawn as kept: " + whos());

        WaitForAsyncUtils.asyncFx(() -> region.set("RU")).get(5, TimeUnit.SECONDS); // Settings: Russia
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(whos().contains("+7 495 765-00-00") && !whos().contains("84957650000"),
                "the line drawn before the change, drawn again: " + whos());
        PngSnapshots.save(shell, "today-calls-region");
    }

    private List<String> whos() {
        return robot.lookup(".line-who").queryAllAs(Label.class).stream().map(Label::getText)
                .filter(t -> t != null && !t.isEmpty()).toList();
    }
}
