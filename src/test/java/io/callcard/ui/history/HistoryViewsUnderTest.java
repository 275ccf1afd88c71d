package io.callcard.ui.history;

import io.callcard.history.HistoryCall;
import io.callcard.testing.Eventually;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import org.testfx.util.WaitForAsyncUtils;

/** What the history's tests read of a view model's rows and of an open full view. */
final class HistoryViewsUnderTest {

    private HistoryViewsUnderTest() {
    }

    /** The keys of the rows the view model holds, in order. */
    static List<String> keys(HistoryViewModel vm) {
        List<String> keys = new ArrayList<>();
        for (HistoryCall call : vm.rows()) {
            keys.add(call.key());
        }
        return keys;
    }

    /**
     * What {@code rows} announce from now on, one line per change: "added 0 to 2" (from, to), "replaced ...",
     * "removed ...": how a table redraws what moved and nothing else.
     */
    static List<String> changesTold(ObservableList<HistoryCall> rows) {
        List<String> told = new ArrayList<>();
        rows.addListener((ListChangeListener<HistoryCall>) c -> {
            while (c.next()) {
                told.add((c.wasReplaced() ? "replaced " : c.wasAdded() ? "added " : "removed ") + c.getFrom()
                        + " to " + c.getTo());
            }
        });
        return told;
    }

    /** The full view's table. */
    @SuppressWarnings("unchecked")
    static TableView<HistoryCall> table(Node root) {
        return (TableView<HistoryCall>) root.lookup("#history-table");
    }

    /** Until the query is answered and counted, and the table is as long as the count. */
    static void waitForCount(HistoryViewModel vm, Node root, long expected) throws InterruptedException {
        Eventually.waitFor(() -> vm.countProperty().get() == expected && !vm.busyProperty().get()
                && !vm.countingProperty().get() && table(root).getItems().size() == expected,
                () -> "count " + vm.countProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
