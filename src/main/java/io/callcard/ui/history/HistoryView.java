package io.callcard.ui.history;

import io.callcard.ui.Messages;
import io.callcard.ui.Palette;
import io.callcard.ui.Shown;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.MaskerPane;

/**
 * The full history: the filters on top, the calls (a table and the selected call's details) and their statistics in
 * two tabs, a busy mask while a query runs, the count and the export at the foot.
 */
public final class HistoryView extends BorderPane {

    private final TabPane tabs;

    public HistoryView(HistoryViewModel vm, Messages messages, ExportFileChoice exportFiles) {
        getStyleClass().add("history-view");
        getStylesheets().addAll(Palette.STYLESHEET, TodayCallsView.STYLESHEET);
        // the ways out of a file that could not be opened sit under the filters, beside nothing to filter
        setTop(new VBox(new HistoryFilterBar(vm, messages), new WayOutBar(vm.wayOut(), messages, "history")));

        HistoryTable table = new HistoryTable(vm, messages);
        CallDetailsView details = new CallDetailsView(vm.details(), messages);
        Label noneSelected = new Label(messages.get("history.details.noneSelected"));
        noneSelected.getStyleClass().add("details-none");
        Shown.bind(details, vm.details().callProperty().isNotNull());
        Shown.bind(noneSelected, vm.details().callProperty().isNull());
        StackPane detailsPlace = new StackPane(noneSelected, details);
        StackPane.setAlignment(noneSelected, Pos.TOP_LEFT);
        ScrollPane detailsScroller = new ScrollPane(detailsPlace);
        detailsScroller.setFitToWidth(true);
        detailsScroller.setFitToHeight(true);
        detailsScroller.getStyleClass().add("details-scroller");
        SplitPane calls = new SplitPane(table, detailsScroller);
        calls.setOrientation(Orientation.HORIZONTAL);
        calls.setDividerPositions(0.68);
        SplitPane.setResizableWithParent(detailsScroller, false);

        Tab callsTab = new Tab(messages.get("history.tab.calls"), calls);
        callsTab.setId("history-calls-tab");
        Tab statsTab = new Tab(messages.get("history.tab.stats"));
        statsTab.setId("history-stats-tab");
        // the charts (and their figures, counted over the whole filtered set) are made and read when first looked at
        statsTab.selectedProperty().addListener((o, was, now) -> {
            if (now && statsTab.getContent() == null) {
                statsTab.setContent(new HistoryStatsView(vm.stats(), messages));
            }
            vm.stats().shownProperty().set(now);
        });
        tabs = new TabPane(callsTab, statsTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        MaskerPane mask = new MaskerPane();
        mask.setText(messages.get("history.busy"));
        mask.visibleProperty().bind(vm.busyProperty().or(vm.stats().busyProperty()));
        setCenter(new StackPane(tabs, mask));

        Label summary = new Label();
        summary.setId("history-summary");
        summary.getStyleClass().add("history-summary");
        summary.textProperty().bind(vm.summaryProperty());
        Label problem = new Label();
        problem.setId("history-problem");
        problem.getStyleClass().add("history-problem");
        problem.textProperty().bind(vm.problemProperty());
        problem.setWrapText(true);
        problem.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(problem, Priority.ALWAYS);
        HBox foot = new HBox(summary, problem, new ExportBar(vm.export(), messages, exportFiles));
        foot.getStyleClass().add("history-foot");
        foot.setAlignment(Pos.CENTER_LEFT);
        setBottom(foot);
    }

    TabPane tabs() {
        return tabs;
    }
}
