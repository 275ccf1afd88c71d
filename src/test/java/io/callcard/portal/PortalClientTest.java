package io.callcard.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.testing.BitrixExamples;
import io.callcard.testing.SimulatedTime;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What goes on the wire, domain moves, and back-off on the portal's limits. */
@Timeout(30)
class PortalClientTest {

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private RecordedRequest taken() throws InterruptedException {
        return server.takeRequest(5, TimeUnit.SECONDS);
    }

    @Test
    void aWebhookCallPostsJsonWithTheHeaders() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"result\":{\"ID\":\"1\"},\"time\":{\"start\":1}}"));
        try (PortalClient client = TestPortals.client(TestPortals.webhook(server)).build()) {
            PortalResponse r = client.call("crm.item.get", Map.of("entityTypeId", 3, "id", 17));
            assertEquals("1", r.result().get("ID").asText());
        }
        RecordedRequest request = taken();
        assertEquals("POST", request.getMethod());
        assertEquals("/rest/1/" + TestPortals.CODE + "/crm.item.get", request.getPath());
        assertEquals("application/json", request.getHeader("Content-Type"));
        assertEquals("application/json", request.getHeader("Accept"));
        assertEquals("CallCard-Companion/" + TestPortals.VERSION, request.getHeader("User-Agent"));
        assertEquals(Map.of("entityTypeId", 3, "id", 17),
                BitrixExamples.MAPPER.readValue(request.getBody().readUtf8(), Map.class));
    }

    @Test
    void anOAuthCallPutsTheTokenInTheQueryAndNullParamsSendAnEmptyObject() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"result\":true}"));
        try (PortalClient client = TestPortals.client(TestPortals.oauth(server, "acc3ss", "r3fresh")).build()) {
            assertTrue(client.call("user.current", null).result().asBoolean());
        }
        RecordedRequest request = taken();
        assertEquals("/rest/user.current?auth=acc3ss", request.getPath());
        assertEquals("{}", request.getBody().readUtf8());
    }

    @Test
    void aMethodNameCannotReachOutOfTheRestPath() {
        try (PortalClient client = TestPortals.client(TestPortals.webhook(server)).build()) {
            for (String bad : new String[] {"", "../profile", "user.current?x=1", "a/b", ".x", "x."}) {
                assertThrows(IllegalArgumentException.class, () -> client.newCall(bad, null), bad);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 307, 308})
    void aDomainMoveRepeatsThePostWithTheSameBodyAtTheNewLocation(int status) throws Exception {
        try (MockWebServer moved = new MockWebServer()) {
            moved.start(InetAddress.getByName("127.0.0.1"), 0);
            String newHome = "http://127.0.0.1:" + moved.getPort() + "/rest/1/" + TestPortals.CODE + "/crm.item.get";
            server.enqueue(new MockResponse().setResponseCode(status).setHeader("Location", newHome));
            moved.enqueue(new MockResponse().setBody("{\"result\":{\"title\":\"Moved Ltd\"}}"));
            try (PortalClient client = TestPortals.client(TestPortals.webhook(server)).build()) {
                PortalResponse r = client.call("crm.item.get", Map.of("entityTypeId", 4, "id", 9));
                assertEquals("Moved Ltd", r.result().get("title").asText());
            }
            String first = taken().getBody().readUtf8();
            RecordedRequest repeated = moved.takeRequest(5, TimeUnit.SECONDS);
            assertEquals("POST", repeated.getMethod());
            assertEquals("/rest/1/" + TestPortals.CODE + "/crm.item.get", repeated.getPath());
            assertEquals(first, repeated.getBody().readUtf8());
            assertEquals("application/json", repeated.getHeader("Content-Type"));
        }
    }

    @Test
    void redirectsEndAfterAFewHops() {
        for (int i = 0; i <= Transport.MAX_REDIRECTS; i++) {
            server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", "/rest/1/x/loop"));
        }
        try (PortalClient client = TestPortals.client(TestPortals.webhook(server)).build()) {
            PortalException e = assertThrows(PortalException.class, () -> client.call("loop", null));
            assertEquals(PortalError.HTTP_STATUS_WITHOUT_ENVELOPE, e.error());
        }
        assertEquals(Transport.MAX_REDIRECTS + 1, server.getRequestCount());
    }

    @Test
    void aRedirectFromHttpsToPlainHttpElsewhereIsRefused() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(302)
                .setHeader("Location", "http://portal.example.com/rest/1/x/user.current"));
        try (PortalClient client = TestPortals.client(TestPortals.webhook(server)).build()) {
            PortalException e = assertThrows(PortalException.class, () -> client.call("user.current", null));
            assertEquals(PortalError.HTTP_STATUS_WITHOUT_ENVELOPE, e.error());
        }
        assertEquals(1, server.getRequestCount());
    }

    private record Backoff(String method, PortalError reason, int retry, Duration delay) {
    }

    @Test
    void rateLimitAnswersAreRetriedAfterAJitteredWaitThatIsReported() throws Exception {
        server.enqueue(limit(503, "QUERY_LIMIT_EXCEEDED"));
        server.enqueue(limit(429, "OPERATION_TIME_LIMIT").setHeader("Retry-After", "7"));
        server.enqueue(new MockResponse().setBody("{\"result\":42}"));
        SimulatedTime.Jumping clock = new SimulatedTime.Jumping();
        List<Backoff> reported = new ArrayList<>();
        RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(30), () -> 0.5);
        try (PortalClient client = TestPortals.client(TestPortals.webhook(server)).clock(clock)
                .budget(RequestBudget.standard(clock)).retryPolicy(policy)
                .listener((m, reason, retry, wait) -> reported.add(new Backoff(m, reason, retry, wait))).build()) {
            assertEquals(42, client.call("user.current", null).result().asInt());
        }
        // Retry 1: 2 s scaled by 0.75. Retry 2: 4 s scaled by 0.75 = 3 s, but the portal asked for 7 s.
        assertEquals(List.of(
                new Backoff("user.current", PortalError.QUERY_LIMIT_EXCEEDED, 1, Duration.ofMillis(1500)),
                new Backoff("user.current", PortalError.OPERATION_TIME_LIMIT, 2, Duration.ofSeconds(7))), reported);
        assertTrue(clock.sleeps.contains(Duration.ofSeconds(7)), clock.sleeps.toString());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void backOffGivesUpAfterItsRetries() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(limit(503, "QUERY_LIMIT_EXCEEDED"));
        }
        SimulatedTime.Jumping clock = new SimulatedTime.Jumping();
        RetryPolicy policy = new RetryPolicy(2, Duration.ofSeconds(1), Duration.ofSeconds(4), () -> 1.0);
        try (PortalClient client = TestPortals.client(TestPortals.webhook(server)).clock(clock)
                .budget(RequestBudget.standard(clock)).retryPolicy(policy).build()) {
            PortalException e = assertThrows(PortalException.class, () -> client.call("user.current", null));
            assertEquals(PortalError.QUERY_LIMIT_EXCEEDED, e.error());
            assertTrue(e.retryable());
        }
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void otherErrorsAreNotRetried() {
        server.enqueue(limit(500, "INTERNAL_SERVER_ERROR"));
        try (PortalClient client = PortalClient.builder(TestPortals.webhook(server), "1").build()) {
            PortalException e = assertThrows(PortalException.class, () -> client.call("user.current", null));
            assertEquals(PortalError.INTERNAL_SERVER_ERROR, e.error());
        }
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aCallCancelledBeforeItRunsNeverReachesThePortal() {
        try (PortalClient client = TestPortals.client(TestPortals.webhook(server)).build()) {
            PortalCall call = client.newCall("user.current", null);
            call.cancel();
            PortalException e = assertThrows(PortalException.class, call::execute);
            assertEquals(PortalError.CANCELLED, e.error());
            assertThrows(IllegalStateException.class, call::execute);
        }
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aCallWaitingForItsTurnInTheBudgetCanBeCancelled() throws Exception {
        SimulatedTime clock = new SimulatedTime(); // time stands still: a full bucket never drains
        RequestBudget budget = new RequestBudget(2, 1, clock);
        budget.acquire();
        try (PortalClient client = TestPortals.client(TestPortals.webhook(server)).clock(clock).budget(budget)
                .build()) {
            PortalCall call = client.newCall("user.current", null);
            CompletableFuture<PortalError> outcome = CompletableFuture.supplyAsync(() -> {
                try {
                    call.execute();
                    return null;
                } catch (PortalException e) {
                    return e.error();
                }
            });
            while (!clock.hasSleepers()) {
                Thread.onSpinWait();
            }
            call.cancel();
            assertEquals(PortalError.CANCELLED, outcome.get(10, TimeUnit.SECONDS));
        }
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aClosedClientTakesNoNewCalls() {
        PortalClient client = TestPortals.client(TestPortals.webhook(server)).build();
        client.close();
        assertThrows(IllegalStateException.class, () -> client.newCall("user.current", null));
    }

    private static MockResponse limit(int status, String code) {
        return new MockResponse().setResponseCode(status)
                .setBody("{\"error\":\"" + code + "\",\"error_description\":\"slow down\"}");
    }
}
