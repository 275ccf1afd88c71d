package io.callcard.sandbox;

import static io.callcard.testing.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The portal over real loopback HTTP, with time compressed. */
class SandboxPortalTest {

    private static final long SEED = 777;

    private final Scenario demo = BuiltInScenarios.demo();

    @Test
    void postsOnePassExactlyAsRenderedThenTheNextPassWithTheDerivedSeed() throws Exception {
        List<WidgetPost> firstPass = demo.render(SEED);
        List<WidgetPost> secondPass = demo.render(SEED + 1);
        try (PortalTestSupport.RecordingListener listener = new PortalTestSupport.RecordingListener()) {
            SandboxPortal portal = new SandboxPortal(listener.base(), demo, SEED, 200);
            try {
                portal.start();
                waitFor(() -> listener.bodies.size() > firstPass.size(),
                        () -> "a full pass and the start of the next; got " + listener.bodies.size());
            } finally {
                portal.close();
            }

            List<String> received = List.copyOf(listener.bodies);
            assertEquals(firstPass.stream().map(WidgetPost::json).toList(), received.subList(0, firstPass.size()));
            assertEquals(secondPass.get(0).json(), received.get(firstPass.size()),
                    "pass 2 is rendered with seed + 1");
            assertNotEquals(firstPass.get(0).json(), secondPass.get(0).json());
            assertEquals(List.of(), listener.strays);
            assertFalse(listener.forms.isEmpty(), "each call's card opening posts the widget handler form first");
            for (String body : listener.raw) {
                assertTrue(BridgeContract.parse(body).path("session").isTextual(), "every post has its page's session");
                assertTrue(BridgeContract.parse(body).path("seq").isIntegralNumber(), body);
            }
            assertFalse(listener.commandPolls.isEmpty(), "the page long-polls for the companion's commands");

            // close() waited for any post in flight, so the counters and the listener agree exactly
            assertEquals(received.size(), portal.postsSent());
            assertEquals(received.size(), portal.postsDelivered());
            // the positive signal: the posting thread has ended, and it posts synchronously, each post recorded before
            // it is answered; so whatever it sent is in the listener's list already, and nothing can come after
            assertFalse(portal.isRunning());
            assertEquals(received.size(), listener.bodies.size(), "nothing is posted after close() returns");
        }
    }

    @Test
    void keepsPlayingWhenNothingListens() throws Exception {
        int postsPerPass = demo.render(SEED).size();
        URI nowhere = URI.create("http://127.0.0.1:" + PortalTestSupport.closedPort() + "/");
        SandboxPortal portal = new SandboxPortal(nowhere, demo, SEED, 2_000);
        try {
            portal.start();
            // postsSent counts attempts, delivered or not: two passes' worth means it went on past every refusal
            waitFor(() -> portal.postsSent() > 2L * postsPerPass, () -> "attempts so far: " + portal.postsSent());
            assertTrue(portal.isRunning());
            assertEquals(0, portal.postsDelivered());
        } finally {
            portal.close();
        }
        assertFalse(portal.isRunning());
    }

    @Test
    void closeStopsPromptlyAtRealTime() throws Exception {
        try (PortalTestSupport.RecordingListener listener = new PortalTestSupport.RecordingListener()) {
            SandboxPortal portal = new SandboxPortal(listener.base(), demo, SEED, 1.0);
            long started;
            try {
                portal.start();
                waitFor(() -> listener.bodies.size() == 1, "the card's first status");
            } finally {
                started = System.nanoTime();
                portal.close(); // the thread now waits 700 ms for EntityChanged; close must not wait that out
            }
            long tookMillis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(tookMillis < 500, "close took " + tookMillis + " ms");
            assertFalse(portal.isRunning());
            assertEquals(1, portal.postsSent());
            portal.close(); // idempotent
        }
    }

    @Test
    void speedMustBeAPositiveFiniteNumber() {
        URI base = URI.create("http://127.0.0.1:9/");
        for (double speed : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> new SandboxPortal(base, demo, SEED, speed),
                    "speed " + speed);
        }
    }

    @Test
    void startsOnceAndNeverAfterClose() throws Exception {
        URI nowhere = URI.create("http://127.0.0.1:" + PortalTestSupport.closedPort() + "/");
        SandboxPortal portal = new SandboxPortal(nowhere, demo, SEED, 1.0);
        portal.start();
        assertThrows(IllegalStateException.class, portal::start);
        portal.close();
        assertThrows(IllegalStateException.class, portal::start);

        SandboxPortal neverStarted = new SandboxPortal(nowhere, demo, SEED, 1.0);
        neverStarted.close();
        assertThrows(IllegalStateException.class, neverStarted::start);
        assertEquals(0, neverStarted.postsSent());
    }

    @Test
    void postsFromADaemonThreadNamedSandboxPortal() throws Exception {
        try (PortalTestSupport.RecordingListener listener = new PortalTestSupport.RecordingListener();
                SandboxPortal portal = new SandboxPortal(listener.base(), demo, SEED, 1.0)) {
            portal.start();
            Thread thread = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals(SandboxPortal.THREAD_NAME) && t.isAlive())
                    .findFirst().orElseThrow();
            assertTrue(thread.isDaemon());
        }
    }
}
