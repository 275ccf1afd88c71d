package io.callcard.app;

import static io.callcard.testing.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallCardStatus;
import io.callcard.call.CallDirection;
import io.callcard.call.CallEvent;
import io.callcard.call.CallSnapshot;
import io.callcard.call.CallStateReducer;
import io.callcard.call.CallerNumber;
import io.callcard.call.CrmEntityType;
import io.callcard.call.CrmRef;
import io.callcard.portal.PortalClient;
import io.callcard.portal.PortalCredentials;
import io.callcard.portal.TimelineComments;
import io.callcard.portal.WebhookUrl;
import io.callcard.portal.WebhookUrlException;
import io.callcard.sandbox.rest.SandboxRestServer;
import io.callcard.sandbox.rest.SandboxTimeline;
import io.callcard.wire.CardCallState;
import io.callcard.testing.Eventually;
import io.callcard.ui.Messages;
import io.callcard.ui.callcard.CallCardViewModel;
import io.callcard.ui.callcard.NoteDraft;
import io.callcard.ui.callcard.NoteProgress;
import io.callcard.testing.OpenedParts;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The note outbox against the real sandbox REST server: a note lands on its item's timeline, waits while the portal
 * cannot be reached and is then added once, survives a restart, is not added twice when the companion stopped
 * between the portal's acceptance and the outbox's record, and is kept, not retried, when the portal refuses it.
 */
class NoteOutboxTest {

    private static final String ADD = "crm.timeline.comment.add";
    private static final String LIST = "crm.timeline.comment.list";
    private static final CrmRef CONTACT = new CrmRef(CrmEntityType.CONTACT, 3);
    private static final CrmRef DEAL = new CrmRef(CrmEntityType.DEAL, 5);
    /** Quick retries: the tests wait for what happens, not for the standard minutes. */
    private static final NoteOutbox.Backoff QUICK = new NoteOutbox.Backoff(Duration.ofMillis(20),
            Duration.ofMillis(200));

    @TempDir
    Path data;

    private final SandboxRestServer server = SandboxRestServer.builder().seed(42).start();
    private final PortalClient client = PortalClient.builder(webhook(server), "test").build();
    private final List<NoteProgress> reports = new CopyOnWriteArrayList<>();
    private final OpenedParts opened = new OpenedParts();

    @AfterEach
    void stop() throws Exception {
        opened.close();
        client.close();
        server.close();
    }

    private static PortalCredentials webhookOf(String url) {
        try {
            return WebhookUrl.parse(url);
        } catch (WebhookUrlException e) {
            throw new AssertionError(e);
        }
    }

    private static PortalCredentials webhook(SandboxRestServer server) {
        return webhookOf(server.webhookUrl());
    }

    private NoteOutbox outbox(Supplier<Optional<PortalClient>> clients) throws Exception {
        NoteOutbox outbox = new NoteOutbox(data, clients, Clock.systemUTC(), QUICK);
        opened.open(outbox);
        opened.open(outbox.listen(reports::add));
        outbox.start();
        return outbox;
    }

    private void waitForReport(String noteId, NoteProgress.State state) throws InterruptedException {
        waitFor(() -> reports.stream().anyMatch(r -> r.noteId().equals(noteId) && r.state() == state),
                () -> "note " + noteId + " " + state + "; reports so far: " + reports);
    }

    private List<KeptNote> onDisk() throws Exception {
        return new OutboxFile(data).read();
    }

    @Test
    void aNoteLandsOnItsItemsTimelineOnceAndTheFileSaysSo() throws Exception {
        NoteOutbox outbox = outbox(() -> Optional.of(client));

        outbox.add(new NoteDraft("n1", "C1", CONTACT, "Wants a callback on Monday"));
        waitForReport("n1", NoteProgress.State.ADDED);

        List<SandboxTimeline.Comment> comments = server.timeline().on(CONTACT);
        assertEquals(1, comments.size());
        assertEquals("Wants a callback on Monday", comments.get(0).text());
        assertEquals(1, server.requestsFor(ADD));
        assertEquals(0, server.requestsFor(LIST), "a note never sent before needs no search");
        assertEquals(List.of(NoteProgress.State.SENDING, NoteProgress.State.ADDED),
                reports.stream().map(NoteProgress::state).toList());
        KeptNote kept = onDisk().get(0);
        assertEquals(KeptNote.State.ADDED, kept.state());
        assertEquals(comments.get(0).id(), kept.commentId());
    }

