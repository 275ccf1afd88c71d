package io.callcard.ui.history;

import io.callcard.history.HistoryCall;
import io.callcard.history.HistoryQuery.SortColumn;
import io.callcard.ui.Messages;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The history's calls as a virtualised table over {@link PagedCalls}: only the visible rows are drawn and only a few
 * pages held. Clicking a column's header sorts the query, not the rows in memory: the store answers in that order.
 */
final class HistoryTable extends TableView<HistoryCall> {

    HistoryTable(HistoryViewModel vm, Messages messages) {
        super(vm.rows());
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
        getSelectionModel().selectedItemProperty().addListener((o, was, now) -> vm.select(now));
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
