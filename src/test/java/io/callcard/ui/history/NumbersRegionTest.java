package io.callcard.ui.history;

import static io.callcard.ui.history.PaneCalls.NOW;
import static io.callcard.ui.history.PaneCalls.unlinked;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callcard.call.CallDirection;
import io.callcard.history.HistoryCall;
import io.callcard.history.HistoryQuery;
import io.callcard.history.Outcome;
import io.callcard.history.sqlite.SqliteCallHistory;
import io.callcard.ui.Messages;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Choosing another number region redraws every number shown at once, without the toolkit: the details already open
 * (today's and the full view's) say the number again, and the words tell the views (their lists and table redraw).
 */
class NumbersRegionTest {

    @TempDir
    Path dir;
    private SqliteCallHistory store;
    private HistoryModels models;
    /** The agent's preferences (standing for the running preferences: any edit changes them). */
    private final StringProperty preferences = new SimpleStringProperty("region=ZZ theme=light");

    @BeforeEach
    void open() throws Exception {
        // kept as dialled: no country code, so how it reads depends on the region
        store = PaneCalls.store(dir.resolve("history.db"), List.of(unlinked("k1", NOW.minus(Duration.ofMinutes(5)),
                "84951234567", CallDirection.INCOMING, Outcome.MISSED)));
        models = new HistoryModels(Messages.forLocale(Locale.ENGLISH), Clock.fixed(NOW, ZoneOffset.UTC),
                Runnable::run, Runnable::run, Runnable::run);
        models.readNumbersIn(() -> preferences.get().substring(7, 9), preferences);
        models.attach(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static String numberFact(CallDetailsModel details) {
        return details.facts().stream().filter(f -> f.label().equals("Number")).findFirst().orElseThrow().value();
    }

    @Test
    void theOpenDetailsAndTheViewsFollowTheRegionAtOnce() {
        HistoryCall call = models.today().calls().get(0);
        models.today().select(call);
        models.full().select(store.page(HistoryQuery.ALL, 0, 1).get(0));
        assertEquals("84951234567", numberFact(models.today().details()), "no region: shown as kept");
        List<String> redrawn = new ArrayList<>();
        models.full().words().regionProperty().addListener((o, was, now) -> redrawn.add(now));

        preferences.set("region=RU theme=light");

        assertEquals("+7 495 123-45-67", numberFact(models.today().details()), "today's details, not selected again");
        assertEquals("+7 495 123-45-67", numberFact(models.full().details()), "the full view's details");
        assertEquals(List.of("RU"), redrawn, "the views are told to draw their numbers again");
        assertEquals("+7 495 123-45-67", models.full().words().number(call));
    }

    @Test
    void aPreferenceChangedElsewhereRedrawsNothing() {
        preferences.set("region=RU theme=light");
        List<String> redrawn = new ArrayList<>();
        models.full().words().regionProperty().addListener((o, was, now) -> redrawn.add(now));
        preferences.set("region=RU theme=dark"); // another edit of the preferences: the same region
        assertEquals(List.of(), redrawn);
        preferences.set("region=DE theme=dark");
        assertEquals(List.of("DE"), redrawn);
    }
}
