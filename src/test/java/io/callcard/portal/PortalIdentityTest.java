package io.callcard.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The connection test's facts: user.current, and scope when the portal tells it. */
@Timeout(30)
class PortalIdentityTest {

    private final MockWebServer server = new MockWebServer();
    private PortalClient client;

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        client = TestPortals.client(TestPortals.webhook(server)).build();
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.shutdown();
    }

    @Test
    void userAndScopes() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"result\":{\"ID\":\"1269\",\"NAME\":\"Anna\",\"LAST_NAME\":"
                + "\"Ivanova\",\"SECOND_NAME\":\"\",\"EMAIL\":\"anna@example.com\"}}"));
        server.enqueue(new MockResponse().setBody("{\"result\":[\"crm\",\"telephony\",\"user\"]}"));

        PortalIdentity who = PortalIdentity.fetch(client);

        assertEquals(new PortalIdentity("127.0.0.1", "1269", "Anna Ivanova",
                Optional.of(List.of("crm", "telephony", "user"))), who);
    }

    @Test
    void aFailingScopeLeavesTheScopesUnknownAndANamelessUserShowsTheEmail() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"result\":{\"ID\":7,\"EMAIL\":\"agent@example.com\"}}"));
        server.enqueue(new MockResponse().setResponseCode(404)
                .setBody("{\"error\":\"ERROR_METHOD_NOT_FOUND\",\"error_description\":\"Method not found!\"}"));

        PortalIdentity who = PortalIdentity.fetch(client);

        assertEquals("7", who.userId());
        assertEquals("agent@example.com", who.userName());
        assertEquals(Optional.empty(), who.scopes());
    }

    @Test
    void aFailingUserCurrentIsTheAnswer() {
        server.enqueue(new MockResponse().setResponseCode(401)
                .setBody("{\"error\":\"NO_AUTH_FOUND\",\"error_description\":\"Wrong authorization data\"}"));

        assertEquals(PortalError.NO_AUTH_FOUND,
                assertThrows(PortalException.class, () -> PortalIdentity.fetch(client)).error());
        assertEquals(1, server.getRequestCount());
    }
}
