package io.callcard.ui.window;

import io.callcard.ui.Messages;
import io.callcard.ui.callcard.CallCardViewModel;
import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableIntegerValue;
import javafx.beans.value.ObservableStringValue;

/**
 * What the tray icon says: its tooltip (the call's state, who, the missed count) and the badge drawn on it (the missed
 * count, "9+" beyond nine, nothing at zero). Plain Java over the card's texts and the missed-calls count, so it is
 * tested without the toolkit or AWT; the tray ({@link DesktopTray}) only paints what this decides.
 */
public final class TrayStatus {

    /** The most the badge counts; beyond it reads "9+" (two characters are all a 16-pixel icon can hold). */
    static final int BADGE_MAX = 9;

    private final Messages messages;
    private final ObservableBooleanValue hasCall;
    private final ObservableStringValue state;
    private final ObservableStringValue who;
    private final ObservableIntegerValue missed;
    private final ReadOnlyStringWrapper tooltip = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper badge = new ReadOnlyStringWrapper();

    /**
     * @param hasCall whether there is a call to speak of (else the tooltip says there is none)
     * @param state   the call's state in words
     * @param who     the CRM name or the number
     * @param missed  calls missed since the agent last looked
     */
    public TrayStatus(Messages messages, ObservableBooleanValue hasCall, ObservableStringValue state,
                      ObservableStringValue who, ObservableIntegerValue missed) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.hasCall = Objects.requireNonNull(hasCall, "hasCall");
        this.state = Objects.requireNonNull(state, "state");
        this.who = Objects.requireNonNull(who, "who");
        this.missed = Objects.requireNonNull(missed, "missed");
        hasCall.addListener(o -> refresh());
        state.addListener(o -> refresh());
        who.addListener(o -> refresh());
        missed.addListener(o -> refresh());
        refresh();
    }

    /** The tray's words for {@code card}: its state and who (the CRM name when known, else the number). */
    public static TrayStatus forCard(Messages messages, CallCardViewModel card, ObservableIntegerValue missed) {
        return new TrayStatus(messages, card.hasCallProperty(), card.stateTextProperty(), CompactCardView.headline(card),
                missed);
    }

    private void refresh() {
        StringBuilder text = new StringBuilder(messages.get("app.title")).append('\n');
        if (hasCall.get()) {
            text.append(messages.get("tray.call", state.get(), who.get()));
        } else {
            text.append(messages.get("tray.noCall"));
        }
        int count = Math.max(0, missed.get());
        if (count > 0) {
            text.append('\n').append(messages.get("tray.missed", count));
        }
        tooltip.set(text.toString());
        badge.set(count == 0 ? "" : count > BADGE_MAX ? BADGE_MAX + "+" : Integer.toString(count));
    }

    /** The tray icon's tooltip: application, call, missed count, one per line. */
    public ReadOnlyStringProperty tooltipProperty() {
        return tooltip.getReadOnlyProperty();
    }

    /** The text on the icon's badge; empty when no call was missed. */
    public ReadOnlyStringProperty badgeProperty() {
        return badge.getReadOnlyProperty();
    }
}
