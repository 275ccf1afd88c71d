package io.callcard.ui.shell;

import io.callcard.ui.EnumPseudoClasses;
import io.callcard.ui.LazyTooltip;
import io.callcard.ui.Messages;
import io.callcard.ui.Once;
import io.callcard.ui.Shown;
import java.util.Objects;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * The line under the card: where its data comes from ({@link SourceViewModel}) and, once a call was missed, the
 * missed-calls badge ({@link MissedCalls}); pressing the badge marks them seen. Looks in {@code source.css}: the line
 * by {@code :live} / {@code :silent}, the badge by its style class.
 */
public final class CardSourceBar extends HBox {

    public static final String STYLESHEET = "/io/callcard/ui/shell/source.css";

    private static final EnumPseudoClasses<SourceWords.Kind> KINDS = new EnumPseudoClasses<>(SourceWords.Kind.class);

    public CardSourceBar(SourceViewModel source, MissedCalls missed, Messages messages) {
        Objects.requireNonNull(messages, "messages");
        getStyleClass().add("card-source-bar");
        getStylesheets().add(STYLESHEET);
        setAlignment(Pos.CENTER_LEFT);
        Label line = new Label();
        line.setId("card-source");
        line.getStyleClass().add("card-source");
        line.textProperty().bind(source.textProperty());
        line.setWrapText(true);
        line.setMaxWidth(Double.MAX_VALUE);
        line.setAccessibleRole(AccessibleRole.TEXT);
        line.accessibleTextProperty().bind(source.accessibleTextProperty());
        KINDS.bind(line, source.kindProperty());
        HBox.setHgrow(line, Priority.ALWAYS);
        getChildren().add(line);
        // the badge's button is made with the first missed call: most windows start without one
        Once.whenTrue(missed.anyProperty(), () -> getChildren().add(badge(missed, messages)));
    }

    private static Button badge(MissedCalls missed, Messages messages) {
        Button badge = new Button();
        badge.setId("missed-badge");
        badge.getStyleClass().add("missed-badge");
        badge.textProperty().bind(missed.badgeTextProperty());
        badge.accessibleTextProperty().bind(missed.accessibleTextProperty());
        badge.setMinWidth(Region.USE_PREF_SIZE);
        badge.setFocusTraversable(true);
        LazyTooltip.install(badge, messages.get("missed.tooltip"));
        badge.setOnAction(e -> missed.seen());
        Shown.bind(badge, missed.anyProperty());
        return badge;
    }

    /**
     * The agent looked at the card when its window gains the focus (brought forward, clicked, a notification clicked)
     * while {@code card} shows: the missed calls are seen then.
     */
    public static void seenWhenLookedAt(Node card, MissedCalls missed) {
        ChangeListener<Boolean> focused = (obs, was, now) -> {
            if (now && isShowing(card)) {
                missed.seen();
            }
        };
        ChangeListener<Window> window = (obs, old, now) -> {
            if (old != null) {
                old.focusedProperty().removeListener(focused);
            }
            if (now != null) {
                now.focusedProperty().addListener(focused);
            }
        };
        ChangeListener<Scene> scene = (obs, old, now) -> {
            if (old != null) {
                old.windowProperty().removeListener(window);
                window.changed(null, old.getWindow(), null);
            }
            if (now != null) {
                now.windowProperty().addListener(window);
                window.changed(null, null, now.getWindow());
            }
        };
        card.sceneProperty().addListener(scene);
        scene.changed(null, null, card.getScene());
    }

    /** Whether {@code node} is on screen: in a scene, and neither it nor a parent hidden (a compact window's). */
    static boolean isShowing(Node node) {
        if (node.getScene() == null) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
