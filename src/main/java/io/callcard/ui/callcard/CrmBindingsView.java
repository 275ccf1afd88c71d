package io.callcard.ui.callcard;

import io.callcard.ui.Messages;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The CRM items the call is bound to, one row each: its name, type and id, and "Open in Bitrix24" when the portal has
 * a page for it. Rebuilt when the list changes (a few rows, a few times a call); hidden when there are none.
 */
final class CrmBindingsView extends VBox {

    private final CallCardViewModel vm;
    private final Messages messages;
    private final Label caption;

    CrmBindingsView(CallCardViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
        setId("crm-bindings");
        getStyleClass().add("crm-bindings");
        caption = new Label(messages.get("card.crm.bindings"));
        caption.getStyleClass().add("caption");
        vm.bindingsProperty().addListener((obs, old, now) -> show(now));
        show(vm.bindingsProperty().get());
    }

    private void show(List<CrmBinding> rows) {
        getChildren().setAll(caption);
        for (CrmBinding b : rows) {
            Label text = new Label(b.text());
            text.getStyleClass().add("crm-binding");
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMaxWidth(Double.MAX_VALUE);
            HBox row = new HBox(text);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("crm-binding-row");
            if (b.hasLink()) {
                Hyperlink open = new Hyperlink(messages.get("card.crm.open"));
                open.setId("open-" + b.ref().type().pathSegment() + "-" + b.ref().id());
                open.setAccessibleText(messages.get("card.crm.open.accessible", b.text()));
                open.setMinWidth(Hyperlink.USE_PREF_SIZE);
                open.setOnAction(e -> vm.open(b));
                row.getChildren().add(open);
            }
            getChildren().add(row);
        }
        setVisible(!rows.isEmpty());
        setManaged(!rows.isEmpty());
    }
}
