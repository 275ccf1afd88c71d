package io.callcard.ui.history;

import io.callcard.history.HistoryCall;
import io.callcard.ui.Messages;
import io.callcard.ui.Shown;
import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Under the card: today's calls, newest first, one line each (time, direction, name or number, outcome, talk time),
 * and the selected call's details below them. The button opens the full history.
 */
public final class TodayCallsView extends VBox {

    public static final String STYLESHEET = "/io/callcard/ui/history/history.css";
    static final double LINE_HEIGHT = 26;
    static final int LINES_SHOWN = 6;

    public TodayCallsView(TodayCallsModel vm, Messages messages, Runnable openFullHistory) {
        Objects.requireNonNull(openFullHistory, "openFullHistory");
        getStyleClass().add("today-calls");
        getStylesheets().add(STYLESHEET);

        Label title = new Label(messages.get("history.today.title"));
        title.getStyleClass().add("today-title");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button full = new Button(messages.get("history.open"));
        full.setId("history-open");
        full.getStyleClass().add("history-open");
        full.setMnemonicParsing(true);
        full.setOnAction(e -> openFullHistory.run());
        HBox head = new HBox(title, gap, full);
        head.getStyleClass().add("today-head");
        head.setAlignment(Pos.CENTER_LEFT);

        ListView<HistoryCall> list = new ListView<>(vm.calls());
        list.setId("today-calls");
        list.getStyleClass().add("today-list");
        list.setFixedCellSize(LINE_HEIGHT);
        list.setCellFactory(l -> new TodayCell(vm.words()));
        Label empty = new Label();
        empty.textProperty().bind(vm.emptyTextProperty());
        empty.getStyleClass().add("today-empty");
        empty.setWrapText(true);
        list.setPlaceholder(empty);
        // as tall as its lines (at least two, at most LINES_SHOWN): the card keeps the window's room
        list.prefHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(2, Math.min(LINES_SHOWN, vm.calls().size())) * LINE_HEIGHT + 4, vm.calls()));
        list.setMinHeight(Region.USE_PREF_SIZE);
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> vm.select(now));
        NumbersRedrawn.follow(list, vm.words(), list::refresh);

        CallDetailsView details = new CallDetailsView(vm.details(), messages);
        details.getStyleClass().add("today-details");
        Shown.bind(details, vm.details().callProperty().isNotNull());
        getChildren().addAll(head, list, new WayOutBar(vm.wayOut(), messages, "today"), details);
    }

    /** One call on one line. */
    static final class TodayCell extends ListCell<HistoryCall> {
        private final HistoryWords words;
        private final Label time = new Label();
        private final Label direction = new Label();
        private final Label who = new Label();
        private final Label outcome = new Label();
        private final Label talk = new Label();
        private final HBox line = new HBox(time, direction, who, outcome, talk);

        TodayCell(HistoryWords words) {
            this.words = words;
            time.getStyleClass().add("line-time");
            direction.getStyleClass().add("line-direction");
            who.getStyleClass().add("line-who");
            outcome.getStyleClass().add("outcome");
            talk.getStyleClass().add("line-talk");
            who.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(who, Priority.ALWAYS);
            for (Label fixed : new Label[] {time, direction, outcome, talk}) {
                fixed.setMinWidth(Region.USE_PREF_SIZE);
            }
            line.getStyleClass().add("today-line");
            line.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(HistoryCall call, boolean empty) {
            super.updateItem(call, empty);
            if (empty || call == null) {
                setGraphic(null);
                return;
            }
            time.setText(words.timeOfDay(call.firstHeard()));
            direction.setText(words.direction(call.direction()));
            who.setText(words.who(call));
            outcome.setText(words.outcome(call.outcome()));
            OutcomeLooks.mark(outcome, call.outcome());
            talk.setText(words.talk(call.talkSeconds()));
            setGraphic(line);
        }
    }
}
