package io.callcard.app;

import io.callcard.portal.PortalClient;
import io.callcard.portal.PortalError;
import io.callcard.portal.PortalException;
import io.callcard.portal.TimelineComments;
import io.callcard.threads.BackgroundThreads;
import io.callcard.ui.callcard.CallNotes;
import io.callcard.ui.callcard.NoteDraft;
import io.callcard.ui.callcard.NoteProgress;
import io.callcard.wire.Loopback;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The card's notes on their way to the CRM timeline: each is written to {@link OutboxFile} before anything else, then
 * added with {@code crm.timeline.comment.add} through the look-up credentials ({@link LookupCredentials}), and tried
 * again with growing pauses while the portal cannot be reached. A note is never lost (it is on disk until added or
 * refused, and stays there for a while after) and never added twice: it is marked {@link KeptNote.State#SENDING}
 * on disk before each request, and a note found so marked (the answer was lost, or the companion stopped before it
 * recorded it) is first looked for on the timeline ({@link TimelineComments#find}) and only sent again if it is not
 * there. An error the portal will repeat (no access, no such item) is final: the note is kept as refused, for the
 * agent to copy. The README's section on notes says the same for users.
 *
 * <p>All the work runs on one thread, {@value #THREAD_NAME}; the public methods may be called from any thread.
 */
public final class NoteOutbox implements CallNotes, AutoCloseable {

    public static final String THREAD_NAME = "note-outbox";
    /** Comments created this long before a note was first sent still count as it: the portal's clock may differ. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** Added notes stay in the file this long (their comment ids tell them apart from a later note's same words). */
    static final Duration KEEP_ADDED = Duration.ofDays(7);
    /** Refused notes stay this long for the agent to copy. */
    static final Duration KEEP_REFUSED = Duration.ofDays(30);
    private static final Duration CLOSE_GRACE = Duration.ofMillis(300);
    private static final Logger log = LoggerFactory.getLogger(NoteOutbox.class);

    /** The pause before the n-th retry: {@code first} doubled each time, at most {@code max}. */
    record Backoff(Duration first, Duration max) {
        static final Backoff STANDARD = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5));

        Duration after(int failures) {
            long millis = first.toMillis() << Math.min(Math.max(failures - 1, 0), 20);
            return Duration.ofMillis(Math.min(millis, max.toMillis()));
        }
    }

    private final OutboxFile file;
    private final Supplier<Optional<PortalClient>> clients;
    private final Clock clock;
    private final Backoff backoff;
    private final ScheduledExecutorService thread = BackgroundThreads.scheduler(THREAD_NAME);
    private final List<Consumer<NoteProgress>> listeners = new CopyOnWriteArrayList<>();

    // on the outbox thread only
    private final Map<String, KeptNote> notes = new LinkedHashMap<>();
    private final Map<String, Integer> failures = new HashMap<>();
    /** Notes with a retry already scheduled. */
    private final Set<String> scheduled = new HashSet<>();
    private boolean loaded;

    /** {@code clients} is asked at each attempt (see {@link LookupCredentials}). Nothing is read until {@link #start}. */
    public NoteOutbox(Path dataDir, Supplier<Optional<PortalClient>> clients, Clock clock) {
        this(dataDir, clients, clock, Backoff.STANDARD);
    }

    NoteOutbox(Path dataDir, Supplier<Optional<PortalClient>> clients, Clock clock, Backoff backoff) {
        this.file = new OutboxFile(dataDir);
        this.clients = Objects.requireNonNull(clients, "clients");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
    }

    /** Reads the notes kept by an earlier run and sends those not yet added. */
    public void start() {
        run(() -> {
            ensureLoaded();
            List<String> unsent = notes.values().stream().filter(n -> !n.isFinal()).map(KeptNote::id).toList();
            if (!unsent.isEmpty()) {
                log.info("{} note(s) kept from an earlier run are on their way to the CRM", unsent.size());
            }
            unsent.forEach(this::attempt);
        });
    }

    @Override
    public void add(NoteDraft draft) {
        Objects.requireNonNull(draft, "draft");
        run(() -> {
            ensureLoaded(); // an earlier run's notes first: the file is rewritten whole at each change
            KeptNote note = KeptNote.waiting(draft.noteId(), draft.callId(), draft.entity(), draft.text(),
                    clock.instant());
            notes.put(note.id(), note);
            save();
            attempt(note.id());
        });
    }

    @Override
    public AutoCloseable listen(Consumer<NoteProgress> listener) {
        Objects.requireNonNull(listener, "listener");
        run(() -> {
            ensureLoaded();
            listeners.add(listener);
            for (KeptNote note : notes.values()) {
                if (!note.isFinal()) {
                    listener.accept(progress(note, NoteProgress.State.WAITING, note.error()));
                }
            }
        });
        return () -> listeners.remove(listener);
    }

    /** Stops sending; a request under way gets a moment, and a note it leaves as sending is checked at next start. */
    @Override
    public void close() {
        BackgroundThreads.stop(thread, CLOSE_GRACE);
    }

    private void ensureLoaded() {
        if (!loaded) {
            loaded = true;
            load();
        }
    }

    private void load() {
        List<KeptNote> kept;
        try {
            kept = file.read();
        } catch (OutboxFile.Unreadable e) {
            setAside(e.getMessage());
            return;
        } catch (IOException e) {
            log.warn("The note outbox {} could not be read ({}); notes added now are kept in memory", file.path(),
                    e.toString());
            return;
        }
        Instant now = clock.instant();
        for (KeptNote note : kept) {
            boolean stale = note.state() == KeptNote.State.ADDED && note.keptAt().plus(KEEP_ADDED).isBefore(now)
                    || note.state() == KeptNote.State.REFUSED && note.keptAt().plus(KEEP_REFUSED).isBefore(now);
            if (!stale) {
                notes.putIfAbsent(note.id(), note);
            }
        }
        if (notes.size() != kept.size()) {
            save();
        }
    }

    private void setAside(String why) {
        try {
            Path aside = file.setAside(clock.instant());
            log.warn("The note outbox could not be read ({}); it was moved to {} and a new one started", why, aside);
        } catch (IOException e) {
            log.warn("The note outbox {} could not be read ({}) nor moved aside ({})", file.path(), why, e.toString());
        }
    }

    /** One try at getting note {@code id} onto its timeline; on the outbox thread. */
    private void attempt(String id) {
        scheduled.remove(id);
        KeptNote note = notes.get(id);
        if (note == null || note.isFinal()) {
            return;
        }
        Optional<PortalClient> client = clients.get();
        if (client.isEmpty()) {
            retryLater(note, "note.reason.noPortal");
            return;
        }
        String portal = client.get().credentials().portal();
        if (note.portal() != null && !samePortal(note.portal(), portal)) {
            retryLater(note, "note.reason.otherPortal");
            return;
        }
        TimelineComments timeline = new TimelineComments(client.get());
        try {
            if (note.state() == KeptNote.State.SENDING) {
                Instant firstSent = note.firstSentAt() != null ? note.firstSentAt() : note.keptAt();
                Optional<Long> there = timeline.find(note.entity(), note.text(), firstSent.minus(CLOCK_SKEW),
                        this::claimed);
                if (there.isPresent()) {
                    log.info("Note {} was already on the timeline of {} (comment {}): not sent again", id,
                            note.entity(), there.get());
                    settle(note.added(there.get()), NoteProgress.State.ADDED);
                    return;
                }
            }
            KeptNote sending = note.sending(clock.instant(), portal);
            notes.put(id, sending);
            save(); // on disk before the request: a crash after the portal took it must not send it twice
            report(progress(sending, NoteProgress.State.SENDING, ""));
            long comment = timeline.add(note.entity(), note.text());
            log.info("Note {} added to the timeline of {} (comment {})", id, note.entity(), comment);
            settle(sending.added(comment), NoteProgress.State.ADDED);
        } catch (PortalException e) {
            KeptNote now = notes.get(id);
            if (e.error() == PortalError.CANCELLED) {
                return; // closing: the note stays as it is on disk, for the next start
            }
            if (e.retryable()) {
                log.warn("Note {} not added yet, will retry: {}", id, e.getMessage());
                retryLater(now, e.error().messageKey());
            } else {
                log.warn("Note {} refused by the portal: {}", id, e.getMessage());
                settle(now.refused(e.error().messageKey()), NoteProgress.State.REFUSED);
            }
        } catch (IllegalStateException closedClient) {
            // the credentials' owner closed that client (the sandbox stopped for a real portal): ask again later
            retryLater(notes.get(id), "note.reason.noPortal");
        }
    }

    private void settle(KeptNote note, NoteProgress.State state) {
        notes.put(note.id(), note);
        failures.remove(note.id());
        save();
        report(progress(note, state, note.error()));
    }

    private void retryLater(KeptNote note, String reasonKey) {
        KeptNote waiting = note.failed(reasonKey);
        notes.put(waiting.id(), waiting);
        save();
        int failed = failures.merge(waiting.id(), 1, Integer::sum);
        report(progress(waiting, NoteProgress.State.WAITING, reasonKey));
        if (scheduled.add(waiting.id())) {
            try {
                thread.schedule(() -> attempt(waiting.id()), backoff.after(failed).toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closing) {
                scheduled.remove(waiting.id()); // tried again at the next start
            }
        }
    }

    /** True when a kept note already owns comment {@code id}: another note with the same words. */
    private boolean claimed(long id) {
        return notes.values().stream().anyMatch(n -> n.commentId() == id);
    }

    /** The same portal; every loopback portal is the sandbox, whose CRM is the same on every run. */
    static boolean samePortal(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            return Loopback.isLoopbackHost(URI.create(a).getHost()) && Loopback.isLoopbackHost(URI.create(b).getHost());
        } catch (IllegalArgumentException notAnOrigin) {
            return false;
        }
    }

    private void save() {
        try {
            file.write(new ArrayList<>(notes.values()));
        } catch (IOException e) {
            // still sent from memory: a note that cannot be kept on disk is better on the timeline than nowhere
            log.warn("The note outbox {} could not be written: {}", file.path(), e.toString());
        }
    }

    private static NoteProgress progress(KeptNote note, NoteProgress.State state, String reasonKey) {
        return new NoteProgress(note.id(), note.entity(), note.text(), state, reasonKey);
    }

    private void report(NoteProgress progress) {
        for (Consumer<NoteProgress> listener : listeners) {
            try {
                listener.accept(progress);
            } catch (RuntimeException e) {
                log.warn("A note listener failed", e);
            }
        }
    }

    private void run(Runnable work) {
        try {
            thread.execute(work);
        } catch (RejectedExecutionException closing) {
            log.warn("The note outbox is closed: nothing more is kept or sent");
        }
    }
}
