package io.callcard.ui.history;

import io.callcard.history.HistoryCall;
import io.callcard.history.HistoryQuery.SortColumn;
import io.callcard.ui.Messages;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;

/**
 * The history's calls as a virtualised table over {@link PagedCalls}: only the visible rows are drawn and only a few
 * pages held. Clicking a column's header sorts the query, not the rows in memory: the store answers in that order.
 */
final class HistoryTable extends TableView<HistoryCall> {

    private final PagedCalls rows;
    /** The row to show at the top after the next layout (calls landed above it), or -1; and how far it was scrolled. */
    private int keepAtTop = -1;
    private double keepBelowTop;

    HistoryTable(HistoryViewModel vm, Messages messages) {
        super(vm.rows());
        rows = vm.rows();
        setId("history-table");
        getStyleClass().add("history-table");
        HistoryWords words = vm.words();
        TableColumn<HistoryCall, String> time = column(messages.get("history.column.time"), SortColumn.TIME,
                c -> words.dateTime(c.firstHeard()));
        time.setPrefWidth(150);
        TableColumn<HistoryCall, String> direction = column(messages.get("history.column.direction"),
                SortColumn.DIRECTION, c -> words.direction(c.direction()));
        direction.setPrefWidth(105);
        TableColumn<HistoryCall, String> number = column(messages.get("history.column.number"), SortColumn.NUMBER,
                words::number);
        number.setPrefWidth(130);
        TableColumn<HistoryCall, String> name = column(messages.get("history.column.crmName"), SortColumn.CRM_NAME,
                c -> c.crmName() == null ? "" : c.crmName());
        name.setPrefWidth(170);
        TableColumn<HistoryCall, String> outcome = column(messages.get("history.column.outcome"), SortColumn.OUTCOME,
                c -> words.outcome(c.outcome()));
        outcome.setCellFactory(col -> new OutcomeCell());
        outcome.setPrefWidth(105);
        TableColumn<HistoryCall, String> talk = column(messages.get("history.column.talk"), SortColumn.TALK_TIME,
                c -> words.talk(c.talkSeconds()));
        talk.getStyleClass().add("talk-column");
        talk.setPrefWidth(64);
        getColumns().setAll(java.util.List.of(time, direction, number, name, outcome, talk));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(new Label(messages.get("history.none")));

        // the table sorts by asking the store: the rows it holds are only a few pages of the whole
        setSortPolicy(table -> {
            if (!getSortOrder().isEmpty()) {
                TableColumn<HistoryCall, ?> first = getSortOrder().get(0);
                vm.sortBy((SortColumn) first.getUserData(), first.getSortType() == TableColumn.SortType.DESCENDING);
            } else {
                vm.sortBy(SortColumn.TIME, true);
            }
            return true;
        });
        time.setSortType(TableColumn.SortType.DESCENDING);
        getSortOrder().add(time); // the query's own order, shown on its column (after the policy: never sorted here)
        // a selection moved by the history being followed is still the agent's call: the model keeps its details
        getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!rows.isFollowing()) {
                vm.select(now);
            }
        });
        NumbersRedrawn.follow(this, words, this::refresh);
        vm.rows().addListener(this::keepRowsInView);
        rows.shownBy(this::rowsInView);
    }

    /** The first and last rows in view and the selected one, for the rows read again as calls land; null if none. */
    private int[] rowsInView() {
        VirtualFlow<?> flow = lookup(".virtual-flow") instanceof VirtualFlow<?> found ? found : null;
        IndexedCell<?> first = flow == null ? null : flow.getFirstVisibleCell();
        IndexedCell<?> last = flow == null ? null : flow.getLastVisibleCell();
        if (first == null || last == null || first.getIndex() < 0) {
            return null;
        }
        return new int[] {first.getIndex(), Math.max(first.getIndex(), last.getIndex()),
                getSelectionModel().getSelectedIndex()};
    }

    /**
     * Calls landed above the rows the agent looks at ({@link PagedCalls#follow} announces them as added at the top):
     * the viewport moves down with its rows, so they stay under the eye. At the very top it stays at the top: the new
     * calls are what the agent is waiting to see there.
     */
    private void keepRowsInView(ListChangeListener.Change<? extends HistoryCall> change) {
        if (!rows.isFollowing()) {
            return;
        }
        int shift = 0;
        while (change.next()) {
            if (change.getFrom() == 0) { // rows settled at the end (the count grew below) move nothing in view
                shift += change.getAddedSize() - change.getRemovedSize();
            }
        }
        VirtualFlow<?> flow = lookup(".virtual-flow") instanceof VirtualFlow<?> found ? found : null;
        IndexedCell<?> first = flow == null ? null : flow.getFirstVisibleCell();
        if (shift == 0 || first == null || first.getIndex() < 0 || first.getIndex() == 0 && first.getLayoutY() >= 0) {
            return;
        }
        keepAtTop = Math.max(0, first.getIndex() + shift);
        keepBelowTop = Math.max(0, -first.getLayoutY());
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren(); // the skin takes the new row count here; the flow lays its cells out after this
        if (keepAtTop >= 0 && lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.scrollToTop(keepAtTop);
            if (keepBelowTop > 0) {
                flow.scrollPixels(keepBelowTop);
            }
        }
        keepAtTop = -1;
    }

    private static TableColumn<HistoryCall, String> column(String title, SortColumn sort,
                                                           Function<HistoryCall, String> text) {
        TableColumn<HistoryCall, String> column = new TableColumn<>(title);
        column.setUserData(sort);
        column.setId("history-column-" + sort.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        // a row not read yet is null: drawn empty until its page arrives
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                cell.getValue() == null ? "" : text.apply(cell.getValue())));
        return column;
    }

    /** The outcome word, coloured by its outcome. */
    private static final class OutcomeCell extends TableCell<HistoryCall, String> {
        OutcomeCell() {
            getStyleClass().add("outcome");
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            HistoryCall call = empty ? null : getTableRow() == null ? null : getTableRow().getItem();
            setText(empty ? null : text);
            OutcomeLooks.mark(this, call == null ? null : call.outcome());
        }
    }
}
