package io.callcard.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.callcard.prefs.Preferences;
import io.callcard.ui.Messages;
import io.callcard.ui.PreferencesModel;
import io.callcard.ui.SpokenLanguage;
import io.callcard.ui.callcard.CallCardViewModel;
import io.callcard.ui.shell.ShellViewModel.StatusKind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The language changes while the window runs, without the toolkit: {@link Messages} switches in place, and the
 * view-models say their last state again in it (the status line with its arguments, the card's last snapshot).
 */
class LanguageSwitchTest {

    private final Messages messages = Messages.forLocale(Locale.ENGLISH);
    private final CallCardViewModel card = new CallCardViewModel(messages, Clock.systemUTC(), Runnable::run);
    private final ShellViewModel shell = new ShellViewModel(messages, card);
    private final Messages russian = Messages.forLocale(Locale.forLanguageTag("ru"));

    @Test
    void theStatusWithItsArgumentsAndTheCardAreSaidAgainInTheNewLanguage() {
        shell.showStatus(StatusKind.WARNING, "status.listening", "127.0.0.1:48024");
        shell.askToConnect("acme.bitrix24.ru", allowed -> { });
        String english = shell.statusTextProperty().get();
        String cardEnglish = card.phoneTextProperty().get();

        messages.switchTo(Locale.forLanguageTag("ru"));

        assertEquals(russian.get("status.listening", "127.0.0.1:48024"), shell.statusTextProperty().get());
        assertNotEquals(english, shell.statusTextProperty().get());
        assertEquals(StatusKind.WARNING, shell.statusKindProperty().get());
        assertEquals(russian.get("card.hint.noCall"), card.phoneTextProperty().get());
        assertNotEquals(cardEnglish, card.phoneTextProperty().get());
        assertEquals(russian.get("banner.sandbox"), shell.bannerTextProperty().get());
        assertEquals(russian.get("connect.question", "acme.bitrix24.ru"),
                shell.connectQuestions().textProperty().get());
    }

    @Test
    void switchingToTheLanguageSpokenOrOneWeDoNotSpeakChangesNothingOrGivesEnglish() {
        List<Locale> heard = new ArrayList<>();
        messages.localeProperty().addListener((obs, old, now) -> heard.add(now));
        messages.switchTo(Locale.ENGLISH);
        messages.switchTo(Locale.UK);
        assertEquals(List.of(), heard, "English already: nobody is told");
        messages.switchTo(Locale.forLanguageTag("ru"));
        messages.switchTo(Locale.GERMAN);
        assertEquals(List.of(Locale.forLanguageTag("ru"), Locale.ENGLISH), heard, "German is not spoken: English");
        assertEquals("en", messages.locale().getLanguage());
    }

    @Test
    void thePreferredLanguageAppliesAtOnceAndTheSystemsIsTheOneStartedIn() {
        PreferencesModel preferences = new PreferencesModel(Preferences.DEFAULTS.withLanguage("ru"), p -> { });
        SpokenLanguage.follow(preferences.currentProperty(), messages, Locale.ENGLISH);
        assertEquals("ru", messages.locale().getLanguage(), "a chosen language before the first frame");
        assertEquals(russian.get("status.starting"), shell.statusTextProperty().get());

        preferences.change(p -> p.withLanguage(null));
        assertEquals("en", messages.locale().getLanguage(), "the system's: the one the window started in");
        preferences.change(p -> p.withLanguage("ru"));
        assertEquals("ru", messages.locale().getLanguage());
        assertEquals(Locale.forLanguageTag("ru"), SpokenLanguage.localeFor(Preferences.DEFAULTS,
                Locale.forLanguageTag("ru")));
    }
}
