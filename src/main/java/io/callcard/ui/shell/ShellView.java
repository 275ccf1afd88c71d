package io.callcard.ui.shell;

import io.callcard.ui.EnumPseudoClasses;
import io.callcard.ui.Messages;
import io.callcard.ui.callcard.CallCardView;
import javafx.scene.control.Label;
import javafx.geometry.Pos;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/** The main window's content: sandbox banner on top, the call card, the status line below. */
public final class ShellView extends BorderPane {

    public static final String STYLESHEET = "/io/callcard/ui/shell/app.css";

    private static final EnumPseudoClasses<ShellViewModel.StatusKind> STATUS_KINDS =
            new EnumPseudoClasses<>(ShellViewModel.StatusKind.class);

    public ShellView(ShellViewModel vm, Messages messages) {
        getStyleClass().add("shell");
        getStylesheets().add(STYLESHEET);

        Label banner = new Label();
        banner.setId("sandbox-banner");
        banner.getStyleClass().add("sandbox-banner");
        banner.textProperty().bind(vm.bannerTextProperty());
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.visibleProperty().bind(vm.sandboxProperty());
        banner.managedProperty().bind(vm.sandboxProperty());
        setTop(banner);

        CallCardView card = new CallCardView(vm.callCard(), messages);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        StackPane content = new StackPane(card);
        StackPane.setAlignment(card, Pos.TOP_CENTER);
        content.getStyleClass().add("content");
        setCenter(content);

        Label status = new Label();
        status.setId("status-line");
        status.getStyleClass().add("status-line");
        status.textProperty().bind(vm.statusTextProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        status.setWrapText(true);
        vm.statusKindProperty().addListener((obs, old, now) -> STATUS_KINDS.show(status, now));
        STATUS_KINDS.show(status, vm.statusKindProperty().get());
        setBottom(status);
    }
}
