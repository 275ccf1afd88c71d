package io.callcard.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callcard.ui.Messages;
import io.callcard.ui.shell.SourceFacts.Listening;
import io.callcard.ui.shell.SourceFacts.SeedTransport;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The source line's words, without the toolkit: facts as the application gathers them, decided by {@link SourceLine},
 * said by {@link SourceViewModel}.
 */
class SourceViewModelTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private final SourceViewModel vm = new SourceViewModel(Messages.forLocale(Locale.ENGLISH));

    /** A configured portal whose widget loaded here before; nothing heard, no call. */
    private static Facts portal() {
        return new Facts();
    }

    /** A builder of {@link SourceFacts}, to name only what a case changes. */
    private static final class Facts {
        Listening listening = Listening.LISTENING;
        boolean sandbox;
        Instant widgetHeard;
        boolean widgetOpen;
        Instant serverHeard;
        Instant seedHeard;
        SeedTransport seed = SeedTransport.REFUSED;
        boolean seedCardShown;
        boolean widgetEverLoaded = true;
        boolean widgetMissedCall;
        boolean callRunning;

        SourceFacts build() {
            return new SourceFacts(listening, sandbox, widgetHeard, widgetOpen, serverHeard, seedHeard, seed,
                    seedCardShown, widgetEverLoaded, widgetMissedCall, callRunning);
        }
    }

    private String say(Facts facts) {
        vm.show(SourceLine.describe(facts.build(), NOW));
        return vm.textProperty().get();
    }

    private static Instant ago(long seconds) {
        return NOW.minusSeconds(seconds);
    }

    @Test
    void anOpenWidgetPageIsTheSourceWithItsAge() {
        Facts f = portal();
        f.widgetOpen = true;
        f.widgetHeard = ago(1);
        assertEquals("Widget bridge · just now", say(f));
        assertEquals(SourceWords.Kind.LIVE, vm.kindProperty().get());
        assertEquals("Card data from Widget bridge · just now", vm.accessibleTextProperty().get());
        f.widgetHeard = ago(5);
        assertEquals("Widget bridge · 5 s ago", say(f), "five seconds is no longer just now");
        f.widgetHeard = ago(59);
        assertEquals("Widget bridge · 55 s ago", say(f), "seconds in steps of five");
        f.widgetHeard = ago(60);
        assertEquals("Widget bridge · 1 min ago", say(f));
        f.widgetHeard = ago(3 * 3600 + 59 * 60);
        assertEquals("Widget bridge · 3 h ago", say(f));
    }

    @Test
    void eachChannelIsNamedAsTheAgentReadsIt() {
        Facts seed = portal();
        seed.seed = SeedTransport.LIVE;
        seed.seedCardShown = true;
        seed.seedHeard = ago(2);
        assertEquals("Seed REST transport · just now", say(seed));

        Facts server = portal();
        server.callRunning = true;
        server.serverHeard = ago(12);
        assertEquals("Server events · 10 s ago", say(server), "a call only the server events told of");

        Facts sandbox = portal();
        sandbox.sandbox = true;
        sandbox.widgetOpen = true;
        sandbox.widgetHeard = ago(0);
        assertEquals("Sandbox widget · just now", say(sandbox));
        sandbox.widgetOpen = false;
        sandbox.callRunning = true;
        sandbox.serverHeard = ago(7);
        assertEquals("Sandbox server events · 5 s ago", say(sandbox));
    }

    @Test
    void theLiveChannelHeardLastIsNamedAndAnOpenCardBeatsTheServerEvents() {
        Facts both = portal();
        both.widgetOpen = true;
        both.widgetHeard = ago(30);
        both.seed = SeedTransport.LIVE;
        both.seedCardShown = true;
        both.seedHeard = ago(1);
        assertEquals("Seed REST transport · just now", say(both));
        both.widgetHeard = ago(0);
        both.seedHeard = ago(6);
        assertEquals("Widget bridge · just now", say(both));

        both.callRunning = true;
        both.serverHeard = ago(0);
        assertEquals("Widget bridge · just now", say(both), "server events never outrank an open card");

        Facts seedWithoutCard = portal();
        seedWithoutCard.seed = SeedTransport.LIVE;
        seedWithoutCard.seedHeard = ago(1);
        assertEquals("No call card open in Bitrix24 (last heard: Seed REST transport · just now)",
                say(seedWithoutCard), "the transport answers, and shows no card");
    }

    @Test
    void whenNothingIsHeardTheLineSaysWhyFromWhatTheApplicationKnows() {
        Facts noCard = portal();
        assertEquals("No call card open in Bitrix24", say(noCard));
        assertEquals(SourceWords.Kind.SILENT, vm.kindProperty().get());
        assertEquals("Card data: No call card open in Bitrix24", vm.accessibleTextProperty().get());
        noCard.widgetHeard = ago(4 * 60 + 10);
        assertEquals("No call card open in Bitrix24 (last heard: Widget bridge · 4 min ago)", say(noCard));

        Facts refused = portal();
        refused.widgetEverLoaded = false;
        assertEquals("The portal refuses placement.call: use the widget (see Setting up the widget in the README)",
                say(refused));

        Facts neverLoaded = portal();
        neverLoaded.widgetEverLoaded = false;
        neverLoaded.seed = SeedTransport.FAILED;
        assertEquals("No call card open in Bitrix24: the widget has not opened on this computer yet (see Setting up the"
                + " widget in the README)", say(neverLoaded));

        Facts notInstalled = portal();
        notInstalled.widgetEverLoaded = false;
        notInstalled.widgetMissedCall = true;
        notInstalled.serverHeard = ago(20);
        assertEquals("The call card widget is not installed: see Setting up the widget in the README (last heard:"
                + " Server events · 20 s ago)", say(notInstalled));

        Facts notFirst = portal();
        notFirst.widgetMissedCall = true;
        assertEquals("The widget did not open for the last call: keep it the call card's first tab (see Setting up the"
                + " widget in the README)", say(notFirst));

        Facts sandbox = portal();
        sandbox.sandbox = true;
        sandbox.widgetHeard = ago(3);
        assertEquals("No simulated call card open: the sandbox plays its next call soon (last heard: Sandbox widget"
                + " · just now)", say(sandbox));

        Facts starting = portal();
        starting.listening = Listening.STARTING;
        assertEquals("Starting: not listening yet", say(starting));
        Facts failed = portal();
        failed.listening = Listening.FAILED;
        failed.widgetHeard = ago(3);
        assertEquals("Not listening: no call card can reach the companion (see the status line)", say(failed));
    }

    @Test
    void theWordsAreTheSameOnlyWhileTheLineIsTheSame() {
        Facts f = portal();
        f.widgetOpen = true;
        f.widgetHeard = ago(0);
        SourceWords first = SourceLine.describe(f.build(), NOW);
        f.widgetHeard = ago(3);
        assertEquals(first, SourceLine.describe(f.build(), NOW), "a page polling every second keeps the line still");
        f.widgetHeard = ago(8);
        assertEquals(new SourceWords.Age(SourceWords.Age.Unit.SECONDS, 5), SourceLine.describe(f.build(), NOW).age());
    }

    @Test
    void theLineSpeaksRussianToo() {
        SourceViewModel russian = new SourceViewModel(Messages.forLocale(Locale.forLanguageTag("ru")));
        assertEquals("Запуск: приём ещё не начат", russian.textProperty().get());
        Facts f = portal();
        f.widgetOpen = true;
        f.widgetHeard = ago(12);
        russian.show(SourceLine.describe(f.build(), NOW));
        assertEquals("Виджет · 10 с назад", russian.textProperty().get());
        Facts notInstalled = portal();
        notInstalled.widgetEverLoaded = false;
        notInstalled.widgetMissedCall = true;
        russian.show(SourceLine.describe(notInstalled.build(), NOW));
        assertEquals("Виджет карточки звонка не установлен: см. «Setting up the widget» в README",
                russian.textProperty().get());
    }
}
