package io.callcard.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** placement.bind for the CALL_CARD widget: in application context, and through a webhook that cannot. */
@Timeout(30)
class PlacementBinderTest {

    private static final String HANDLER = "http://127.0.0.1:17117/widget/callcard";

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void anApplicationBindsTheWidget() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"result\":true,\"time\":{\"start\":1}}"));
        try (PortalClient client = TestPortals.client(TestPortals.oauth(server, "acc3ss", "r3fresh")).build()) {
            assertTrue(new PlacementBinder(client).bindCallCardWidget(HANDLER, "CallCard Companion"));
        }
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("/rest/placement.bind?auth=acc3ss", request.getPath());
        assertEquals("{\"PLACEMENT\":\"CALL_CARD\",\"HANDLER\":\"" + HANDLER + "\",\"TITLE\":\"CallCard Companion\"}",
                request.getBody().readUtf8());
    }

    @Test
    void aWebhookIsToldItNeedsAnApplication() {
        server.enqueue(new MockResponse().setResponseCode(403).setBody("{\"error\":\"WRONG_AUTH_TYPE\","
                + "\"error_description\":\"Current authorization type is denied for this method Application context "
                + "required\"}"));
        try (PortalClient client = TestPortals.client(TestPortals.webhook(server)).build()) {
            PortalException e = assertThrows(PortalException.class,
                    () -> new PlacementBinder(client).bindCallCardWidget(HANDLER, "CallCard Companion"));
            assertEquals(PortalError.WRONG_AUTH_TYPE, e.error());
            assertEquals(403, e.httpStatus());
            assertTrue(e.needsUserAction());
        }
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void localhostIsRefusedAsThePortalWould() {
        try (PortalClient client = TestPortals.client(TestPortals.webhook(server)).build()) {
            assertThrows(IllegalArgumentException.class, () -> new PlacementBinder(client)
                    .bindCallCardWidget("http://localhost:17117/widget/callcard", "CallCard Companion"));
        }
        assertEquals(0, server.getRequestCount());
    }
}
