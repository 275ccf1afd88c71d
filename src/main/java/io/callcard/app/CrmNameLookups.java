package io.callcard.app;

import io.callcard.call.CallEvent;
import io.callcard.call.CallSnapshot;
import io.callcard.call.CallTracker;
import io.callcard.call.CallUpdate;
import io.callcard.call.CrmNames;
import io.callcard.call.CrmRef;
import io.callcard.portal.CrmDirectory;
import io.callcard.portal.CrmName;
import io.callcard.portal.PortalClient;
import io.callcard.threads.BackgroundThreads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks up the names of the CRM items the card's call is linked to ({@link CrmDirectory}: cached and coalesced, so a
 * busy line asks the portal once per item) and tells the tracker as {@link CallEvent.CrmNamesLearned}. The names go
 * through the tracker rather than straight to the view-model because the reducer already knows which call is on the
 * card: a name looked up for a call that another call replaced is dropped there, on the tracker's one thread, with no
 * second notion of "the current call" to keep in step.
 *
 * <p>One thread, {@value #THREAD_NAME}, follows the tracker and makes the requests, off the FX and tracker threads.
 * Each item is asked about once per call; without credentials the card learns at once that names are unavailable.
 */
public final class CrmNameLookups implements AutoCloseable {

    public static final String THREAD_NAME = "crm-names";
    private static final Duration CLOSE_GRACE = Duration.ofMillis(200);
    private static final Logger log = LoggerFactory.getLogger(CrmNameLookups.class);

    private final CallTracker tracker;
    private final Supplier<Optional<PortalClient>> clients;
    private final Clock clock;
    private final ExecutorService thread = BackgroundThreads.singleThread(THREAD_NAME);
    private final AutoCloseable subscription;

    // on the lookup thread only
    private String callId;
    private Instant openedAt;
    private final Set<CrmRef> asked = new HashSet<>();
    private boolean toldNoCredentials;
    private PortalClient directoryClient;
    private CrmDirectory directory;

    /** Follows {@code tracker} from now on; {@code clients} is asked at each look-up (see {@link LookupCredentials}). */
    public CrmNameLookups(CallTracker tracker, Supplier<Optional<PortalClient>> clients, Clock clock) {
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.subscription = tracker.subscribe(this::heard);
    }

    /** On the tracker's thread: hand the news over at once. */
    private void heard(CallUpdate update) {
        CallSnapshot now = update.current();
        try {
            thread.execute(() -> follow(now));
        } catch (RejectedExecutionException closed) {
            // shutting down: no more look-ups
        }
    }

    private void follow(CallSnapshot s) {
        if (s.callId() == null) {
            return;
        }
        if (!s.callId().equals(callId) || !s.openedAt().equals(openedAt)) {
            callId = s.callId();
            openedAt = s.openedAt();
            asked.clear();
            toldNoCredentials = false;
        }
        Set<CrmRef> wanted = new LinkedHashSet<>();
        if (s.entity() != null) {
            wanted.add(s.entity());
        }
        wanted.addAll(s.bindings());
        wanted.removeAll(asked);
        if (wanted.isEmpty()) {
            return;
        }
        Optional<PortalClient> client = clients.get();
        if (client.isEmpty()) {
            if (!toldNoCredentials) {
                toldNoCredentials = true; // asked again with the next update: a widget's pair may have come meanwhile
                submit(callId, openedAt, CrmNames.unavailable(CrmNames.Missing.NO_CREDENTIALS));
            }
            return;
        }
        CrmDirectory names = directoryFor(client.get());
        String id = callId;
        Instant opened = openedAt;
        for (CrmRef ref : wanted) {
            asked.add(ref);
            names.name(ref).whenComplete((name, failure) -> {
                if (failure != null) {
                    log.warn("The name of {} could not be looked up: {}", ref, failure.toString());
                    submit(id, opened, CrmNames.unnamed(ref, CrmNames.Missing.PORTAL_ERROR));
                } else {
                    submit(id, opened, learned(name));
                }
            });
        }
    }

    private static CrmNames learned(CrmName name) {
        if (!name.exists()) {
            return CrmNames.unnamed(name.ref(), CrmNames.Missing.NOT_FOUND);
        }
        // an item without a title keeps its "Contact #797"
        return name.name().isEmpty() ? CrmNames.NONE : CrmNames.found(name.ref(), name.name());
    }

    /** One directory per client: names from the sandbox are not the real portal's. */
    private CrmDirectory directoryFor(PortalClient client) {
        if (client != directoryClient) {
            directoryClient = client;
            directory = new CrmDirectory(client, thread);
        }
        return directory;
    }

    private void submit(String id, Instant opened, CrmNames names) {
        tracker.submit(new CallEvent.CrmNamesLearned(clock.instant(), id, opened, names))
                .whenComplete((snapshot, failure) -> {
                    if (failure != null) {
                        log.warn("The call tracker did not take the CRM names of call {}", id, failure);
                    }
                });
    }

    /** Stops following the tracker; a request under way gets a moment, then its thread is interrupted. */
    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception impossible) {
            log.debug("Unsubscribing from the tracker failed", impossible);
        }
        BackgroundThreads.stop(thread, CLOSE_GRACE);
    }
}
