package io.callcard.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callcard.ui.Messages;
import java.util.Locale;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;

/** The tray's tooltip and badge, decided without the toolkit or AWT. */
class TrayStatusTest {

    private final SimpleBooleanProperty hasCall = new SimpleBooleanProperty(false);
    private final SimpleStringProperty state = new SimpleStringProperty("No call yet");
    private final SimpleStringProperty who = new SimpleStringProperty("");
    private final SimpleIntegerProperty missed = new SimpleIntegerProperty(0);

    private TrayStatus status(Locale language) {
        return new TrayStatus(Messages.forLocale(language), hasCall, state, who, missed);
    }

    @Test
    void withoutACallItSaysSoAndShowsNoBadge() {
        TrayStatus tray = status(Locale.ENGLISH);
        assertEquals("CallCard Companion\nNo call", tray.tooltipProperty().get());
        assertEquals("", tray.badgeProperty().get());
    }

    @Test
    void itFollowsTheCallsStateAndWhoAndTheMissedCount() {
        TrayStatus tray = status(Locale.ENGLISH);
        hasCall.set(true);
        state.set("Ringing");
        who.set("+4930123456");
        assertEquals("CallCard Companion\nRinging: +4930123456", tray.tooltipProperty().get());
        who.set("Ivan Petrov · Contact");
        state.set("Connected");
        missed.set(2);
        assertEquals("CallCard Companion\nConnected: Ivan Petrov · Contact\nMissed calls: 2",
                tray.tooltipProperty().get());
        assertEquals("2", tray.badgeProperty().get());
        missed.set(0);
        assertEquals("", tray.badgeProperty().get(), "the agent looked: no badge");
    }

    @Test
    void theBadgeStopsCountingAtNine() {
        TrayStatus tray = status(Locale.ENGLISH);
        missed.set(9);
        assertEquals("9", tray.badgeProperty().get());
        missed.set(10);
        assertEquals("9+", tray.badgeProperty().get());
        missed.set(1234);
        assertEquals("9+", tray.badgeProperty().get());
    }

    @Test
    void itSpeaksRussian() {
        TrayStatus tray = status(Locale.forLanguageTag("ru"));
        missed.set(3);
        assertEquals("CallCard Companion\nЗвонков нет\nПропущено звонков: 3", tray.tooltipProperty().get());
    }
}
