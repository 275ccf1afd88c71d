package io.callcard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.app.history.RecurringStatisticsImport.Outcome;
import io.callcard.app.history.StatisticsImport;
import io.callcard.history.HistoryProblem;
import io.callcard.portal.PortalError;
import io.callcard.portal.PortalException;
import io.callcard.ui.Messages;
import io.callcard.ui.shell.ShellViewModel.StatusKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What the agent hears of each run of the recurring import: panes read again on change, a failure said once. */
class PortalImportReportTest {

    private final Messages messages = Messages.forLocale(Locale.ENGLISH);
    private final List<String> said = new ArrayList<>();
    private int refreshed;
    private final PortalImportReport report = new PortalImportReport(messages,
            (kind, key, args) -> said.add(kind + " " + messages.get(key, args)), () -> refreshed++);

    private static Outcome imported(int added, int corrected) {
        return new Outcome.Imported(new StatisticsImport.Summary(10, added, corrected, 10 - added - corrected, 0));
    }

    private static Outcome portalFailed(PortalError error) {
        return new Outcome.PortalFailed(new PortalException(error, "", "", 0, "voximplant.statistic.get", null));
    }

    @Test
    void thePanesReadAgainOnlyWhenARunChangedTheHistory() {
        report.accept(imported(0, 0));
        report.accept(new Outcome.NoPortal());
        assertEquals(0, refreshed);
        report.accept(imported(2, 1));
        assertEquals(1, refreshed);
        assertTrue(said.isEmpty(), "a run that worked is logged, not said: " + said);
    }

    @Test
    void aFailureIsSaidOnceWhileItLastsAndAgainAfterARunWorked() {
        report.accept(portalFailed(PortalError.INSUFFICIENT_SCOPE));
        report.accept(portalFailed(PortalError.INSUFFICIENT_SCOPE));
        assertEquals(1, said.size(), said.toString());
        assertTrue(said.get(0).startsWith("WARNING The portal's call records could not be read: "), said.get(0));
        assertTrue(said.get(0).contains(messages.get(PortalError.INSUFFICIENT_SCOPE.messageKey())), said.get(0));

        report.accept(portalFailed(PortalError.CONNECTION_REFUSED));
        assertEquals(2, said.size(), "another failure is said");
        report.accept(imported(0, 0));
        report.accept(portalFailed(PortalError.CONNECTION_REFUSED));
        assertEquals(3, said.size(), "after a run that worked the same failure is said again");
    }

    @Test
    void aHistoryThatRefusesTheChangesIsSaidAsTheRecorderSaysIt() {
        HistoryProblem full = new HistoryProblem(HistoryProblem.Kind.DISK_FULL, "The disk is full", null);
        report.accept(new Outcome.HistoryFailed(full));
        assertEquals(List.of("ERROR " + messages.get(HistoryRecording.messageKey(full), full.getMessage())), said);
    }
}
