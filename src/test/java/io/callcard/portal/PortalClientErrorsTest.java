package io.callcard.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.testing.BitrixExamples;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.Dns;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every documented error code and every transport failure, over real sockets to a local server. */
@Timeout(30)
class PortalClientErrorsTest {

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private PortalException failure(PortalClient client) {
        return assertThrows(PortalException.class, () -> client.call("user.current", Map.of()));
    }

    private static void assertNoSecret(PortalException e) {
        assertFalse(e.getMessage().contains(TestPortals.CODE), e.getMessage());
        assertFalse(e.toString().contains(TestPortals.CODE), e.toString());
    }

    static Stream<BitrixExamples.DocumentedError> documentedErrors() {
        return BitrixExamples.documentedErrors().stream();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("documentedErrors")
    void everyDocumentedErrorArrivesTyped(BitrixExamples.DocumentedError documented) {
        server.enqueue(new MockResponse().setResponseCode(documented.httpStatus())
                .setHeader("Content-Type", "application/json").setBody(documented.bodyText()));
        try (PortalClient client = TestPortals.client(TestPortals.webhook(server)).build()) {
            PortalException e = failure(client);
            assertNotEquals(PortalError.UNKNOWN_CODE, e.error());
            assertEquals(PortalError.fromWireCode(documented.code()), e.error());
            assertEquals(documented.code(), e.rawCode());
            assertEquals(documented.httpStatus(), e.httpStatus());
            assertNoSecret(e);
        }
        assertEquals(1, server.getRequestCount(), "a webhook never refreshes and no retry was allowed");
    }

    @Test
    void anErrorWithHttp200AndAnEmptyLegacyCode() {
        server.enqueue(new MockResponse().setBody("{\"error\":\"\",\"error_description\":\"Not found\"}"));
        try (PortalClient client = TestPortals.client(TestPortals.webhook(server)).build()) {
            PortalException e = failure(client);
            assertEquals(PortalError.LEGACY_EMPTY_CODE, e.error());
            assertEquals("Not found", e.description());
            assertEquals(200, e.httpStatus());
        }
    }

    @Test
    void aRefusedPort() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        PortalCredentials.Webhook closed = new PortalCredentials.Webhook("http://127.0.0.1:" + port, "1",
                TestPortals.CODE);
        try (PortalClient client = TestPortals.client(closed).build()) {
            PortalException e = failure(client);
            assertEquals(PortalError.CONNECTION_REFUSED, e.error());
            assertTrue(e.retryable());
            assertNoSecret(e);
        }
    }

    @Test
    void aReadTimeout() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        try (PortalClient client = TestPortals.client(TestPortals.webhook(server))
                .readTimeout(Duration.ofMillis(200)).build()) {
            PortalException e = failure(client);
            assertEquals(PortalError.TIMEOUT, e.error());
            assertNoSecret(e);
        }
    }

    @Test
    void aBodyThatIsNotJson() {
        server.enqueue(new MockResponse().setBody("<html><body>Welcome to Bitrix24</body></html>"));
        server.enqueue(new MockResponse().setResponseCode(502).setBody("<html>Bad Gateway</html>"));
        try (PortalClient client = TestPortals.client(TestPortals.webhook(server)).build()) {
            assertEquals(PortalError.NOT_JSON, failure(client).error());
            PortalException proxy = failure(client);
            assertEquals(PortalError.HTTP_STATUS_WITHOUT_ENVELOPE, proxy.error());
            assertEquals(502, proxy.httpStatus());
        }
    }

    @Test
    void aBodyCutOffOnTheWire() {
        String body = "{\"result\":[" + "1,".repeat(20_000) + "1]}";
        server.enqueue(new MockResponse().setBody(body)
                .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        try (PortalClient client = TestPortals.client(TestPortals.webhook(server)).build()) {
            PortalException e = failure(client);
            assertEquals(PortalError.TRUNCATED_BODY, e.error());
            assertNoSecret(e);
        }
    }

    @Test
    void aBodyWhoseJsonEndsEarly() {
        server.enqueue(new MockResponse().setBody("{\"result\":[1,2,"));
        try (PortalClient client = TestPortals.client(TestPortals.webhook(server)).build()) {
            assertEquals(PortalError.TRUNCATED_BODY, failure(client).error());
        }
    }

    @Test
    void aPlainServerAnsweringAnHttpsUrl() throws Exception {
        // A plain HTTP server that answers at once, as a misconfigured port or a captive proxy does.
        try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Thread answering = new Thread(() -> {
                try (Socket s = plain.accept()) {
                    s.getOutputStream().write(
                            "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    s.getInputStream().read(new byte[4096]);
                } catch (IOException closed) {
                    // the client hung up first: nothing to answer
                }
            }, "plain-http");
            answering.start();
            PortalCredentials.Webhook tls = new PortalCredentials.Webhook(
                    "https://127.0.0.1:" + plain.getLocalPort(), "1", TestPortals.CODE);
            try (PortalClient client = TestPortals.client(tls).build()) {
                PortalException e = failure(client);
                assertEquals(PortalError.TLS_FAILURE, e.error());
                assertTrue(e.needsUserAction());
                assertNoSecret(e);
            }
            answering.join(5_000);
        }
    }

    @Test
    void aHostThatDoesNotResolve() {
        // A resolver that knows .invalid names do not exist (RFC 6761): deterministic and offline.
        Dns offline = hostname -> {
            if (hostname.endsWith(".invalid")) {
                throw new UnknownHostException(hostname);
            }
            return Dns.SYSTEM.lookup(hostname);
        };
        PortalCredentials.Webhook nowhere = new PortalCredentials.Webhook("https://portal.invalid", "1",
                TestPortals.CODE);
        try (PortalClient client = TestPortals.client(nowhere)
                .httpClient(new OkHttpClient.Builder().dns(offline).build()).build()) {
            PortalException e = failure(client);
            assertEquals(PortalError.DNS_FAILURE, e.error());
            assertTrue(e.needsUserAction());
            assertNoSecret(e);
        }
    }

    @Test
    void aCallCancelledWhileTheServerThinks() throws Exception {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        try (PortalClient client = TestPortals.client(TestPortals.webhook(server))
                .readTimeout(Duration.ofSeconds(20)).build()) {
            PortalCall call = client.newCall("user.current", null);
            CompletableFuture<PortalResponse> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return call.execute();
                } catch (PortalException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            server.takeRequest(10, TimeUnit.SECONDS);
            call.cancel();
            ExecutionException e = assertThrows(ExecutionException.class, () -> running.get(10, TimeUnit.SECONDS));
            assertEquals(PortalError.CANCELLED, ((PortalException) e.getCause()).error());
        }
    }

    @Test
    void transportFailuresAreAllNamedAndWorded() {
        List<PortalError> transport = Stream.of(PortalError.values()).filter(PortalError::isTransport).toList();
        assertTrue(transport.containsAll(List.of(PortalError.DNS_FAILURE, PortalError.CONNECTION_REFUSED,
                PortalError.TLS_FAILURE, PortalError.TIMEOUT, PortalError.NOT_JSON, PortalError.TRUNCATED_BODY,
                PortalError.HTTP_STATUS_WITHOUT_ENVELOPE)));
    }
}
