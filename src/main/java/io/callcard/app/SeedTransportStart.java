package io.callcard.app;

import io.callcard.app.cli.SavedPortal;
import io.callcard.config.PortalSettings;
import io.callcard.config.SecretStore;
import io.callcard.listener.LoopbackListener;
import io.callcard.listener.SeedTransportLink;
import io.callcard.portal.PortalClient;
import io.callcard.portal.PortalClock;
import io.callcard.portal.PortalCredentials;
import io.callcard.portal.RequestBudget;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up with a configured portal: tries the seed REST transport with the saved credentials
 * ({@link SeedTransportLink}: one {@code placement.call getStatus}; a refusal costs nothing more). The client is paced
 * by the portal's plan (protocol.md §4), and refreshed OAuth tokens are stored back, as {@code portal test} does.
 */
final class SeedTransportStart {

    private static final Logger log = LoggerFactory.getLogger(SeedTransportStart.class);

    private SeedTransportStart() {
    }

    /** The link trying {@code portal}; empty when the saved credentials cannot be used (logged). */
    static Optional<SeedTransportLink> start(PortalSettings portal, SecretStore secrets, LoopbackListener listener,
                                             SeedTransportLink.Report report) {
        PortalCredentials credentials;
        try {
            credentials = SavedPortal.credentials(portal, secrets);
        } catch (SavedPortal.Unusable e) {
            log.warn("The seed transport was not tried: the saved portal cannot be used ({})", e.problem());
            return Optional.empty();
        }
        RequestBudget budget = portal.effectiveRateLimit() == PortalSettings.RateLimit.ENTERPRISE
                ? RequestBudget.enterprise(PortalClock.system()) : RequestBudget.standard(PortalClock.system());
        PortalClient client = PortalClient.builder(credentials, AppVersion.current()).budget(budget)
                .tokenSink(SavedPortal.storingIn(secrets)).build();
        return Optional.of(SeedTransportLink.start(listener, client, report));
    }
}
