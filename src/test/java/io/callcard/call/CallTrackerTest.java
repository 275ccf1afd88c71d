package io.callcard.call;

import static io.callcard.call.CallFixtures.idle;
import static io.callcard.call.CallFixtures.opened;
import static io.callcard.call.CallFixtures.polled;
import static io.callcard.call.CallFixtures.ref;
import static io.callcard.call.CallFixtures.state;
import static io.callcard.call.CallFixtures.status;
import static io.callcard.call.CallFixtures.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.wire.CardCallState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallTrackerTest {

    /** Every wait is bounded by this; nothing asserts on how long things take. */
    private static final long WAIT_SECONDS = 30;

    private final CallTracker tracker = new CallTracker();

    @AfterEach
    void closeTracker() {
        tracker.close();
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** A subscriber that records what it heard and on which thread. */
    private static final class Recorder implements java.util.function.Consumer<CallUpdate> {
        final List<CallUpdate> updates = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();

        @Override
        public void accept(CallUpdate u) {
            updates.add(u);
            threads.add(Thread.currentThread().getName());
        }

        List<CallEvent> events() {
            List<CallEvent> out = new ArrayList<>();
            updates.forEach(u -> out.add(u.event()));
            return out;
        }
    }

    @Test
    void appliesEventsInSubmissionOrderOnTheCallTrackerThread() throws Exception {
        Recorder rec = new Recorder();
        tracker.subscribe(rec);
        List<CallEvent> events = new ArrayList<>();
        events.add(opened(0, status("A", CardCallState.CONNECTING)));
        for (int i = 1; i <= 200; i++) {
            // every one changes the primary entity, so every one is published
            events.add(CallFixtures.entity(i, null, "+7 495 000-00-00", ref(CrmEntityType.DEAL, i)));
        }
        events.add(state(300, null, CardCallState.CONNECTED));
        List<CompletableFuture<CallSnapshot>> futures = new ArrayList<>();
        for (CallEvent e : events) {
            futures.add(tracker.submit(e));
        }
        CallSnapshot last = await(futures.get(futures.size() - 1));

        assertEquals(events, rec.events(), "applied in the order submitted");
        assertTrue(rec.threads.stream().allMatch("call-tracker"::equals), "all on call-tracker: " + rec.threads);
        assertSame(last, tracker.current());
        assertEquals(CallDisplayState.CONNECTED, last.phase());
        assertEquals(ref(CrmEntityType.DEAL, 200), last.entity());
        for (int i = 0; i < futures.size(); i++) {
            assertSame(rec.updates.get(i).current(), futures.get(i).getNow(null), "future " + i + " = its snapshot");
        }
    }

    @Test
    void subscribersGetPreviousAndCurrentSnapshots() throws Exception {
        Recorder rec = new Recorder();
        tracker.subscribe(rec);
        List<CallEvent> events = List.of(
                opened(0, status("A", CardCallState.IDLE).direction(CallDirection.OUTGOING)),
                state(2, null, CardCallState.CONNECTING),
                state(5, null, CardCallState.CONNECTED),
                idle(60, null, null));
        CallSnapshot last = null;
        for (CallEvent e : events) {
            last = await(tracker.submit(e));
        }

        assertEquals(4, rec.updates.size());
        CallSnapshot expectedPrevious = CallSnapshot.EMPTY;
        for (int i = 0; i < events.size(); i++) {
            CallUpdate u = rec.updates.get(i);
            assertSame(events.get(i), u.event());
            assertSame(expectedPrevious, u.previous(), "update " + i + " previous is the snapshot before it");
            assertEquals(CallStateReducer.reduce(u.previous(), u.event()), u.current());
            expectedPrevious = u.current();
        }
        assertTrue(rec.updates.get(0).startedNewCall());
        assertFalse(rec.updates.get(1).startedNewCall());
        assertEquals(CallDisplayState.READY, rec.updates.get(0).current().phase());
        assertEquals(CallDisplayState.CONNECTING, rec.updates.get(1).current().phase());
        assertEquals(CallDisplayState.CONNECTED, rec.updates.get(2).current().phase());
        assertEquals(CallDisplayState.ENDED, rec.updates.get(3).current().phase());
        assertSame(last, tracker.current());
    }

    @Test
    void aNewCallIdReachesSubscribersWithTheReplacedCallAsPrevious() throws Exception {
        Recorder rec = new Recorder();
        tracker.subscribe(rec);
        await(tracker.submit(opened(0, status("A", CardCallState.CONNECTING))));
        CallSnapshot talkingA = await(tracker.submit(state(5, null, CardCallState.CONNECTED)));
        await(tracker.submit(opened(20, status("B", CardCallState.CONNECTING))));

        CallUpdate replaced = rec.updates.get(2);
        assertTrue(replaced.startedNewCall());
        assertSame(talkingA, replaced.previous(), "the history can close A from previous");
        assertEquals("B", replaced.current().callId());
    }

    @Test
    void aReusedCallIdReachesSubscribersAsANewCall() throws Exception {
        Recorder rec = new Recorder();
        tracker.subscribe(rec);
        await(tracker.submit(opened(0, status("A", CardCallState.CONNECTING))));
        await(tracker.submit(idle(30, null, "304")));
        await(tracker.submit(state(600, "A", CardCallState.CONNECTING)));

        CallUpdate reused = rec.updates.get(2);
        assertEquals(CallDisplayState.FAILED, reused.previous().phase());
        assertEquals(t(600), reused.current().openedAt());
        assertTrue(reused.startedNewCall(),
                "Bitrix24 reused CALL_ID A for a new call; the history must see a new call, not the old one again");
    }

    @Test
    void publishesNothingForEventsTheAgentWouldNotNotice() throws Exception {
        Recorder rec = new Recorder();
        tracker.subscribe(rec);
        await(tracker.submit(opened(0, status("A", CardCallState.CONNECTING))));
        CallSnapshot connected = await(tracker.submit(state(5, null, CardCallState.CONNECTED)));

        CallSnapshot afterDuplicate = await(tracker.submit(state(6, null, CardCallState.CONNECTED)));
        CallSnapshot afterStale = await(tracker.submit(polled(4, status("A", CardCallState.CONNECTING))));
        CallSnapshot afterSamePoll = await(tracker.submit(polled(7, status("A", CardCallState.CONNECTED))));

        assertEquals(2, rec.updates.size(), "only the open and the connect were published: " + rec.events());
        assertTrue(afterDuplicate.sameExceptUpdatedAt(connected));
        assertSame(afterDuplicate, afterStale, "a stale event changes nothing at all");
        assertTrue(afterSamePoll.sameExceptUpdatedAt(connected));
        assertEquals(CallDisplayState.CONNECTED, tracker.current().phase());
        assertSame(afterSamePoll, tracker.current());
    }

    @Test
    void aThrowingSubscriberStopsNeitherOthersNorLaterEvents() throws Exception {
        AtomicInteger thrown = new AtomicInteger();
        tracker.subscribe(u -> {
            thrown.incrementAndGet();
            throw new IllegalStateException("broken subscriber (expected in this test)");
        });
        Recorder rec = new Recorder();
        tracker.subscribe(rec);
        tracker.subscribe(u -> {
            throw new IllegalArgumentException("another broken one (expected in this test)");
        });

        CallSnapshot first = await(tracker.submit(opened(0, status("A", CardCallState.CONNECTING))));
        CallSnapshot second = await(tracker.submit(state(5, null, CardCallState.CONNECTED)));
        CallSnapshot third = await(tracker.submit(idle(9, null, "200")));

        assertEquals(3, thrown.get());
        assertEquals(3, rec.updates.size());
        assertSame(first, rec.updates.get(0).current());
        assertSame(second, rec.updates.get(1).current());
        assertSame(third, rec.updates.get(2).current());
        assertEquals(CallDisplayState.ENDED, tracker.current().phase());
    }

    @Test
    void anUnsubscribedSubscriberHearsNothingMore() throws Exception {
        Recorder rec = new Recorder();
        AutoCloseable handle = tracker.subscribe(rec);
        await(tracker.submit(opened(0, status("A", CardCallState.CONNECTING))));
        handle.close();
        await(tracker.submit(state(5, null, CardCallState.CONNECTED)));

        assertEquals(1, rec.updates.size());
        assertEquals(CallDisplayState.CONNECTED, tracker.current().phase());
    }

    @Test
    void submitAfterCloseReturnsAFailedFuture() throws Exception {
        await(tracker.submit(opened(0, status("A", CardCallState.CONNECTING))));
        tracker.close();

        CompletableFuture<CallSnapshot> late = tracker.submit(state(5, null, CardCallState.CONNECTED));

        assertNotNull(late);
        ExecutionException e = assertThrows(ExecutionException.class, () -> await(late));
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertTrue(late.isCompletedExceptionally());
        assertEquals(CallDisplayState.CONNECTING, tracker.current().phase(), "the late event was not applied");
    }

    @Test
    void tenThousandEventsFromFourThreadsAreAllApplied() throws Exception {
        int threads = 4;
        int perThread = 2_500;
        await(tracker.submit(opened(0, status("A", CardCallState.CONNECTING))));

        AtomicInteger updates = new AtomicInteger();
        Map<Integer, Integer> lastSeenPerProducer = new ConcurrentHashMap<>();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        tracker.subscribe(u -> {
            updates.incrementAndGet();
            if (!"call-tracker".equals(Thread.currentThread().getName())) {
                problems.add("ran on " + Thread.currentThread().getName());
            }
            // entity id = producer * 1_000_000 + sequence: each producer's events must come in its own order
            long id = u.current().entity().id();
            int producer = (int) (id / 1_000_000);
            int seq = (int) (id % 1_000_000);
            Integer before = lastSeenPerProducer.put(producer, seq);
            if (before != null && before >= seq) {
                problems.add("producer " + producer + ": " + seq + " after " + before);
            }
        });

        ExecutorService producers = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<CompletableFuture<CallSnapshot>>>> submitted = new ArrayList<>();
        try {
            for (int p = 1; p <= threads; p++) {
                int producer = p;
                submitted.add(producers.submit(() -> {
                    go.await();
                    List<CompletableFuture<CallSnapshot>> mine = new ArrayList<>(perThread);
                    for (int i = 1; i <= perThread; i++) {
                        // all stamped at the same instant (never stale), each naming its own entity (always a change)
                        mine.add(tracker.submit(CallFixtures.entity(1, null, "+7 495 000-00-00",
                                ref(CrmEntityType.CONTACT, producer * 1_000_000L + i))));
                    }
                    return mine;
                }));
            }
            go.countDown();
            List<CompletableFuture<CallSnapshot>> all = new ArrayList<>();
            for (Future<List<CompletableFuture<CallSnapshot>>> f : submitted) {
                all.addAll(await(f));
            }
            await(CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])));
            assertEquals(threads * perThread, all.size());
            assertTrue(all.stream().noneMatch(CompletableFuture::isCompletedExceptionally));
        } finally {
            producers.shutdownNow();
        }

        assertEquals(threads * perThread, updates.get(), "every event was applied and published");
        assertEquals(List.of(), problems);
        for (int p = 1; p <= threads; p++) {
            assertEquals(perThread, lastSeenPerProducer.get(p), "producer " + p + " got through to its last event");
        }
        long lastId = tracker.current().entity().id();
        assertEquals(perThread, lastId % 1_000_000, "the final state is some producer's last event");
    }
}
