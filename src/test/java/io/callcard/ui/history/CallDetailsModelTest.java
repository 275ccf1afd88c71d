package io.callcard.ui.history;

import static io.callcard.ui.history.PaneCalls.NOW;
import static io.callcard.ui.history.PaneCalls.answered;
import static io.callcard.ui.history.PaneCalls.unlinked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallDirection;
import io.callcard.history.HistoryCall;
import io.callcard.history.Outcome;
import io.callcard.history.sqlite.SqliteCallHistory;
import io.callcard.ui.Messages;
import io.callcard.ui.callcard.CrmPages;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The selected call's details: facts in words, its timeline from the store, copy number, open in Bitrix24. */
class CallDetailsModelTest {

    private static final HistoryCall IVAN = answered("d1", NOW.minus(Duration.ofMinutes(30)), "+74951234567", 797,
            "Иван Петров", 125);
    private static final HistoryCall BUSY = unlinked("d2", NOW.minus(Duration.ofHours(1)), "+74957654321",
            CallDirection.OUTGOING, Outcome.BUSY);

    @TempDir
    Path dir;
    private SqliteCallHistory store;
    private final List<String> copied = new ArrayList<>();
    private final List<String> opened = new ArrayList<>();
    private CallDetailsModel details;
    private HistoryModels models;

    private final CrmPages portal = new CrmPages() {
        @Override
        public Optional<String> portalOrigin() {
            return Optional.of("https://acme.bitrix24.ru");
        }

        @Override
        public void open(String url) {
            opened.add(url);
        }
    };

    @BeforeEach
    void open() throws Exception {
        store = PaneCalls.store(dir.resolve("history.db"), List.of(IVAN, BUSY));
        models = new HistoryModels(Messages.forLocale(Locale.ENGLISH), Clock.fixed(NOW, ZoneOffset.UTC),
                Runnable::run, Runnable::run, Runnable::run);
        models.use(copied::add, portal);
        models.attach(store);
        details = models.full().details();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private String fact(String label) {
        return details.facts().stream().filter(f -> f.label().equals(label)).map(CallDetailsModel.Fact::value)
                .findFirst().orElse(null);
    }

    @Test
    void aLinkedAnsweredCallsFactsAndTimeline() {
        models.full().select(IVAN);
        assertEquals("Иван Петров", details.titleProperty().get());
        assertEquals("+7 495 123-45-67", fact("Number"));
        assertEquals("Иван Петров", fact("Contact"));
        assertEquals("Incoming", fact("Direction"));
        assertEquals("Answered", fact("Outcome"));
        assertEquals("2:05", fact("Talked"));
        assertEquals("0:06", fact("Rang"));
        assertEquals("call-d1", fact("CALL_ID"));
        assertEquals(null, fact("Failure"), "a call that succeeded has no failure line");
        assertEquals(List.of("ServerCallStarted", "ServerCallEnded"),
                details.timeline().stream().map(CallDetailsModel.TimelineLine::kind).toList());
        assertEquals("server events", details.timeline().get(0).source());
        assertEquals("call card widget", details.timeline().get(1).source());
    }

    @Test
    void copyNumberAndOpenTheContactInBitrix24() {
        models.full().select(IVAN);
        assertTrue(details.canCopyProperty().get());
        assertTrue(details.canOpenProperty().get());
        details.copyNumber();
        details.openInPortal();
        assertEquals(List.of("+74951234567"), copied, "shown as read, copied as E.164");
        assertEquals(List.of("https://acme.bitrix24.ru/crm/contact/details/797/"), opened);
    }

    @Test
    void anUnlinkedFailedCallHasNoPageToOpenAndSaysItsFailure() {
        models.full().select(BUSY);
        assertEquals("+7 495 765-43-21", details.titleProperty().get());
        assertEquals("486 Busy here", fact("Failure"));
        assertEquals("Busy", fact("Outcome"));
        assertFalse(details.canOpenProperty().get());
        details.openInPortal();
        assertEquals(List.of(), opened);
    }

    @Test
    void withoutAPortalNothingOpensAndNothingSelectedShowsNothing() {
        models.use(copied::add, CrmPages.NONE);
        models.full().select(IVAN);
        assertFalse(details.canOpenProperty().get());
        models.full().select(null);
        assertEquals(List.of(), details.facts());
        assertEquals(List.of(), details.timeline());
        assertFalse(details.canCopyProperty().get());
        details.copyNumber();
        assertEquals(List.of(), copied);
    }
}
