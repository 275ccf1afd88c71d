package io.callcard.ui.history;

import io.callcard.history.Outcome;
import io.callcard.ui.Messages;
import io.callcard.ui.Shown;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.collections.SetChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.control.textfield.TextFields;

/**
 * The search box and the filters above the history table: a clearable search field, a date preset (with two date
 * pickers for a range of one's own), the direction and CRM-link choices as segmented buttons, the outcomes as a
 * check-combo (none checked shows all).
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
        DatePicker from = new DatePicker();
        from.setId("history-from");
        from.setPromptText(messages.get("history.range.from"));
        from.valueProperty().bindBidirectional(vm.customFromProperty());
        DatePicker to = new DatePicker();
        to.setId("history-to");
        to.setPromptText(messages.get("history.range.to"));
        to.valueProperty().bindBidirectional(vm.customToProperty());
        for (DatePicker picker : new DatePicker[] {from, to}) {
            picker.getStyleClass().add("history-date");
            Shown.bind(picker, vm.dateRangeProperty().isEqualTo(DateRange.CUSTOM));
        }

        SegmentedButton direction = segmented(messages, "history.filter.direction.", DirectionFilter.values(),
                vm.directionProperty());
        direction.setId("history-direction");
        SegmentedButton linked = segmented(messages, "history.filter.linked.", LinkedFilter.values(),
                vm.linkedProperty());
        linked.setId("history-linked");

        CheckComboBox<Outcome> outcomes = new CheckComboBox<>();
        outcomes.setId("history-outcomes");
        outcomes.getItems().setAll(Outcome.values());
        outcomes.setConverter(named(messages, "history.outcome.", Outcome::name));
        outcomes.setTitle(messages.get("history.filter.outcomes"));
        outcomes.setShowCheckedCount(true);
        vm.outcomes().forEach(o -> outcomes.getCheckModel().check(o));
        outcomes.getCheckModel().getCheckedItems().addListener(
                (javafx.collections.ListChangeListener<Outcome>) change -> {
                    vm.outcomes().retainAll(outcomes.getCheckModel().getCheckedItems());
                    vm.outcomes().addAll(outcomes.getCheckModel().getCheckedItems());
                });
        vm.outcomes().addListener((SetChangeListener<Outcome>) change -> {
            if (change.wasAdded() && !outcomes.getCheckModel().isChecked(change.getElementAdded())) {
                outcomes.getCheckModel().check(change.getElementAdded());
            }
            if (change.wasRemoved() && outcomes.getCheckModel().isChecked(change.getElementRemoved())) {
                outcomes.getCheckModel().clearCheck(change.getElementRemoved());
            }
        });

        getChildren().addAll(search, range, from, to, direction, outcomes, linked);
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
