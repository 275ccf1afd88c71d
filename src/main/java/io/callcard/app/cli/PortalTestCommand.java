package io.callcard.app.cli;

import io.callcard.app.AppPaths;
import io.callcard.app.AppVersion;
import io.callcard.config.PortalSettings;
import io.callcard.config.SecretStore;
import io.callcard.config.SecretStores;
import io.callcard.config.Settings;
import io.callcard.config.SettingsException;
import io.callcard.config.SettingsStore;
import io.callcard.portal.PortalClient;
import io.callcard.portal.PortalClock;
import io.callcard.portal.PortalCredentials;
import io.callcard.portal.PortalError;
import io.callcard.portal.PortalException;
import io.callcard.portal.PortalIdentity;
import io.callcard.portal.RequestBudget;
import io.callcard.portal.SeedPlacementTransport;
import io.callcard.portal.WebhookUrl;
import io.callcard.portal.WebhookUrlException;
import io.callcard.ui.Messages;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code callcard portal test}: the connection test an administrator runs first. Prints the portal, the user, the
 * scopes and what each scope the companion uses gives (or what its absence takes away), whether the portal offers
 * the seed REST transport, or the typed error and what to do. Exit code 0 only when the portal answered as it should
 * (a missing scope is said, not failed); 1 when it did not; 2 when there was nothing to test.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Test the connection to the portal saved in the settings, or to the one given by --webhook.")
public final class PortalTestCommand implements Callable<Integer> {

    static final int PASSED = 0;
    static final int FAILED = 1;
    static final int NOTHING_TO_TEST = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    HomeAndLanguage where = new HomeAndLanguage();

    @Option(names = "--webhook", paramLabel = "URL",
            description = "An inbound webhook URL to test instead of the saved connection.")
    String webhook;

    @Override
    public Integer call() {
        Messages words = where.words();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PortalCredentials credentials;
        SecretStore secrets = null;
        RequestBudget budget = RequestBudget.standard(PortalClock.system());
        if (webhook != null) {
            try {
                credentials = WebhookUrl.parse(webhook);
            } catch (WebhookUrlException e) {
                err.println(words.get(e.messageKey()));
                return NOTHING_TO_TEST;
            }
        } else {
            AppPaths paths = where.paths();
            Settings settings;
            try {
                settings = new SettingsStore(paths.configDir()).load();
            } catch (SettingsException e) {
                err.println(words.get("cli.portal.settingsUnusable", e.file(), e.detail()));
                return NOTHING_TO_TEST;
            }
            secrets = SecretStores.open(paths.configDir());
            try {
                credentials = SavedPortal.credentials(settings.portal(), secrets);
            } catch (SavedPortal.Unusable e) {
                err.println(words.get("cli.portal.saved." + e.problem().name(), secrets.describe()));
                return NOTHING_TO_TEST;
            }
            if (settings.portal().effectiveRateLimit() == PortalSettings.RateLimit.ENTERPRISE) {
                budget = RequestBudget.enterprise(PortalClock.system());
            }
        }
        PortalClient.Builder builder = PortalClient.builder(credentials, AppVersion.current()).budget(budget);
        if (secrets != null) {
            builder.tokenSink(SavedPortal.storingIn(secrets));
        }
        try (PortalClient client = builder.build()) {
            return report(client, words, out, err);
        }
    }

    private static int report(PortalClient client, Messages words, PrintWriter out, PrintWriter err) {
        PortalIdentity identity;
        try {
            identity = PortalIdentity.fetch(client);
        } catch (PortalException e) {
            failed(e, words, err);
            return FAILED;
        }
        out.println(words.get("cli.portal.portal", identity.portalHost()));
        out.println(words.get("cli.portal.user", identity.userName(), identity.userId()));
        out.println(identity.scopes().map(s -> words.get("cli.portal.scopes", String.join(", ", s)))
                .orElse(words.get("cli.portal.scopesUnknown")));
        List<String> missing = new ArrayList<>();
        identity.scopes().ifPresent(scopes -> {
            for (CompanionScope needed : CompanionScope.values()) {
                out.println(words.get(needed.lineKey(scopes)));
                if (!needed.grantedBy(scopes)) {
                    missing.add(needed.scope());
                }
            }
        });
        try {
            new SeedPlacementTransport(client).getStatus();
            out.println(words.get("cli.portal.seedSupported"));
        } catch (PortalException e) {
            if (e.error() != PortalError.SEED_TRANSPORT_UNSUPPORTED) {
                failed(e, words, err);
                return FAILED;
            }
            // not a failure: today's portals offer the call card only to the widget (protocol.md §1)
            out.println(words.get("cli.portal.seedUnsupported", words.get(e.error().messageKey())));
        }
        // a missing scope is not a failed connection: what still works does, and the lines above say what does not
        out.println(missing.isEmpty() ? words.get("cli.portal.passed")
                : words.get("cli.portal.passedWithout", String.join(", ", missing)));
        out.flush();
        return PASSED;
    }

    private static void failed(PortalException e, Messages words, PrintWriter err) {
        err.println(words.get("cli.portal.failed", words.get(e.error().messageKey())));
        String code = e.rawCode() == null || e.rawCode().isEmpty() ? e.error().name() : e.rawCode();
        err.println(e.httpStatus() > 0 ? words.get("cli.portal.errorCode", code, String.valueOf(e.httpStatus()))
                : words.get("cli.portal.errorCodeNoAnswer", code));
        err.flush();
    }
}