    @Test
    void whileThePortalIsUnreachableTheNoteWaitsThenIsAddedOnce() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        PortalClient unreachable = PortalClient.builder(webhookOf(server.webhookUrl()
                .replace(":" + server.port() + "/", ":" + closedPort + "/")), "test").build();
        opened.open(unreachable);
        AtomicReference<PortalClient> current = new AtomicReference<>(unreachable);
        NoteOutbox outbox = outbox(() -> Optional.of(current.get()));

        outbox.add(new NoteDraft("n1", "C1", CONTACT, "Call back after lunch"));
        waitFor(() -> reports.stream().filter(r -> r.state() == NoteProgress.State.WAITING).count() >= 2,
                () -> "two failed tries; reports: " + reports);
        assertEquals("portal.error.CONNECTION_REFUSED", reports.stream()
                .filter(r -> r.state() == NoteProgress.State.WAITING).findFirst().orElseThrow().reasonKey());
        assertEquals(KeptNote.State.SENDING, onDisk().get(0).state(), "kept, and marked as possibly sent");
        assertTrue(server.timeline().on(CONTACT).isEmpty());

        current.set(client); // the portal is back
        waitForReport("n1", NoteProgress.State.ADDED);

        assertEquals(1, server.timeline().on(CONTACT).size());
        assertEquals(1, server.requestsFor(ADD), "added once");
        assertEquals(1, server.requestsFor(LIST), "looked for first: an earlier try might have reached it");
    }

    @Test
    void aBusyPortalIsTriedAgainAndTheNoteAddedOnce() throws Exception {
        server.faults().overload(true);
        NoteOutbox outbox = outbox(() -> Optional.of(client));

        outbox.add(new NoteDraft("n1", "C1", DEAL, "Send the contract"));
        waitForReport("n1", NoteProgress.State.WAITING);
        assertEquals("portal.error.OVERLOAD_LIMIT", reports.stream()
                .filter(r -> r.state() == NoteProgress.State.WAITING).findFirst().orElseThrow().reasonKey());
        server.faults().overload(false);
        waitForReport("n1", NoteProgress.State.ADDED);

        assertEquals(List.of("Send the contract"),
                server.timeline().on(DEAL).stream().map(SandboxTimeline.Comment::text).toList());
        assertEquals(1, server.requestsFor(ADD));
    }

    @Test
    void aNoteKeptWithoutAPortalSurvivesARestartAndIsAddedThen() throws Exception {
        NoteOutbox first = outbox(Optional::empty);
        first.add(new NoteDraft("n1", "C1", CONTACT, "Interested in the annual plan"));
        waitForReport("n1", NoteProgress.State.WAITING);
        assertEquals("note.reason.noPortal", reports.get(0).reasonKey());
        first.close();
        assertEquals(List.of("Interested in the annual plan"), onDisk().stream().map(KeptNote::text).toList());
        reports.clear();

        outbox(() -> Optional.of(client));
        waitForReport("n1", NoteProgress.State.ADDED);

        assertEquals(List.of("Interested in the annual plan"),
                server.timeline().on(CONTACT).stream().map(SandboxTimeline.Comment::text).toList());
        assertEquals(1, server.requestsFor(ADD));
    }

    @Test
    void aNoteAddedBeforeStartDoesNotOverwriteTheEarlierRunsNotes() throws Exception {
        new OutboxFile(data).write(List.of(KeptNote.waiting("n0", "C0", DEAL, "From the earlier run",
                Instant.now().minusSeconds(600))));
        NoteOutbox outbox = new NoteOutbox(data, () -> Optional.of(client), Clock.systemUTC(), QUICK);
        opened.open(outbox);
        opened.open(outbox.listen(reports::add));

        outbox.add(new NoteDraft("n1", "C1", CONTACT, "Typed the moment the window opened"));
        outbox.start();
        waitForReport("n0", NoteProgress.State.ADDED);
        waitForReport("n1", NoteProgress.State.ADDED);

        assertEquals(List.of("From the earlier run"),
                server.timeline().on(DEAL).stream().map(SandboxTimeline.Comment::text).toList());
        assertEquals(1, server.timeline().on(CONTACT).size());
        assertEquals(2, server.requestsFor(ADD));
    }

    @Test
    void aCrashAfterThePortalAcceptedButBeforeTheOutboxRecordedItDoesNotAddItTwice() throws Exception {
        // the state on disk and on the portal after such a crash: the note marked sending, the comment added
        Instant sentAt = Clock.systemUTC().instant();
        KeptNote sending = KeptNote.waiting("n1", "C1", CONTACT, "Promised a discount", sentAt.minusSeconds(5))
                .sending(sentAt, client.credentials().portal());
        new OutboxFile(data).write(List.of(sending));
        long accepted = new TimelineComments(client).add(CONTACT, "Promised a discount");

        outbox(() -> Optional.of(client)); // the restart
        waitForReport("n1", NoteProgress.State.ADDED);

        assertEquals(1, server.timeline().on(CONTACT).size(), "one comment, not two");
        assertEquals(1, server.requestsFor(ADD), "only the request before the crash");
        assertEquals(accepted, onDisk().get(0).commentId(), "the outbox recognised its own comment");
    }

    @Test
    void aNoteMarkedSendingThatNeverReachedThePortalIsSentAtRestartEvenIfAnEarlierNoteHadTheSameWords()
            throws Exception {
        Instant now = Clock.systemUTC().instant();
        long earlierComment = new TimelineComments(client).add(CONTACT, "No answer");
        KeptNote earlier = KeptNote.waiting("n0", "C0", CONTACT, "No answer", now.minusSeconds(60))
                .sending(now.minusSeconds(59), client.credentials().portal()).added(earlierComment);
        KeptNote lost = KeptNote.waiting("n1", "C1", CONTACT, "No answer", now.minusSeconds(5))
                .sending(now.minusSeconds(4), client.credentials().portal());
        new OutboxFile(data).write(List.of(earlier, lost));

        outbox(() -> Optional.of(client));
        waitForReport("n1", NoteProgress.State.ADDED);

        assertEquals(2, server.timeline().on(CONTACT).size(), "the earlier note's comment is not this one's");
        assertEquals(2, server.requestsFor(ADD));
        assertEquals(1, server.requestsFor(LIST));
    }

    @Test
    void accessDeniedIsFinalTheNoteIsKeptForTheAgentAndNotRetried() throws Exception {
        server.timeline().denyComments(CONTACT);
        NoteOutbox outbox = outbox(() -> Optional.of(client));

        outbox.add(new NoteDraft("n1", "C1", CONTACT, "Needs a manager's call"));
        waitForReport("n1", NoteProgress.State.REFUSED);

        NoteProgress refused = reports.get(reports.size() - 1);
        assertEquals("portal.error.ACCESS_DENIED", refused.reasonKey());
        assertEquals("Needs a manager's call", refused.text(), "handed back to copy");
        KeptNote kept = onDisk().get(0);
        assertEquals(KeptNote.State.REFUSED, kept.state());
        assertEquals("Needs a manager's call", kept.text());
        // the outbox's one thread moves on to a later note; the refused one is not tried again meanwhile
        outbox.add(new NoteDraft("n2", "C2", DEAL, "Another item"));
        waitForReport("n2", NoteProgress.State.ADDED);
        assertEquals(2, server.requestsFor(ADD), "one request each");
        outbox.close();

        reports.clear();
        NoteOutbox restarted = outbox(() -> Optional.of(client)); // nor after a restart
        restarted.add(new NoteDraft("n3", "C3", DEAL, "Third"));
        waitForReport("n3", NoteProgress.State.ADDED);
        assertFalse(reports.stream().anyMatch(r -> r.noteId().equals("n1")), reports.toString());
        assertEquals(3, server.requestsFor(ADD));
        assertTrue(server.timeline().on(CONTACT).isEmpty());
    }

    @Test
    void aSecondCallOnTheCardLeavesTheFirstCallsUnsentNoteInTheOutboxUntilItLands() throws Exception {
        ExecutorService uiThread = Executors.newSingleThreadExecutor(); // the card's one thread, as the FX thread is
        opened.open(uiThread::shutdownNow);
        AtomicReference<Optional<PortalClient>> current = new AtomicReference<>(Optional.empty());
        NoteOutbox outbox = outbox(current::get);
        CallCardViewModel card = new CallCardViewModel(Messages.forLocale(Locale.ENGLISH), Clock.systemUTC(),
                uiThread);
        card.note().attach(outbox);
        CallSnapshot first = CallStateReducer.reduce(CallSnapshot.EMPTY, linkedCall("C1", CONTACT));
        onCard(uiThread, () -> card.apply(first));
        onCard(uiThread, () -> {
            card.note().textProperty().set("First call's note");
            assertTrue(card.note().send());
        });
        waitFor(() -> reports.stream().anyMatch(r -> r.state() == NoteProgress.State.WAITING),
                () -> "the first note waiting for a portal: " + reports);

        CallSnapshot second = CallStateReducer.reduce(first, linkedCall("C2", DEAL));
        onCard(uiThread, () -> card.apply(second));
        onCard(uiThread, () -> {
            card.note().textProperty().set("Second call's note");
            assertTrue(card.note().send());
        });
        waitFor(() -> onDisk().size() == 2, "both notes on disk");
        assertEquals(List.of(CONTACT, DEAL), onDisk().stream().map(KeptNote::entity).toList(),
                "the first call's note is still there, for the first call's item");

        current.set(Optional.of(client)); // the portal answers from now on
        waitFor(() -> onDisk().stream().allMatch(n -> n.state() == KeptNote.State.ADDED), "both added");
        assertEquals(List.of("First call's note"),
                server.timeline().on(CONTACT).stream().map(SandboxTimeline.Comment::text).toList());
        assertEquals(List.of("Second call's note"),
                server.timeline().on(DEAL).stream().map(SandboxTimeline.Comment::text).toList());
        assertEquals(2, server.requestsFor(ADD));
    }

    private static CallEvent linkedCall(String callId, CrmRef entity) {
        return new CallEvent.WidgetOpened(Instant.now(), new CallCardStatus(callId, CallerNumber.of("+4930123456"),
                "reg1", "", entity, List.of(entity), null, CallDirection.INCOMING, CardCallState.CONNECTED, false));
    }

    /** Runs {@code work} on the card's thread and waits for it, failures included. */
    private static void onCard(ExecutorService uiThread, Runnable work) throws Exception {
        Eventually.result(uiThread.submit(work), "the card's thread");
    }

    @Test
    void anUnreadableOutboxIsMovedAsideNotOverwritten() throws Exception {
        Path file = data.resolve(OutboxFile.FILE_NAME);
        Files.writeString(file, "{\"version\":1,\"notes\":[{\"id\":", StandardCharsets.UTF_8);

        NoteOutbox outbox = outbox(() -> Optional.of(client));
        outbox.add(new NoteDraft("n1", "C1", CONTACT, "After the damage"));
        waitForReport("n1", NoteProgress.State.ADDED);

        try (Stream<Path> files = Files.list(data)) {
            List<Path> aside = files.filter(p -> p.getFileName().toString()
                    .startsWith(OutboxFile.FILE_NAME + ".unreadable-")).toList();
            assertEquals(1, aside.size());
            assertEquals("{\"version\":1,\"notes\":[{\"id\":", Files.readString(aside.get(0)));
        }
        assertEquals(List.of("After the damage"), onDisk().stream().map(KeptNote::text).toList());
    }
}
