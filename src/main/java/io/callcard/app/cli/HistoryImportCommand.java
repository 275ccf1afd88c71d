package io.callcard.app.cli;

import io.callcard.app.AppPaths;
import io.callcard.app.AppVersion;
import io.callcard.app.history.StatisticsImport;
import io.callcard.config.PortalSettings;
import io.callcard.config.SecretStore;
import io.callcard.config.SecretStores;
import io.callcard.config.Settings;
import io.callcard.config.SettingsException;
import io.callcard.config.SettingsStore;
import io.callcard.history.HistoryProblem;
import io.callcard.history.sqlite.SqliteCallHistory;
import io.callcard.portal.PortalClient;
import io.callcard.portal.PortalClock;
import io.callcard.portal.PortalCredentials;
import io.callcard.portal.PortalException;
import io.callcard.portal.RequestBudget;
import io.callcard.portal.WebhookUrl;
import io.callcard.portal.WebhookUrlException;
import io.callcard.ui.Messages;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code callcard history import --from-portal [--since DATE]}: reads the portal's call records
 * ({@code voximplant.statistic.get}, within the portal's rate limit) from the start of {@code DATE} (default: a week
 * ago) until now, and fills in or corrects what the companion missed or heard only partly ({@link StatisticsImport}).
 * Run it again and nothing changes. Uses the portal saved in the settings, or the one {@code --webhook} names.
 */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fill in the call history from the portal's own call records (voximplant.statistic.get).")
public final class HistoryImportCommand implements Callable<Integer> {

    static final int DONE = 0;
    static final int FAILED = 1;
    static final int NOTHING_TO_DO = 2;
    /** How far back an import without --since reads. */
    static final int DEFAULT_DAYS = 7;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    HomeAndLanguage where = new HomeAndLanguage();

    @Option(names = "--from-portal", required = true,
            description = "Read the portal's call records (the only source there is today; say it to mean it).")
    boolean fromPortal;

    @Option(names = "--since", paramLabel = "DATE",
            description = "First day to read (YYYY-MM-DD), in this computer's time zone (default: 7 days ago).")
    LocalDate since;

    @Option(names = "--webhook", paramLabel = "URL",
            description = "An inbound webhook URL to read from instead of the saved connection.")
    String webhook;

    /** The clock that says what "now" is; a test sets it. */
    Clock clock = Clock.systemDefaultZone();

    @Override
    public Integer call() {
        Messages words = where.words();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AppPaths paths = where.paths();
        ZoneId zone = clock.getZone();
        OffsetDateTime until = OffsetDateTime.now(clock);
        LocalDate firstDay = since != null ? since : until.toLocalDate().minusDays(DEFAULT_DAYS);
        OffsetDateTime from = firstDay.atStartOfDay(zone).toOffsetDateTime();
        if (!from.isBefore(until)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--since " + firstDay + " is not in the past: there is nothing to import yet");
        }
        PortalClient.Builder builder = portal(paths, words, err);
        if (builder == null) {
            return NOTHING_TO_DO;
        }
        SqliteCallHistory history = HistoryFile.forWriting(paths, words, err);
        if (history == null) {
            return FAILED;
        }
        try (history; PortalClient client = builder.build()) {
            out.println(words.get("cli.history.import.reading", firstDay));
            out.flush();
            StatisticsImport.Summary summary = new StatisticsImport(history, clock).run(client, from, until,
                    (done, total) -> {
                        err.println(words.get("cli.history.import.pages", done, total));
                        err.flush();
                    });
            out.println(words.get("cli.history.import.done", summary.records(), summary.added(), summary.corrected(),
                    summary.unchanged(), summary.skipped()));
            return DONE;
        } catch (PortalException e) {
            err.println(words.get("cli.history.import.portalFailed", words.get(e.error().messageKey())));
            return FAILED;
        } catch (HistoryProblem problem) {
            err.println(HistoryFile.problem(words, problem, history.file()));
            return FAILED;
        }
    }

    /** The portal client to read with, or null (said on {@code err}) when no portal is given or saved. */
    private PortalClient.Builder portal(AppPaths paths, Messages words, PrintWriter err) {
        RequestBudget budget = RequestBudget.standard(PortalClock.system());
        if (webhook != null) {
            try {
                return PortalClient.builder(WebhookUrl.parse(webhook), AppVersion.current()).budget(budget);
            } catch (WebhookUrlException e) {
                err.println(words.get(e.messageKey()));
                return null;
            }
        }
        Settings settings;
        try {
            settings = new SettingsStore(paths.configDir()).load();
        } catch (SettingsException e) {
            err.println(words.get("cli.portal.settingsUnusable", e.file(), e.detail()));
            return null;
        }
        SecretStore secrets = SecretStores.open(paths.configDir());
        PortalCredentials credentials;
        try {
            credentials = SavedPortal.credentials(settings.portal(), secrets);
        } catch (SavedPortal.Unusable e) {
            err.println(words.get("cli.portal.saved." + e.problem().name(), secrets.describe()));
            return null;
        }
        if (settings.portal().effectiveRateLimit() == PortalSettings.RateLimit.ENTERPRISE) {
            budget = RequestBudget.enterprise(PortalClock.system());
        }
        return PortalClient.builder(credentials, AppVersion.current()).budget(budget)
                .tokenSink(SavedPortal.storingIn(secrets));
    }
}
