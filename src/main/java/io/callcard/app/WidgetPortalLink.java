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
 * What a real portal's widget load means for the companion. The first load from a portal other than the sandbox
 * says a real call card is talking to us ({@link Report#realPortalSeen}). While no portal is saved, and only if the
 * user agreed ({@code offerWidgetCredentials}), the token pair that load handed over signs the companion's REST
 * calls: it is checked with {@code user.current} and the outcome reported. A pair is checked once; the next load
 * brings a fresh one when it expires (the widget's pair cannot be refreshed without the application's secret).
 * Runs on its own thread: the tracker's thread must never wait on the network.
 */
final class WidgetPortalLink implements AutoCloseable {

    static final String THREAD_NAME = "widget-portal-link";
    private static final Duration CLOSE_GRACE = Duration.ofMillis(100);

    private static final Logger log = LoggerFactory.getLogger(WidgetPortalLink.class);

    /** Where the outcomes go. */
    interface Report {
        /**
         * Called once, on the listener's thread while it answers the first real load, before that load's event
         * reaches the tracker: whatever is stopped here cannot overtake the real call on the card.
         */
        void realPortalSeen(String domain);

        // these two on the link's own thread

        void signedIn(String domain, PortalIdentity identity);

        void signInFailed(String domain, PortalError error);
    }

    private final boolean offerAllowed;
    private final boolean portalSaved;
    private final String sandboxDomain;
    private final Function<PortalCredentials, PortalClient> clients;
    private final Report report;
    private final ExecutorService worker = BackgroundThreads.singleThread(THREAD_NAME);

    private final AtomicBoolean realPortalSeen = new AtomicBoolean();
    // written only on the worker thread
    private String lastCheckedToken;
    private volatile PortalClient client;

    /** Watches {@code credentials}: every widget load's pair is looked at, in order. */
    WidgetPortalLink(boolean offerAllowed, boolean portalSaved, String sandboxDomain, WidgetCredentials credentials,
                     Function<PortalCredentials, PortalClient> clients, Report report) {
        this.offerAllowed = offerAllowed;
        this.portalSaved = portalSaved;
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
        if (portalSaved || !offerAllowed || auth.accessToken().equals(lastCheckedToken)) {
            return;
        }
        lastCheckedToken = auth.accessToken();
        PortalCredentials.OAuth pair;
        try {
            pair = PortalCredentials.OAuth.fromWidget(originOf(auth.domain()), auth.accessToken(),
                    auth.refreshToken());
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
