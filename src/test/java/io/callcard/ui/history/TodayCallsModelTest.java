package io.callcard.ui.history;

import static io.callcard.ui.history.PaneCalls.NOW;
import static io.callcard.ui.history.PaneCalls.answered;
import static io.callcard.ui.history.PaneCalls.unlinked;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callcard.call.CallDirection;
import io.callcard.history.HistoryCall;
import io.callcard.history.Outcome;
import io.callcard.history.sqlite.SqliteCallHistory;
import io.callcard.ui.Messages;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Today's calls under the card: today's only, newest first, read again when calls are recorded. */
class TodayCallsModelTest {

    /** Moscow: 15:00 UTC is 18:00 there, so "today" there began at 21:00 UTC the day before. */
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @TempDir
    Path dir;
    private SqliteCallHistory store;
    private HistoryModels models;
    private TodayCallsModel today;

    @BeforeEach
    void open() throws Exception {
        store = PaneCalls.store(dir.resolve("history.db"), List.of(
                answered("t1", NOW.minus(Duration.ofHours(1)), "+74951234567", 797, "Иван Петров", 40),
                unlinked("t2", NOW.minus(Duration.ofHours(17)), "+74957654321", CallDirection.INCOMING,
                        Outcome.MISSED),
                unlinked("y1", NOW.minus(Duration.ofHours(19)), "+79161112233", CallDirection.OUTGOING,
                        Outcome.FAILED)));
        models = new HistoryModels(Messages.forLocale(Locale.ENGLISH), Clock.fixed(NOW, MOSCOW), Runnable::run,
                Runnable::run, Runnable::run);
        today = models.today();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<String> keys() {
        return today.calls().stream().map(HistoryCall::key).toList();
    }

    @Test
    void todayInTheAgentsZoneNewestFirst() {
        assertEquals("The history is opening…", today.emptyTextProperty().get());
        models.attach(store);
        assertEquals(List.of("t1", "t2"), keys(), "22:00 UTC yesterday is 01:00 today in Moscow; 20:00 UTC is not");
        HistoryWords words = today.words();
        assertEquals("5:00 PM", words.timeOfDay(today.calls().get(0).firstHeard()));
        assertEquals("Иван Петров", words.who(today.calls().get(0)));
        assertEquals("+7 495 765-43-21", words.who(today.calls().get(1)));
        assertEquals("0:40", words.talk(today.calls().get(0).talkSeconds()));
    }

    @Test
    void aRecordedCallJoinsTheListAndTheSelectedOneShowsItsNewestFacts() throws Exception {
        models.attach(store);
        HistoryCall ringing = unlinked("t3", NOW.minus(Duration.ofMinutes(2)), "+74990000001",
                CallDirection.INCOMING, Outcome.IN_PROGRESS);
        PaneCalls.write(store, List.of(ringing));
        models.callsChanged();
        assertEquals(List.of("t3", "t1", "t2"), keys());
        today.select(today.calls().get(0));
        assertEquals("In progress", factOf("Outcome"));

        PaneCalls.write(store, List.of(answered("t3", ringing.firstHeard(), "+74990000001", 5, "Мария Иванова", 12)));
        models.callsChanged();

        assertEquals("Answered", factOf("Outcome"));
        assertEquals("Мария Иванова", today.details().titleProperty().get());
    }

    @Test
    void aDayWithoutCallsSaysSo() throws Exception {
        store.close();
        store = SqliteCallHistory.open(dir.resolve("empty.db"));
        models.attach(store);
        assertEquals(List.of(), keys());
        assertEquals("No calls yet today.", today.emptyTextProperty().get());
        models.unavailable("the file is locked", WayOut.none());
        assertEquals("the file is locked", today.emptyTextProperty().get());
    }

    private String factOf(String label) {
        return today.details().facts().stream().filter(f -> f.label().equals(label))
                .map(CallDetailsModel.Fact::value).findFirst().orElse(null);
    }
}
