package io.callcard.app;

import io.callcard.listener.WidgetAuth;
import io.callcard.listener.WidgetCredentials;
import io.callcard.portal.PortalClient;
import io.callcard.portal.PortalCredentials;
import io.callcard.portal.PortalError;
import io.callcard.portal.PortalException;
import io.callcard.portal.PortalIdentity;
import io.callcard.wire.Loopback;
import io.callcard.threads.BackgroundThreads;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a real portal's widget load means for the companion. It hears only loads whose token the portal proved
 * ({@link PortalWidgetProof}). The first load from a portal other than the sandbox says a real call card is talking
 * to us ({@link Report#realPortalSeen}). The token pair a load hands over (the agent's
 * own token for the local application) may sign the companion's read-only look-ups about the calls that widget
 * reports (their outcome, CRM names), checked first with {@code user.current}, kept in memory only:
 * <ul>
 *   <li>when a portal is configured, by default, but only for a widget of that very portal and only against the
 *       configured address (never the form's {@code DOMAIN}); a saved webhook or OAuth connection that can be used
 *       wins, and the pair is then not even checked;</li>
 *   <li>while no portal is configured, only if the user agreed ({@code offerWidgetCredentials}), against the
 *       widget's {@code DOMAIN}.</li>
 * </ul>
 * A pair is checked once; the next load brings a fresh one when it expires (the widget's pair cannot be refreshed
 * without the application's secret). Runs on its own thread: the tracker's thread must never wait on the network.
 */
final class WidgetPortalLink implements AutoCloseable {

    static final String THREAD_NAME = "widget-portal-link";
    private static final Duration CLOSE_GRACE = Duration.ofMillis(100);

    private static final Logger log = LoggerFactory.getLogger(WidgetPortalLink.class);

    /** Where the outcomes go. */
    interface Report {
        /**
         * Called once, when the first real portal's load is proven (on the listener's or the prover's thread), before
         * that load's event reaches the tracker: whatever is stopped here cannot overtake the real call on the card.
         */
        void realPortalSeen(String domain);

        // these two on the link's own thread

        void signedIn(String domain, PortalIdentity identity);

        void signInFailed(String domain, PortalError error);
    }

    private final boolean offerAllowed;
    /** The configured portal's address ({@code https://host}), or null while none is configured. */
    private final String configuredPortal;
    private final boolean savedCredentials;
    private final String sandboxDomain;
    private final Function<PortalCredentials, PortalClient> clients;
    private final Report report;
    private final ExecutorService worker = BackgroundThreads.singleThread(THREAD_NAME);

    private final AtomicBoolean realPortalSeen = new AtomicBoolean();
    // written only on the worker thread
    private String lastCheckedToken;
    private volatile PortalClient client;

    /**
     * Watches {@code credentials}: every widget load's pair is looked at, in order.
     *
     * @param configuredPortal the configured portal's address, or null while none is
     * @param savedCredentials whether the configured portal's saved webhook or OAuth connection can be used
     */
    WidgetPortalLink(boolean offerAllowed, String configuredPortal, boolean savedCredentials, String sandboxDomain,
                     WidgetCredentials credentials, Function<PortalCredentials, PortalClient> clients, Report report) {
        this.offerAllowed = offerAllowed;
        this.configuredPortal = configuredPortal == null ? null : configuredPortal.strip().replaceAll("/+$", "");
        this.savedCredentials = savedCredentials;
        this.sandboxDomain = Objects.requireNonNull(sandboxDomain, "sandboxDomain");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.report = Objects.requireNonNull(report, "report");
        credentials.watch(this::widgetOpened);
    }

    /** A widget page was opened with {@code auth}; the pair is looked at off the caller's thread. */
    private void widgetOpened(WidgetAuth auth) {
        if (auth.domain().equalsIgnoreCase(sandboxDomain)) {
            return;
        }
        if (realPortalSeen.compareAndSet(false, true)) {
            report.realPortalSeen(auth.domain());
        }
        try {
            worker.execute(() -> examine(auth));
        } catch (RejectedExecutionException closed) {
            // the application is shutting down
        }
    }

    /** The client signed with the widget's pair, once one was checked; for the card's CRM look-ups. */
    Optional<PortalClient> client() {
        return Optional.ofNullable(client);
    }

    /** Returns once everything handed over so far has been looked at. */
    void drain() throws InterruptedException {
        try {
            worker.submit(() -> { }).get();
        } catch (java.util.concurrent.ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private void examine(WidgetAuth auth) {
        Optional<String> portal = portalFor(auth.domain());
        if (portal.isEmpty() || auth.accessToken().equals(lastCheckedToken)) {
            return;
        }
        lastCheckedToken = auth.accessToken();
        PortalCredentials.OAuth pair;
        try {
            pair = PortalCredentials.OAuth.fromWidget(portal.get(), auth.accessToken(), auth.refreshToken());
        } catch (IllegalArgumentException e) {
            log.warn("The widget named a portal that is no web address; its tokens are not used");
            report.signInFailed(auth.domain(), PortalError.UNKNOWN_CODE);
            return;
        }
        PortalClient candidate = clients.apply(pair);
        try {
            PortalIdentity identity = PortalIdentity.fetch(candidate);
            replaceClient(candidate);
            log.info("Signed in to {} with the widget's token pair, as user {}", auth.domain(), identity.userId());
            report.signedIn(auth.domain(), identity);
        } catch (PortalException e) {
            candidate.close();
            log.warn("The widget's token pair for {} was refused: {}", auth.domain(), e.error());
            report.signInFailed(auth.domain(), e.error());
        }
    }

    private void replaceClient(PortalClient fresh) {
        if (client != null) {
            client.close();
        }
        client = fresh;
    }

    /** Where a widget of {@code domain} may sign look-ups with its pair, or empty when its pair is not to be used. */
    private Optional<String> portalFor(String domain) {
        if (configuredPortal == null) {
            return offerAllowed ? Optional.of(originOf(domain)) : Optional.empty();
        }
        if (savedCredentials) {
            return Optional.empty(); // the saved connection signs every look-up
        }
        String configuredAuthority;
        try {
            configuredAuthority = URI.create(configuredPortal).getRawAuthority();
        } catch (IllegalArgumentException unusable) {
            return Optional.empty();
        }
        if (configuredAuthority == null || !configuredAuthority.equalsIgnoreCase(domain)) {
            log.warn("A widget of {} opened while {} is configured: its tokens are not used", domain,
                    configuredAuthority);
            return Optional.empty();
        }
        return Optional.of(configuredPortal);
    }

    /** Bitrix24 portals are https; only the sandbox and tests on this machine speak plain http. */
    static String originOf(String domain) {
        return (Loopback.isLoopbackAuthority(domain) ? "http://" : "https://") + domain;
    }

    /**
     * Stops looking at widget loads. A check under way gets {@link #CLOSE_GRACE} to end; after that its thread is
     * interrupted and left to die with the process (a daemon) rather than hold up the exit.
     */
    @Override
    public void close() {
        try {
            worker.execute(() -> replaceClient(null));
        } catch (RejectedExecutionException alreadyClosed) {
            return;
        }
        BackgroundThreads.stop(worker, CLOSE_GRACE);
    }
}
