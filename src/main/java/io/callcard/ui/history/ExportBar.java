package io.callcard.ui.history;

import io.callcard.ui.Messages;
import io.callcard.ui.Shown;
import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;

/** The export at the history's foot: the button, then while it runs a progress bar and Cancel; then what it did. */
final class ExportBar extends HBox {

    ExportBar(HistoryExportModel vm, Messages messages, ExportFileChoice files) {
        Objects.requireNonNull(files, "files");
        getStyleClass().add("export-bar");
        setAlignment(Pos.CENTER_RIGHT);
        Label outcome = new Label();
        outcome.setId("history-export-outcome");
        outcome.getStyleClass().add("export-outcome");
        outcome.textProperty().bind(vm.outcomeProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("history-export-progress");
        progress.progressProperty().bind(vm.progressProperty());
        Button cancel = new Button(messages.get("history.export.cancel"));
        cancel.setId("history-export-cancel");
        cancel.setOnAction(e -> vm.cancel());
        Shown.bind(progress, vm.runningProperty());
        Shown.bind(cancel, vm.runningProperty());
        Button export = new Button(messages.get("history.export.button"));
        export.setId("history-export");
        export.setMnemonicParsing(true);
        export.disableProperty().bind(vm.runningProperty());
        export.setOnAction(e -> files.ask(getScene().getWindow()).ifPresent(vm::exportTo));
        getChildren().addAll(outcome, progress, cancel, export);
    }
}
