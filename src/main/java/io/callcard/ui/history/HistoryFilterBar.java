package io.callcard.ui.history;

import io.callcard.history.Outcome;
import io.callcard.ui.Messages;
import io.callcard.ui.Shown;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.control.textfield.TextFields;

/**
 * The search box and the filters above the history table: a clearable search field, a date preset (with two date
 * pickers for a range of one's own), the direction and CRM-link choices as segmented buttons, the outcomes as a menu of
 * check boxes (none checked shows all).
 */
final class HistoryFilterBar extends FlowPane {

    HistoryFilterBar(HistoryViewModel vm, Messages messages) {
        getStyleClass().add("history-filters");
        setAlignment(Pos.CENTER_LEFT);

        TextField search = TextFields.createClearableTextField();
        search.setId("history-search");
        search.getStyleClass().add("history-search");
        search.setPromptText(messages.get("history.search.prompt"));
        search.textProperty().bindBidirectional(vm.searchTextProperty());

        ComboBox<DateRange> range = new ComboBox<>();
        range.setId("history-range");
        range.getItems().setAll(DateRange.values());
        range.setConverter(named(messages, "history.range.", DateRange::name));
        range.setButtonCell(new NamedCell<>(messages, "history.range.", DateRange::name));
        range.valueProperty().bindBidirectional(vm.dateRangeProperty());
        // the two pickers of a range of one's own are made when that range is first chosen: most openings never need
        // them, and each costs the opening a skin, a popup's makings and their CSS
        HBox customRange = new HBox();
        customRange.getStyleClass().add("history-custom-range");
        customRange.setAlignment(Pos.CENTER_LEFT);
        Shown.bind(customRange, vm.dateRangeProperty().isEqualTo(DateRange.CUSTOM));
        Runnable makePickers = () -> {
            if (customRange.getChildren().isEmpty()) {
                customRange.getChildren().setAll(
                        picker("history-from", messages.get("history.range.from"), vm.customFromProperty()),
                        picker("history-to", messages.get("history.range.to"), vm.customToProperty()));
            }
        };
        if (vm.dateRangeProperty().get() == DateRange.CUSTOM) {
            makePickers.run();
        }
        vm.dateRangeProperty().addListener((o, was, now) -> {
            if (now == DateRange.CUSTOM) {
                makePickers.run();
            }
        });

        SegmentedButton direction = segmented(messages, "history.filter.direction.", DirectionFilter.values(),
                vm.directionProperty());
        direction.setId("history-direction");
        SegmentedButton linked = segmented(messages, "history.filter.linked.", LinkedFilter.values(),
                vm.linkedProperty());
        linked.setId("history-linked");

        MenuButton outcomes = outcomeChoice(vm.outcomes(), messages);

        getChildren().addAll(search, range, customRange, direction, outcomes, linked);
    }

    private static DatePicker picker(String id, String prompt, ObjectProperty<LocalDate> day) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.getStyleClass().add("history-date");
        picker.setPromptText(prompt);
        picker.valueProperty().bindBidirectional(day);
        return picker;
    }

    /**
     * The outcomes as a menu of check boxes (the menu stays open while ticking several), titled with how many are
     * ticked; none ticked shows all. A plain menu button rather than ControlsFX's CheckComboBox: that one's skin cost
     * the window's opening 60-270 ms (measured with HistoryPaneBench's machinery), the menu's items cost nothing until
     * it is opened.
     */
    private static MenuButton outcomeChoice(ObservableSet<Outcome> chosen, Messages messages) {
        MenuButton menu = new MenuButton();
        menu.setId("history-outcomes");
        menu.getStyleClass().add("history-outcomes");
        String title = messages.get("history.filter.outcomes");
        List<CheckBox> boxes = new ArrayList<>();
        for (Outcome outcome : Outcome.values()) {
            CheckBox box = new CheckBox(messages.get("history.outcome." + outcome.name()));
            box.setId("history-outcome-" + outcome.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            box.setUserData(outcome);
            box.setSelected(chosen.contains(outcome));
            box.selectedProperty().addListener((o, was, now) -> {
                if (now) {
                    chosen.add(outcome);
                } else {
                    chosen.remove(outcome);
                }
            });
            boxes.add(box);
            CustomMenuItem item = new CustomMenuItem(box);
            item.setHideOnClick(false);
            menu.getItems().add(item);
        }
        chosen.addListener((SetChangeListener<Outcome>) change -> boxes
                .forEach(b -> b.setSelected(chosen.contains((Outcome) b.getUserData()))));
        menu.textProperty().bind(Bindings.createStringBinding(
                () -> chosen.isEmpty() ? title : title + " (" + chosen.size() + ")", chosen));
        return menu;
    }

    /** One toggle per choice, exactly one pressed, following {@code chosen} both ways. */
    private static <E extends Enum<E>> SegmentedButton segmented(Messages messages, String prefix, E[] choices,
                                                                 ObjectProperty<E> chosen) {
        SegmentedButton buttons = new SegmentedButton();
        for (E choice : choices) {
            ToggleButton button = new ToggleButton(messages.get(prefix + choice.name()));
            button.setUserData(choice);
            button.setSelected(choice == chosen.get());
            button.setOnAction(e -> {
                button.setSelected(true); // pressing the pressed one keeps it: one choice always stands
                chosen.set(choice);
            });
            buttons.getButtons().add(button);
        }
        chosen.addListener((o, was, now) -> buttons.getButtons()
                .forEach(b -> b.setSelected(b.getUserData() == now)));
        return buttons;
    }

    private static <E> StringConverter<E> named(Messages messages, String prefix, Function<E, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(E value) {
                return value == null ? "" : messages.get(prefix + name.apply(value));
            }

            @Override
            public E fromString(String text) {
                throw new UnsupportedOperationException("chosen from the list, never typed");
            }
        };
    }

    private static final class NamedCell<E> extends ListCell<E> {
        private final StringConverter<E> names;

        NamedCell(Messages messages, String prefix, Function<E, String> name) {
            names = named(messages, prefix, name);
        }

        @Override
        protected void updateItem(E item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : names.toString(item));
        }
    }
}
