package io.callcard.portal;

import io.callcard.call.CrmRef;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The names of the CRM items calls are linked to, from {@code crm.item.get}, kept so that a busy line does not
 * spend the portal's rate limit on the same few names. A name is kept for {@link Settings#ttl()}; "no such item"
 * for the shorter {@link Settings#notFoundTtl()} (it may be created in a minute); any other failure is not kept,
 * so the next look-up asks again. Look-ups of one item while its request is on the way share that request. At most
 * {@link Settings#maxEntries()} items are kept, the least recently used leaving first.
 *
 * <p>Requests run on the executor given, never on the caller's thread. Futures fail with a {@link PortalException}.
 */
public final class CrmDirectory {

    private final PortalClient client;
    private final Executor executor;
    private final PortalClock clock;
    private final Settings settings;
    private final Map<CrmRef, Entry> entries;

    public CrmDirectory(PortalClient client, Executor executor, PortalClock clock, Settings settings) {
        this.client = Objects.requireNonNull(client, "client");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<CrmRef, Entry> eldest) {
                return size() > settings.maxEntries();
            }
        };
    }

    /** With {@link Settings#standard()} on the machine's clock. */
    public CrmDirectory(PortalClient client, Executor executor) {
        this(client, executor, PortalClock.system(), Settings.standard());
    }

    /** The name of {@code ref}: at once when known, else after one request shared with every concurrent asker. */
    public CompletableFuture<CrmName> name(CrmRef ref) {
        Objects.requireNonNull(ref, "ref");
        Entry entry;
        synchronized (entries) {
            Entry known = entries.get(ref);
            if (known != null && known.isLive(clock.nanoTime())) {
                return known.future.copy(); // a copy: one caller cancelling must not cancel it for the others
            }
            entry = new Entry();
            entries.put(ref, entry);
        }
        try {
            executor.execute(() -> fetch(ref, entry));
        } catch (RejectedExecutionException e) {
            forget(ref, entry);
            entry.future.completeExceptionally(e);
        }
        return entry.future.copy();
    }

    /**
     * The CRM items the portal links to {@code phone} ({@code telephony.externalCall.searchCrmEntities}); not
     * cached, since a number may be added to a contact at any time. A blank number finds nothing without asking.
     */
    public CompletableFuture<List<CrmMatch>> searchCrmEntities(String phone) {
        if (phone == null || phone.isBlank()) {
            return CompletableFuture.completedFuture(List.of());
        }
        CompletableFuture<List<CrmMatch>> future = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    PortalResponse r = client.call("telephony.externalCall.searchCrmEntities",
                            Map.of("PHONE_NUMBER", phone.trim()));
                    future.complete(CrmMatches.read(r.result()));
                } catch (PortalException | RuntimeException e) {
                    future.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(e);
        }
        return future;
    }

    /** How many items are kept now, found or not (for tests and diagnostics). */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private void fetch(CrmRef ref, Entry entry) {
        try {
            PortalResponse r = client.call("crm.item.get",
                    Map.of("entityTypeId", ref.type().entityTypeId(), "id", ref.id()));
            String name = CrmItemNames.nameOf(ref.type(), r.result().path("item"));
            settle(entry, new CrmName(ref, name, true), settings.ttl());
        } catch (PortalException e) {
            if (e.error() == PortalError.NOT_FOUND) {
                settle(entry, CrmName.notFound(ref), settings.notFoundTtl());
            } else {
                forget(ref, entry);
                entry.future.completeExceptionally(e);
            }
        } catch (RuntimeException e) {
            forget(ref, entry);
            entry.future.completeExceptionally(e);
        }
    }

    private void settle(Entry entry, CrmName name, Duration ttl) {
        synchronized (entries) {
            entry.expiresAt = clock.nanoTime() + ttl.toNanos();
        }
        entry.future.complete(name);
    }

    /** Drops a failed entry, unless a newer one has taken its place already. */
    private void forget(CrmRef ref, Entry entry) {
        synchronized (entries) {
            entries.remove(ref, entry);
        }
    }

    /**
     * How long names are kept and how many.
     *
     * @param ttl how long a found name is kept
     * @param notFoundTtl how long "no such item" is kept
     * @param maxEntries how many items are kept at most
     */
    public record Settings(Duration ttl, Duration notFoundTtl, int maxEntries) {

        public Settings {
            Objects.requireNonNull(ttl, "ttl");
            Objects.requireNonNull(notFoundTtl, "notFoundTtl");
            if (ttl.isNegative() || notFoundTtl.isNegative() || maxEntries < 1) {
                throw new IllegalArgumentException("negative time or no room");
            }
        }

        /** Names for 10 minutes, "not found" for 1 minute, 2,000 items. */
        public static Settings standard() {
            return new Settings(Duration.ofMinutes(10), Duration.ofMinutes(1), 2_000);
        }
    }

    /** One item's request and, once answered, until when the answer holds. Guarded by {@code entries}. */
    private static final class Entry {

        final CompletableFuture<CrmName> future = new CompletableFuture<>();
        /** Meaningful only once {@link #future} is done. */
        long expiresAt;

        boolean isLive(long now) {
            return !future.isDone() || now - expiresAt < 0;
        }
    }
}
