package io.callcard.app;

import io.callcard.app.history.RecurringStatisticsImport.Outcome;
import io.callcard.app.history.StatisticsImport;
import io.callcard.portal.PortalError;
import io.callcard.ui.Messages;
import io.callcard.ui.shell.ShellViewModel.StatusKind;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the agent hears of the recurring import of the portal's call records: every run is logged; the history's
 * panes read again when a run changed something; a failure is said on the status line once, not every quarter of an
 * hour while it lasts (a run that works again clears the memory, so the next failure is said again).
 */
final class PortalImportReport implements Consumer<Outcome> {

    /** Where the status line is told: a message key and its arguments. */
    interface StatusLine {
        void show(StatusKind kind, String key, Object... args);
    }

    private final Messages messages;
    private final StatusLine status;
    private final Runnable historyChanged;
    /** The failure last said on the status line, or null. Only the import's thread. */
    private String lastSaid;

    PortalImportReport(Messages messages, StatusLine status, Runnable historyChanged) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.status = Objects.requireNonNull(status, "status");
        this.historyChanged = Objects.requireNonNull(historyChanged, "historyChanged");
    }

    @Override
    public void accept(Outcome outcome) {
        if (outcome instanceof Outcome.Imported imported) {
            StatisticsImport.Summary summary = imported.summary();
            log().info("Portal's call records imported: {} read, {} added, {} corrected, {} unchanged",
                    summary.records(), summary.added(), summary.corrected(), summary.unchanged());
            lastSaid = null;
            if (imported.changedHistory()) {
                historyChanged.run();
            }
        } else if (outcome instanceof Outcome.PortalFailed failed) {
            PortalError error = failed.failure().error();
            log().warn("Portal's call records not imported: {}", error);
            sayOnce("portal:" + error, StatusKind.WARNING, "status.historyImport.portalFailed",
                    messages.get(error.messageKey()));
        } else if (outcome instanceof Outcome.HistoryFailed failed) {
            log().warn("Portal's call records not stored: {}", failed.problem().kind());
            // the same words as the recorder's own write failing: the file's problem, with its way out
            sayOnce("history:" + failed.problem().kind(), StatusKind.ERROR,
                    HistoryRecording.messageKey(failed.problem()), failed.problem().getMessage());
        } else {
            log().debug("No portal to read call records from yet");
        }
    }

    private void sayOnce(String what, StatusKind kind, String key, Object argument) {
        if (!what.equals(lastSaid)) {
            lastSaid = what;
            status.show(kind, key, argument);
        }
    }

    private static Logger log() {
        return LoggerFactory.getLogger(PortalImportReport.class);
    }
}
