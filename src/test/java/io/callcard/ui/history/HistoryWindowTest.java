package io.callcard.ui.history;

import static io.callcard.ui.history.PaneCalls.NOW;
import static io.callcard.ui.history.PaneCalls.answered;
import static io.callcard.ui.history.PaneCalls.unlinked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallDirection;
import io.callcard.history.HistoryCall;
import io.callcard.history.HistoryQuery.SortColumn;
import io.callcard.history.Outcome;
import io.callcard.history.sqlite.SqliteCallHistory;
import io.callcard.testing.Eventually;
import io.callcard.testing.UiTest;
import io.callcard.threads.BackgroundThreads;
import io.callcard.ui.Messages;
import io.callcard.ui.PngSnapshots;
import io.callcard.ui.UiExecutor;
import io.callcard.ui.callcard.CrmPages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.stage.Stage;
import org.controlsfx.control.MaskerPane;
import org.controlsfx.control.SegmentedButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The full history window on headless Monocle over a real SQLite file, reads on a real background thread: the table
 * filled from the store, search typed in the box, a segmented filter, a column's sort, a row's details with its
 * timeline and buttons, the statistics tab's charts; looked at as PNGs.
 */
@UiTest
class HistoryWindowTest {

    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private final List<String> copied = new ArrayList<>();
    private final List<String> opened = new ArrayList<>();
    private SqliteCallHistory store;
    private ExecutorService reads;
    private HistoryViewModel vm;
    private HistoryWindow window;

    @BeforeEach
    void showWindow() throws Exception {
        List<HistoryCall> calls = new ArrayList<>(List.of(
                answered("w1", NOW.minus(Duration.ofMinutes(30)), "+74951234567", 797, "Иван Петров", 125),
                unlinked("w2", NOW.minus(Duration.ofHours(2)), "+74957654321", CallDirection.OUTGOING,
                        Outcome.BUSY),
                unlinked("w3", NOW.minus(Duration.ofHours(21)), "+79161112233", CallDirection.INCOMING,
                        Outcome.MISSED)));
        calls.addAll(PaneCalls.many(400, NOW.minus(Duration.ofHours(22)), 37));
        store = PaneCalls.store(dir.resolve("history.db"), calls);
        reads = BackgroundThreads.singleThread("history-reads-test");
        Stage owner = FxToolkit.registerPrimaryStage();
        window = WaitForAsyncUtils.asyncFx(() -> {
            HistoryModels models = new HistoryModels(Messages.forLocale(Locale.ENGLISH),
                    Clock.fixed(NOW, ZoneOffset.UTC), reads, reads, new UiExecutor());
            models.use(copied::add, portal());
            models.attach(store);
            vm = models.full();
            HistoryWindow made = new HistoryWindow(owner, vm, Messages.forLocale(Locale.ENGLISH),
                    asked -> Optional.of(dir.resolve("export.csv")));
            made.show();
            return made;
        }).get(10, TimeUnit.SECONDS);
        waitForCount(403);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        WaitForAsyncUtils.asyncFx(() -> window.stage().close()).get(5, TimeUnit.SECONDS);
        BackgroundThreads.stop(reads, Duration.ofSeconds(5));
        store.close();
    }

    private CrmPages portal() {
        return new CrmPages() {
            @Override
            public Optional<String> portalOrigin() {
                return Optional.of("https://acme.bitrix24.ru");
            }

            @Override
            public void open(String url) {
                opened.add(url);
            }
        };
    }

    private Node root() {
        return window.stage().getScene().getRoot();
    }

    private TableView<HistoryCall> table() {
        return HistoryViewsUnderTest.table(root());
    }

    private void waitForCount(long expected) throws InterruptedException {
        HistoryViewsUnderTest.waitForCount(vm, root(), expected);
    }

