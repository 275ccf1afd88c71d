package io.callcard.ui;

import javafx.event.EventHandler;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A tooltip made when the pointer first comes near its control, not when the window is built: a tooltip brings the
 * popup and animation machinery (a few hundred classes), and a control in the first frame should not make the agent
 * wait for it. Screen readers get the same words at once, as accessible help.
 */
public final class LazyTooltip {

    private LazyTooltip() {
    }

    public static void install(Control control, String text) {
        control.setAccessibleHelp(text);
        // entered, or moved: a pointer already resting there when the window appeared enters nothing
        EventHandler<MouseEvent> onFirstVisit = new EventHandler<>() {
            @Override
            public void handle(MouseEvent event) {
                if (event.getEventType() != MouseEvent.MOUSE_ENTERED
                        && event.getEventType() != MouseEvent.MOUSE_MOVED) {
                    return;
                }
                control.removeEventHandler(MouseEvent.ANY, this);
                Tooltip tooltip = new Tooltip(text);
                tooltip.setWrapText(true);
                tooltip.setMaxWidth(320);
                control.setTooltip(tooltip);
            }
        };
        control.addEventHandler(MouseEvent.ANY, onFirstVisit);
    }
}
