package io.callcard.ui.history;

import io.callcard.history.HistoryStats;
import io.callcard.history.Outcome;
import io.callcard.ui.Messages;
import io.callcard.ui.Shown;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The filtered calls' figures: answered rate and average talk time in words, calls per day stacked by outcome, and
 * calls by hour of the day. Charts are drawn again from each new {@link HistoryStats}; no animation (a query's answer
 * replaces the last one, it does not grow out of it).
 */
final class HistoryStatsView extends VBox {

    private final StackedBarChart<String, Number> perDay;
    private final BarChart<String, Number> perHour;
    private final HistoryWords words;

    HistoryStatsView(HistoryStatsModel vm, Messages messages) {
        getStyleClass().add("history-stats");
        words = vm.words();
        Label rate = new Label();
        rate.setId("history-answered-rate");
        rate.getStyleClass().add("stats-figure");
        rate.textProperty().bind(vm.answeredRateProperty());
        Label talk = new Label();
        talk.setId("history-average-talk");
        talk.getStyleClass().add("stats-figure");
        talk.textProperty().bind(vm.averageTalkProperty());
        Label problem = new Label();
        problem.getStyleClass().add("history-problem");
        problem.textProperty().bind(vm.problemProperty());
        Shown.bind(problem, vm.problemProperty().isNotEmpty());
        HBox figures = new HBox(rate, talk, problem);
        figures.getStyleClass().add("stats-figures");

        CategoryAxis days = new CategoryAxis();
        NumberAxis dayCalls = new NumberAxis();
        dayCalls.setLabel(messages.get("history.stats.calls"));
        perDay = new StackedBarChart<>(days, dayCalls);
        perDay.setId("history-per-day");
        perDay.setTitle(messages.get("history.stats.perDay"));
        perDay.setAnimated(false);
        CategoryAxis hours = new CategoryAxis();
        NumberAxis hourCalls = new NumberAxis();
        hourCalls.setLabel(messages.get("history.stats.calls"));
        perHour = new BarChart<>(hours, hourCalls);
        perHour.setId("history-per-hour");
        perHour.setTitle(messages.get("history.stats.perHour"));
        perHour.setAnimated(false);
        perHour.setLegendVisible(false);
        perHour.setCategoryGap(2);
        VBox.setVgrow(perDay, Priority.ALWAYS);
        VBox.setVgrow(perHour, Priority.ALWAYS);
        getChildren().addAll(figures, perDay, perHour);
        vm.statsProperty().addListener((o, was, now) -> draw(now));
        draw(vm.statsProperty().get());
    }

    private void draw(HistoryStats stats) {
        perDay.getData().clear();
        perHour.getData().clear();
        if (stats == null) {
            return;
        }
        DateTimeFormatter dayFormat = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT)
                .withLocale(words.messages().locale());
        for (Outcome outcome : Outcome.values()) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(words.outcome(outcome));
            for (HistoryStats.DayCounts day : stats.perDay()) {
                series.getData().add(new XYChart.Data<>(dayFormat.format(day.day()),
                        day.byOutcome().getOrDefault(outcome, 0L)));
            }
            perDay.getData().add(series); // every outcome, even when none: its colour is its place (history.css)
        }
        XYChart.Series<String, Number> hours = new XYChart.Series<>();
        for (int hour = 0; hour < 24; hour++) {
            hours.getData().add(new XYChart.Data<>(String.format("%02d", hour), stats.perHour().get(hour)));
        }
        perHour.getData().add(hours);
    }
}