    @Test
    void theTableSearchFiltersAndSort() throws Exception {
        TableView<HistoryCall> table = table();
        Eventually.waitFor(() -> table.getItems().get(0) != null, "the first page");
        assertEquals("w1", table.getItems().get(0).key());
        assertEquals("403 calls", ((Label) root().lookup("#history-summary")).getText());
        assertTrue(Files.size(PngSnapshots.save(root(), "history-window")) > 0);

        robot.clickOn("#history-search").write("4567");
        waitForCount(1);
        assertEquals("w1", table.getItems().get(0).key());
        PngSnapshots.save(root(), "history-search-number");

        WaitForAsyncUtils.asyncFx(() -> ((TextField) root().lookup("#history-search")).setText("ИВАН"))
                .get(5, TimeUnit.SECONDS);
        Eventually.waitFor(() -> vm.queryProperty().get().text().equals("ИВАН") && !vm.busyProperty().get(),
                "the name searched");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.countProperty().get() > 1, "Иван Петров, Мария Иванова: " + vm.countProperty().get());
        assertTrue(table.getItems().stream().limit(20).allMatch(c -> c.crmName().toLowerCase(Locale.ROOT)
                .contains("иван")), "every call found is linked to a name with «иван» in it");

        WaitForAsyncUtils.asyncFx(() -> ((TextField) root().lookup("#history-search")).clear())
                .get(5, TimeUnit.SECONDS);
        waitForCount(403);
        ToggleButton outgoing = ((SegmentedButton) root().lookup("#history-direction")).getButtons().get(2);
        robot.clickOn(outgoing);
        Eventually.waitFor(() -> vm.queryProperty().get().directions().contains(CallDirection.OUTGOING)
                && !vm.busyProperty().get() && !vm.countingProperty().get(), "outgoing only, counted");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.countProperty().get() < 403);
        Eventually.waitFor(() -> table.getItems().get(0) != null, "the first outgoing page");
        assertEquals(CallDirection.OUTGOING, table.getItems().get(0).direction());
        PngSnapshots.save(root(), "history-filter-outgoing");

        robot.clickOn(robot.lookup(".column-header").match(header -> header instanceof TableColumnHeader h
                && h.getTableColumn() != null && "history-column-number".equals(h.getTableColumn().getId()))
                .queryAs(Node.class));
        Eventually.waitFor(() -> vm.queryProperty().get().sort() == SortColumn.NUMBER && !vm.busyProperty().get(),
                "sorted by number");
        WaitForAsyncUtils.waitForFxEvents();
        Eventually.waitFor(() -> table.getItems().get(0) != null && table.getItems().get(1) != null, "sorted rows");
        assertTrue(table.getItems().get(0).number().compareTo(table.getItems().get(1).number()) <= 0,
                "the store sorted by number, ascending on the first click");
    }

    @Test
    void aSelectedCallsDetailsTimelineAndButtons() throws Exception {
        TableView<HistoryCall> table = table();
        Eventually.waitFor(() -> table.getItems().get(0) != null, "the first page");
        robot.clickOn(robot.lookup(".table-row-cell").nth(0).queryAs(Node.class));
        Eventually.waitFor(() -> vm.details().timeline().size() == 2, "the timeline read");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Иван Петров", vm.details().titleProperty().get());
        @SuppressWarnings("unchecked")
        ListView<CallDetailsModel.TimelineLine> timeline =
                (ListView<CallDetailsModel.TimelineLine>) root().lookup("#history-timeline");
        assertTrue(timeline.isVisible());
        assertEquals(2, timeline.getItems().size());
        PngSnapshots.save(root(), "history-details");
        PngSnapshots.save(root(), "screenshot-history"); // the README's picture (assets/screenshot-history.png)

        robot.clickOn((Button) root().lookup("#history-copy-number"));
        robot.clickOn((Button) root().lookup("#history-open-in-portal"));
        assertEquals(List.of("+74951234567"), copied);
        assertEquals(List.of("https://acme.bitrix24.ru/crm/contact/details/797/"), opened);
    }

    @Test
    void theStatisticsTabDrawsTheFilteredSetsFigures() throws Exception {
        robot.clickOn(robot.lookup(".tab").match(n -> n.getId() != null && n.getId().equals("history-stats-tab"))
                .queryAs(Node.class));
        Eventually.waitFor(() -> vm.stats().statsProperty().get() != null && !vm.stats().busyProperty().get(),
                "the figures counted");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(403, vm.stats().statsProperty().get().total());
        @SuppressWarnings("unchecked")
        StackedBarChart<String, Number> perDay = (StackedBarChart<String, Number>) root().lookup("#history-per-day");
        assertEquals(Outcome.values().length, perDay.getData().size(), "one series per outcome");
        assertEquals(vm.stats().statsProperty().get().perDay().size(), perDay.getData().get(0).getData().size());
        assertTrue(((Label) root().lookup("#history-answered-rate")).getText().startsWith("Answered: "));
        PngSnapshots.save(root(), "history-statistics");

        WaitForAsyncUtils.asyncFx(() -> vm.dateRangeProperty().set(DateRange.TODAY)).get(5, TimeUnit.SECONDS);
        Eventually.waitFor(() -> vm.stats().statsProperty().get().total() == 2, "today's figures");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, perDay.getData().get(0).getData().size(), "one day drawn");
        PngSnapshots.save(root(), "history-statistics-today");
    }

    @Test
    void theExportWritesTheFilteredCallsToTheChosenFile() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.linkedProperty().set(LinkedFilter.UNLINKED)).get(5, TimeUnit.SECONDS);
        Eventually.waitFor(() -> vm.queryProperty().get().linked() == Boolean.FALSE && !vm.busyProperty().get()
                && !vm.countingProperty().get(), "unlinked only, counted");
        WaitForAsyncUtils.waitForFxEvents();
        long unlinked = WaitForAsyncUtils.asyncFx(() -> vm.countProperty().get()).get(5, TimeUnit.SECONDS);
        robot.clickOn("#history-export");
        Label outcome = (Label) root().lookup("#history-export-outcome");
        Eventually.waitFor(() -> outcome.getText().endsWith("written to " + dir.resolve("export.csv")),
                outcome::getText);
        assertEquals(unlinked + 1, Files.readAllLines(dir.resolve("export.csv")).size(), "a header and each call");
        assertFalse(root().lookup("#history-export-progress").isVisible(), "the bar goes with the export");
        PngSnapshots.save(root(), "history-exported");
    }

    @Test
    void theMaskCoversTheViewWhileAQueryRuns() throws Exception {
        Queue<Runnable> held = new ArrayDeque<>();
        HistoryWindow[] second = new HistoryWindow[1];
        HistoryViewModel[] slow = new HistoryViewModel[1];
        WaitForAsyncUtils.asyncFx(() -> {
            HistoryModels models = new HistoryModels(Messages.forLocale(Locale.ENGLISH),
                    Clock.fixed(NOW, ZoneOffset.UTC), held::add, held::add, new UiExecutor());
            models.attach(store);
            slow[0] = models.full();
            second[0] = new HistoryWindow(window.stage(), slow[0], Messages.forLocale(Locale.ENGLISH));
            second[0].show();
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        try {
            MaskerPane mask = (MaskerPane) second[0].stage().getScene().getRoot().lookup(".masker-pane");
            // held past the delay (HistoryView.MASK_DELAY): the mask is up
            Eventually.waitFor(mask::isVisible, () -> "the query is held: the mask goes up");
            WaitForAsyncUtils.asyncFx(() -> {
                while (!held.isEmpty()) {
                    held.poll().run();
                }
            }).get(10, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            assertFalse(mask.isVisible(), "answered: the mask is down");
            assertEquals(403, slow[0].countProperty().get());
        } finally {
            WaitForAsyncUtils.asyncFx(() -> second[0].stage().close()).get(5, TimeUnit.SECONDS);
        }
    }
}
