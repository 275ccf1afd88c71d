package io.callcard.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.testing.BitrixExamples;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One local server plays both the portal and its OAuth server. The portal refuses the old token with 401
 * {@code expired_token} and accepts the pair from {@code resp_oauth_refresh_token.jsonc}.
 */
@Timeout(30)
class TokenRefreshTest {

    private static final String OLD_ACCESS = "0ldAccessToken";
    private static final String OLD_REFRESH = "0ldRefreshToken";
    private static final String NEW_ACCESS = "ydtj8pho532wydb5ixk78ol7uqlb7sch";
    private static final String NEW_REFRESH = "3s6lr4kr3cv2od4v853gvrchb875bwxb";

    private final MockWebServer server = new MockWebServer();
    private final AtomicInteger refreshes = new AtomicInteger();
    private final AtomicInteger expiredAnswers = new AtomicInteger();
    private final AtomicInteger portalCalls = new AtomicInteger();
    private final List<PortalCredentials.OAuth> stored = new CopyOnWriteArrayList<>();

    /** What the OAuth server answers; the portal accepts {@link #NEW_ACCESS} unless told to keep refusing. */
    private volatile MockResponse tokenAnswer = new MockResponse()
            .setBody(BitrixExamples.text("resp_oauth_refresh_token.jsonc"));
    private volatile boolean portalRefusesEveryToken;
    /** Holds the token answer back until this many expired answers went out. */
    private volatile CountDownLatch expiredBeforeRefresh = new CountDownLatch(0);

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                HttpUrl url = request.getRequestUrl();
                if (url.encodedPath().equals("/oauth/token/")) {
                    return token(request.getMethod(), url);
                }
                portalCalls.incrementAndGet();
                if (portalRefusesEveryToken || !NEW_ACCESS.equals(url.queryParameter("auth"))) {
                    expiredAnswers.incrementAndGet();
                    expiredBeforeRefresh.countDown();
                    return new MockResponse().setResponseCode(401).setBody(
                            "{\"error\":\"expired_token\",\"error_description\":\"The access token provided has expired.\"}");
                }
                return new MockResponse().setBody("{\"result\":{\"ID\":\"67\"}}");
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    private MockResponse token(String method, HttpUrl url) throws InterruptedException {
        refreshes.incrementAndGet();
        boolean complete = "GET".equals(method) && "refresh_token".equals(url.queryParameter("grant_type"))
                && "local.app.1".equals(url.queryParameter("client_id"))
                && "cl1entSecretValue".equals(url.queryParameter("client_secret"))
                && OLD_REFRESH.equals(url.queryParameter("refresh_token"));
        if (!complete) {
            return new MockResponse().setResponseCode(400).setBody("{\"error\":\"invalid_request\"}");
        }
        expiredBeforeRefresh.await(10, TimeUnit.SECONDS);
        return tokenAnswer;
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private PortalClient client() {
        return TestPortals.client(TestPortals.oauth(server, OLD_ACCESS, OLD_REFRESH))
                .oauthServer(TestPortals.origin(server))
                .tokenSink(stored::add)
                .build();
    }

    @Test
    void anExpiredTokenIsRefreshedOnceStoredAndTheCallRetriedOnce() throws Exception {
        try (PortalClient client = client()) {
            assertEquals("67", client.call("user.current", null).result().get("ID").asText());
            assertEquals(NEW_ACCESS, ((PortalCredentials.OAuth) client.credentials()).accessToken());
            // The next call goes out with the new token straight away.
            client.call("user.current", null);
        }
        assertEquals(1, refreshes.get());
        assertEquals(3, portalCalls.get());
        assertEquals(1, stored.size());
        assertEquals(NEW_ACCESS, stored.get(0).accessToken());
        assertEquals(NEW_REFRESH, stored.get(0).refreshToken());
        assertEquals("local.app.1", stored.get(0).clientId());
    }

    @Test
    void aSecondExpiryAfterTheRefreshIsNotRefreshedAgain() {
        portalRefusesEveryToken = true;
        try (PortalClient client = client()) {
            PortalException e = assertThrows(PortalException.class, () -> client.call("user.current", null));
            assertEquals(PortalError.EXPIRED_TOKEN, e.error());
            assertTrue(e.needsUserAction());
            assertFalse(e.getMessage().contains(NEW_ACCESS), e.getMessage());
        }
        assertEquals(1, refreshes.get());
        assertEquals(2, portalCalls.get());
    }

    @Test
    void eightCallsThatHitTheExpiryTogetherShareOneRefresh() throws Exception {
        int callers = 8;
        expiredBeforeRefresh = new CountDownLatch(callers);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try (PortalClient client = client()) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<PortalResponse>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return client.call("user.current", null);
                }));
            }
            go.countDown();
            for (Future<PortalResponse> r : results) {
                assertEquals("67", r.get(20, TimeUnit.SECONDS).result().get("ID").asText());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(callers, expiredAnswers.get(), "every caller met the expiry before the refresh ended");
        assertEquals(1, refreshes.get());
        assertEquals(1, stored.size());
        assertEquals(2 * callers, portalCalls.get());
    }

    @Test
    void anInvalidGrantAsksTheUserToSignInAgain() {
        tokenAnswer = new MockResponse().setResponseCode(400)
                .setBody("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid grant\"}");
        try (PortalClient client = client()) {
            PortalException e = assertThrows(PortalException.class, () -> client.call("user.current", null));
            assertEquals(PortalError.INVALID_GRANT, e.error());
            assertTrue(e.needsUserAction());
            assertFalse(e.retryable());
            for (String secret : new String[] {OLD_ACCESS, OLD_REFRESH, "cl1entSecretValue"}) {
                assertFalse(e.getMessage().contains(secret), e.getMessage());
                assertFalse(e.toString().contains(secret), e.toString());
            }
            // The refusal is remembered for that token: a second call does not ask the OAuth server again.
            assertEquals(PortalError.INVALID_GRANT,
                    assertThrows(PortalException.class, () -> client.call("user.current", null)).error());
        }
        assertEquals(1, refreshes.get());
        assertTrue(stored.isEmpty());
    }

    @Test
    void aWebhookNeverRefreshes() {
        try (PortalClient client = TestPortals.client(TestPortals.webhook(server))
                .oauthServer(TestPortals.origin(server)).build()) {
            PortalException e = assertThrows(PortalException.class, () -> client.call("user.current", null));
            assertEquals(PortalError.EXPIRED_TOKEN, e.error());
        }
        assertEquals(0, refreshes.get());
    }
}
