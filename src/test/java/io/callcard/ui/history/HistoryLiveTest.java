package io.callcard.ui.history;

import static io.callcard.ui.history.PaneCalls.NOW;
import static io.callcard.ui.history.PaneCalls.answered;
import static io.callcard.ui.history.PaneCalls.unlinked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallDirection;
import io.callcard.history.HistoryCall;
import io.callcard.history.Outcome;
import io.callcard.history.sqlite.SqliteCallHistory;
import io.callcard.testing.Eventually;
import io.callcard.testing.UiTest;
import io.callcard.threads.BackgroundThreads;
import io.callcard.ui.Messages;
import io.callcard.ui.PngSnapshots;
import io.callcard.ui.UiExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The open full history follows the history on headless Monocle, over a real SQLite file written while the window is
 * open, paced as the application paces it (a real scheduler's quarter second): new calls appear on top, the selected
 * call stays selected, a scrolled table keeps its rows under the eye, a search being typed is left alone, a changed
 * call's row is redrawn, and a new number region redraws the numbers shown. Looked at as PNGs.
 */
@UiTest
class HistoryLiveTest {

    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private final StringProperty preferences = new SimpleStringProperty("region=ZZ");
    private SqliteCallHistory store;
    private ExecutorService reads;
    private ScheduledExecutorService gaps;
    private HistoryModels models;
    private HistoryViewModel vm;
    private HistoryWindow window;

    @BeforeEach
    void showWindow() throws Exception {
        List<HistoryCall> calls = new ArrayList<>(List.of(
                answered("w1", NOW.minus(Duration.ofMinutes(30)), "+74951234567", 797, "Иван Петров", 125),
                unlinked("w2", NOW.minus(Duration.ofHours(2)), "84957654321", CallDirection.OUTGOING, Outcome.BUSY),
                unlinked("w3", NOW.minus(Duration.ofHours(21)), "+79161112233", CallDirection.INCOMING,
                        Outcome.MISSED)));
        calls.addAll(PaneCalls.many(400, NOW.minus(Duration.ofHours(22)), 37));
        store = PaneCalls.store(dir.resolve("history.db"), calls);
        reads = BackgroundThreads.singleThread("history-reads-test");
        gaps = BackgroundThreads.scheduler("history-follow-test");
        UiExecutor ui = new UiExecutor();
        Stage owner = FxToolkit.registerPrimaryStage();
        window = WaitForAsyncUtils.asyncFx(() -> {
            models = new HistoryModels(Messages.forLocale(Locale.ENGLISH), Clock.fixed(NOW, ZoneOffset.UTC), reads,
                    reads, ui);
            models.paceFollowing(gapEnds -> gaps.schedule(() -> ui.execute(gapEnds), 250, TimeUnit.MILLISECONDS));
            models.readNumbersIn(() -> preferences.get().substring(7, 9), preferences);
            models.attach(store);
            vm = models.full();
            HistoryWindow made = new HistoryWindow(owner, vm, Messages.forLocale(Locale.ENGLISH),
                    asked -> Optional.of(dir.resolve("export.csv")));
            made.show();
            return made;
        }).get(10, TimeUnit.SECONDS);
        waitForCount(403);
        Eventually.waitFor(() -> table().getItems().get(0) != null, "the first page");
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        WaitForAsyncUtils.asyncFx(() -> window.stage().close()).get(5, TimeUnit.SECONDS);
        BackgroundThreads.stop(reads, Duration.ofSeconds(5));
        BackgroundThreads.stop(gaps, Duration.ofSeconds(5));
        store.close();
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

    /** Calls written to the file while the window is open, and the application told (as its recorder tells it). */
    private void written(HistoryCall... calls) throws Exception {
        PaneCalls.write(store, List.of(calls));
        WaitForAsyncUtils.asyncFx(models::callsChanged).get(5, TimeUnit.SECONDS);
    }

    private IndexedCell<?> firstVisibleRow() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> ((VirtualFlow<?>) table().lookup(".virtual-flow"))
                .getFirstVisibleCell()).get(5, TimeUnit.SECONDS);
    }

    /** The text the table draws in {@code column} for the call {@code key}, from its cells on screen (FX thread). */
    private String drawn(String column, String key) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                    .filter(c -> c.getTableColumn() != null && column.equals(c.getTableColumn().getId())
                            && c.getTableRow() != null && c.getTableRow().getItem() != null
                            && key.equals(((HistoryCall) c.getTableRow().getItem()).key()) && c.getText() != null)
                    .map(c -> c.getText()).findFirst().orElse("(not drawn)")).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the table's cells could not be read", e);
        }
    }

    @Test
    void newCallsAppearOnTopAndTheSelectedCallStaysSelected() throws Exception {
        robot.clickOn(robot.lookup(".table-row-cell").nth(1).queryAs(Node.class));
        Eventually.waitFor(() -> vm.details().timeline().size() == 2, "w2's timeline");
        assertEquals("w2", table().getSelectionModel().getSelectedItem().key());

        written(unlinked("n1", NOW.minus(Duration.ofMinutes(3)), "+74950001122", CallDirection.INCOMING,
                        Outcome.MISSED),
                answered("n2", NOW.minus(Duration.ofMinutes(1)), "+74950003344", 801, "Ольга Смирнова", 40));
        waitForCount(405);
        Eventually.waitFor(() -> "Ольга Смирнова".equals(drawn("history-column-crm-name", "n2")), "n2 drawn");

        assertEquals("n2", table().getItems().get(0).key());
        assertEquals("n1", table().getItems().get(1).key());
        assertEquals("w2", table().getSelectionModel().getSelectedItem().key(), "the agent's call is still selected");
        assertEquals(3, table().getSelectionModel().getSelectedIndex());
        assertEquals("w2", vm.details().callProperty().get().key(), "its details still shown");
        assertEquals("405 calls", vm.summaryProperty().get());
        assertEquals(0, firstVisibleRow().getIndex(), "at the top the new calls are in view");
        PngSnapshots.save(root(), "history-live-new-calls");
    }

    @Test
    void aScrolledTableKeepsItsRowsUnderTheEye() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> table().scrollTo(250)).get(5, TimeUnit.SECONDS);
        Eventually.waitFor(() -> table().getItems().get(250) != null, "row 250 read");
        WaitForAsyncUtils.waitForFxEvents();
        IndexedCell<?> before = firstVisibleRow();
        int index = before.getIndex();
        HistoryCall looked = table().getItems().get(index);
        assertTrue(index >= 240, "scrolled away from the top: " + index);

        written(unlinked("n1", NOW.minus(Duration.ofMinutes(3)), "+74950001122", CallDirection.INCOMING,
                        Outcome.MISSED),
                unlinked("n2", NOW.minus(Duration.ofMinutes(2)), "+74950003344", CallDirection.INCOMING,
                        Outcome.MISSED),
                unlinked("n3", NOW.minus(Duration.ofMinutes(1)), "+74950005566", CallDirection.OUTGOING,
                        Outcome.BUSY));
        waitForCount(406);
        WaitForAsyncUtils.waitForFxEvents();

        IndexedCell<?> after = firstVisibleRow();
        assertEquals(index + 3, after.getIndex(), "the viewport moved down with its rows");
        assertEquals(looked.key(), ((HistoryCall) after.getItem()).key(), "the same call at the top of the view");
        PngSnapshots.save(root(), "history-live-scrolled");
    }

    @Test
    void callsLandingBelowTheViewMoveNothingInIt() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> table().scrollTo(120)).get(5, TimeUnit.SECONDS);
        Eventually.waitFor(() -> table().getItems().get(120) != null, "row 120 read");
        WaitForAsyncUtils.waitForFxEvents();
        IndexedCell<?> before = firstVisibleRow();
        HistoryCall looked = table().getItems().get(before.getIndex());

        // older than every call shown: newest first, they land at the end
        written(unlinked("o1", NOW.minus(Duration.ofDays(90)), "+74950001122", CallDirection.INCOMING,
                Outcome.MISSED), unlinked("o2", NOW.minus(Duration.ofDays(91)), "+74950003344",
                CallDirection.INCOMING, Outcome.MISSED));
        waitForCount(405);
        WaitForAsyncUtils.waitForFxEvents();

        IndexedCell<?> after = firstVisibleRow();
        assertEquals(before.getIndex(), after.getIndex(), "nothing landed above: the view stays");
        assertEquals(looked.key(), ((HistoryCall) after.getItem()).key());
        WaitForAsyncUtils.asyncFx(() -> table().scrollTo(404)).get(5, TimeUnit.SECONDS);
        Eventually.waitFor(() -> table().getItems().get(404) != null, "the last row read");
        assertEquals("o2", table().getItems().get(404).key(), "the oldest at the end");
    }

    @Test
    void aSearchBeingTypedIsLeftAlone() throws Exception {
        robot.clickOn("#history-search").write("+7 49");
        Eventually.waitFor(() -> vm.queryProperty().get().text().equals("+7 49") && !vm.busyProperty().get()
                && !vm.countingProperty().get(), "the search asked");
        WaitForAsyncUtils.waitForFxEvents();
        long matched = vm.countProperty().get();
        TextField search = (TextField) root().lookup("#history-search");

        written(unlinked("n1", NOW.minus(Duration.ofMinutes(3)), "+74950001122", CallDirection.INCOMING,
                Outcome.MISSED), unlinked("n2", NOW.minus(Duration.ofMinutes(2)), "+4930555000",
                CallDirection.INCOMING, Outcome.MISSED));
        waitForCount(matched + 1);
        robot.write("5");

        Eventually.waitFor(() -> vm.queryProperty().get().text().equals("+7 495") && !vm.busyProperty().get(),
                "the rest typed");
        assertEquals("+7 495", search.getText(), "nothing typed was lost or moved");
        assertTrue(search.isFocused(), "the box kept the focus");
        assertEquals("n1", table().getItems().get(0).key(), "the new matching call on top, the other not shown");
    }

    @Test
    void aChangedCallIsRedrawnAndANewRegionRedrawsTheNumbersShown() throws Exception {
        written(unlinked("r1", NOW.minus(Duration.ofMinutes(1)), "+74950005566", CallDirection.INCOMING,
                Outcome.IN_PROGRESS));
        waitForCount(404);
        Eventually.waitFor(() -> "In progress".equals(drawn("history-column-outcome", "r1")),
                () -> "r1 in progress: " + drawn("history-column-outcome", "r1"));
        assertEquals("84957654321", drawn("history-column-number", "w2"), "no region yet: as kept");
        WaitForAsyncUtils.asyncFx(() -> table().getSelectionModel().select(2)).get(5, TimeUnit.SECONDS);
        assertEquals("w2", vm.details().callProperty().get().key());

        written(answered("r1", NOW.minus(Duration.ofMinutes(1)), "+74950005566", 802, "Пётр Сидоров", 33));
        Eventually.waitFor(() -> "Answered".equals(drawn("history-column-outcome", "r1")),
                () -> "r1 answered: " + drawn("history-column-outcome", "r1"));
        assertEquals("Пётр Сидоров", drawn("history-column-crm-name", "r1"));
        assertEquals(404, vm.countProperty().get(), "the same call, not a new one");
        assertEquals("w2", table().getSelectionModel().getSelectedItem().key(), "a row redrawn above: still selected");
        assertEquals("w2", vm.details().callProperty().get().key());

        WaitForAsyncUtils.asyncFx(() -> preferences.set("region=RU")).get(5, TimeUnit.SECONDS);
        Eventually.waitFor(() -> "+7 495 765-43-21".equals(drawn("history-column-number", "w2")),
                () -> "w2 read in Russia: " + drawn("history-column-number", "w2"));
        assertEquals("+7 495 765-43-21", vm.details().titleProperty().get(), "the open details read it anew too");
        PngSnapshots.save(root(), "history-live-changed-and-region");
    }
}
