package io.callcard.ui.history;

import io.callcard.history.HistoryCall;
import io.callcard.ui.Messages;
import io.callcard.ui.Palette;
import io.callcard.ui.Shown;
import javafx.animation.PauseTransition;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
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
import javafx.util.Duration;
import org.controlsfx.control.MaskerPane;

/**
 * The full history: the filters on top, the calls (a table and the selected call's details) and their statistics in
 * two tabs, a busy mask while a query runs, the count and the export at the foot.
 */
public final class HistoryView extends BorderPane {

    /** How long a query runs before the busy mask covers the view. */
    static final Duration MASK_DELAY = Duration.millis(200);

    private final TabPane tabs;

    public HistoryView(HistoryViewModel vm, Messages messages, ExportFileChoice exportFiles) {
        getStyleClass().add("history-view");
        getStylesheets().addAll(Palette.STYLESHEET, TodayCallsView.STYLESHEET);
        // the ways out of a file that could not be opened sit under the filters, beside nothing to filter
        setTop(new VBox(new HistoryFilterBar(vm, messages), new WayOutBar(vm.wayOut(), messages, "history")));

        HistoryTable table = new HistoryTable(vm, messages);
        Label noneSelected = new Label(messages.get("history.details.noneSelected"));
        noneSelected.getStyleClass().add("details-none");
        Shown.bind(noneSelected, vm.details().callProperty().isNull());
        StackPane detailsPlace = new StackPane(noneSelected);
        StackPane.setAlignment(noneSelected, Pos.TOP_LEFT);
        detailsWhenFirstSelected(vm, messages, detailsPlace);
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
        showWhenSlow(mask, vm.busyProperty().or(vm.stats().busyProperty()));
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

    /**
     * The mask goes up only over a query still running after {@link #MASK_DELAY}: most pages are read in milliseconds,
     * and a mask flashing up and down over each would draw a spinner for nothing (and cost the window's opening its
     * first page's time: history.md).
     */
    private static void showWhenSlow(Node mask, ObservableBooleanValue busy) {
        PauseTransition wait = new PauseTransition(MASK_DELAY);
        wait.setOnFinished(e -> mask.setVisible(busy.get()));
        mask.setVisible(false);
        busy.addListener((o, was, now) -> {
            wait.stop();
            if (now) {
                wait.playFromStart();
            } else {
                mask.setVisible(false);
            }
        });
        if (busy.get()) {
            wait.playFromStart();
        }
    }

    /**
     * The selected call's details (its facts, a timeline list, buttons) are made when a call is first selected, not
     * with the window: the first page of calls comes first (the full view's opening figure, history.md).
     */
    private static void detailsWhenFirstSelected(HistoryViewModel vm, Messages messages, StackPane place) {
        Runnable make = () -> {
            CallDetailsView details = new CallDetailsView(vm.details(), messages);
            Shown.bind(details, vm.details().callProperty().isNotNull());
            place.getChildren().add(details);
        };
        if (vm.details().callProperty().get() != null) {
            make.run();
            return;
        }
        vm.details().callProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends HistoryCall> o, HistoryCall was, HistoryCall now) {
                if (now != null) {
                    o.removeListener(this);
                    make.run();
                }
            }
        });
    }

    TabPane tabs() {
        return tabs;
    }
}
