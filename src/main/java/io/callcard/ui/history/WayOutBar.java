package io.callcard.ui.history;

import io.callcard.ui.Messages;
import io.callcard.ui.Shown;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;

/**
 * The history's ways out, where the pane says it has no history: "Move the file aside and start a new history" for a
 * damaged file, "Open read-only" for a newer or locked one, and what the last one did. Takes no room when there is
 * nothing to say.
 */
final class WayOutBar extends FlowPane {

    WayOutBar(HistoryWayOutModel vm, Messages messages, String idPrefix) {
        getStyleClass().add("history-way-out");
        setAlignment(Pos.CENTER_LEFT);
        Button moveAside = new Button(messages.get("history.wayOut.moveAside"));
        moveAside.setId(idPrefix + "-move-aside");
        moveAside.setOnAction(e -> vm.moveAside());
        Shown.bind(moveAside, vm.canMoveAsideProperty());
        Button readOnly = new Button(messages.get("history.wayOut.readOnly"));
        readOnly.setId(idPrefix + "-read-only");
        readOnly.setOnAction(e -> vm.openReadOnly());
        Shown.bind(readOnly, vm.canOpenReadOnlyProperty());
        for (Button button : new Button[] {moveAside, readOnly}) {
            button.disableProperty().bind(vm.workingProperty());
        }
        Label outcome = new Label();
        outcome.setId(idPrefix + "-way-out-outcome");
        outcome.getStyleClass().add("way-out-outcome");
        outcome.setWrapText(true);
        outcome.textProperty().bind(vm.outcomeProperty());
        Shown.bind(outcome, vm.outcomeProperty().isNotEmpty());
        getChildren().addAll(moveAside, readOnly, outcome);
        Shown.bind(this, vm.canMoveAsideProperty().or(vm.canOpenReadOnlyProperty())
                .or(vm.outcomeProperty().isNotEmpty()));
    }
}
