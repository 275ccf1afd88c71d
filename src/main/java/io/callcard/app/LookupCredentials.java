package io.callcard.app;

import io.callcard.app.cli.SavedPortal;
import io.callcard.config.PortalSettings;
import io.callcard.config.SecretStore;
import io.callcard.portal.PortalClient;
import io.callcard.portal.PortalClock;
import io.callcard.portal.RequestBudget;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * Which client signs the companion's read-only look-ups about the calls it shows (their outcome, CRM names), in this
 * order: while the sandbox plays, the sandbox portal's own webhook (its calls are in its records only); else the saved
 * portal's webhook or OAuth connection; else the token pair of the widget that reported the call, once {@link WidgetPortalLink} checked it (it decides when that
 * pair may be used; the README's section on credentials says why). Asked at each look-up, so a widget's pair that
 * arrives later, or the sandbox stopping for a real portal, count from then on. Safe from any thread.
 */
final class LookupCredentials implements Supplier<Optional<PortalClient>>, AutoCloseable {

    private final PortalClient saved;
    private final Supplier<Optional<PortalClient>> widget;
    private volatile PortalClient sandbox;

    /** {@code saved}: the saved portal's client, or null; {@code widget}: the widget's checked pair, if any. */
    LookupCredentials(PortalClient saved, Supplier<Optional<PortalClient>> widget) {
        this.saved = saved;
        this.widget = widget;
    }

    /**
     * The saved portal's client, or null when none is saved or its secrets cannot be used (logged: the widget's pair
     * or nothing will do). Refreshed OAuth tokens are stored back; the plan's rate limit paces the requests.
     */
    static PortalClient savedClient(PortalSettings portal, SecretStore secrets) {
        if (portal == null) {
            return null;
        }
        try {
            RequestBudget budget = portal.effectiveRateLimit() == PortalSettings.RateLimit.ENTERPRISE
                    ? RequestBudget.enterprise(PortalClock.system()) : RequestBudget.standard(PortalClock.system());
            return PortalClient.builder(SavedPortal.credentials(portal, secrets), AppVersion.current()).budget(budget)
                    .tokenSink(SavedPortal.storingIn(secrets)).build();
        } catch (SavedPortal.Unusable e) {
            LoggerFactory.getLogger(LookupCredentials.class)
                    .warn("The saved portal's credentials cannot be used ({}); look-ups use the widget's pair", e
                            .problem());
            return null;
        }
    }

    /** The sandbox's client from now on (null: the sandbox stopped). */
    void useSandbox(PortalClient client) {
        sandbox = client;
    }

    @Override
    public Optional<PortalClient> get() {
        PortalClient sandboxClient = sandbox;
        if (sandboxClient != null) {
            return Optional.of(sandboxClient); // the sandbox's calls are in its records only (even under --sandbox)
        }
        if (saved != null) {
            return Optional.of(saved);
        }
        return widget.get();
    }

    /**
     * The origin of the portal the look-ups ask, where its CRM pages are; empty while the sandbox plays (its server
     * has no CRM pages to open) or when there is no portal to ask.
     */
    Optional<String> portalOrigin() {
        if (sandbox != null) {
            return Optional.empty();
        }
        return (saved != null ? Optional.of(saved) : widget.get()).map(c -> c.credentials().portal());
    }

    /** Closes the saved portal's client (the sandbox's and the widget's belong to their owners). */
    @Override
    public void close() {
        if (saved != null) {
            saved.close();
        }
    }
}
