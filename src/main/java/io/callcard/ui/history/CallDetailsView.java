package io.callcard.ui.history;

import io.callcard.ui.Messages;
import io.callcard.ui.Shown;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The selected call: its facts, copy number and open in Bitrix24, and its timeline (oldest first). */
public final class CallDetailsView extends VBox {

    public CallDetailsView(CallDetailsModel vm, Messages messages) {
        getStyleClass().add("call-details");
        Label title = new Label();
        title.getStyleClass().add("details-title");
        title.textProperty().bind(vm.titleProperty());
        title.setWrapText(true);

        GridPane facts = new GridPane();
        facts.getStyleClass().add("details-facts");
        Runnable fill = () -> {
            facts.getChildren().clear();
            int row = 0;
            for (CallDetailsModel.Fact fact : vm.facts()) {
                Label label = new Label(fact.label());
                label.getStyleClass().add("fact-label");
                Label value = new Label(fact.value());
                value.getStyleClass().add("fact-value");
                value.setWrapText(true);
                facts.addRow(row++, label, value);
            }
        };
        vm.facts().addListener((ListChangeListener<CallDetailsModel.Fact>) change -> fill.run());
        fill.run();

        Button copy = new Button(messages.get("history.details.copyNumber"));
        copy.setId("history-copy-number");
        copy.disableProperty().bind(vm.canCopyProperty().not());
        copy.setOnAction(e -> vm.copyNumber());
        Button open = new Button(messages.get("history.details.openInPortal"));
        open.setId("history-open-in-portal");
        open.disableProperty().bind(vm.canOpenProperty().not());
        open.setOnAction(e -> vm.openInPortal());
        HBox actions = new HBox(copy, open);
        actions.getStyleClass().add("details-actions");

        Label timelineTitle = new Label(messages.get("history.details.timeline"));
        timelineTitle.getStyleClass().add("details-subtitle");
        ListView<CallDetailsModel.TimelineLine> timeline = new ListView<>(vm.timeline());
        timeline.setId("history-timeline");
        timeline.getStyleClass().add("details-timeline");
        timeline.setCellFactory(list -> new TimelineCell());
        timeline.setPlaceholder(new Label(messages.get("history.details.noTimeline")));
        VBox.setVgrow(timeline, Priority.ALWAYS);
        Label problem = new Label();
        problem.getStyleClass().add("history-problem");
        problem.textProperty().bind(vm.problemProperty());
        problem.setWrapText(true);
        Shown.bind(problem, vm.problemProperty().isNotEmpty());

        getChildren().addAll(title, facts, actions, timelineTitle, timeline, problem);
    }

    /** One event: when and through which channel on the first line, what it said under it. */
    private static final class TimelineCell extends ListCell<CallDetailsModel.TimelineLine> {
        private final Label head = new Label();
        private final Label payload = new Label();
        private final VBox box = new VBox(head, payload);

        TimelineCell() {
            head.getStyleClass().add("timeline-head");
            payload.getStyleClass().add("timeline-payload");
            payload.setWrapText(true);
            setPrefWidth(0); // the cell is as wide as the list: long payloads wrap instead of scrolling sideways
        }

        @Override
        protected void updateItem(CallDetailsModel.TimelineLine line, boolean empty) {
            super.updateItem(line, empty);
            if (empty || line == null) {
                setGraphic(null);
                return;
            }
            head.setText(line.time() + "  " + line.kind());
            payload.setText(line.source() + " · " + line.payload());
            setGraphic(box);
        }
    }
}
