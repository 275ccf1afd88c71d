package io.callcard.portal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.InetAddress;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Everything the portal package logs, at its most talkative, holds no webhook code and no token. */
class PortalLogTest {

    private final Logger portalLog = (Logger) LoggerFactory.getLogger("io.callcard.portal");
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final MockWebServer server = new MockWebServer();
    private Level before;

    @BeforeEach
    void capture() throws IOException {
        before = portalLog.getLevel();
        portalLog.setLevel(Level.DEBUG);
        captured.start();
        portalLog.addAppender(captured);
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void release() throws IOException {
        portalLog.detachAppender(captured);
        portalLog.setLevel(before);
        server.shutdown();
    }

    @Test
    void noSecretReachesTheLog() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location",
                "/rest/1/" + TestPortals.CODE + "/user.current?auth=acc3ssToken"));
        server.enqueue(new MockResponse().setBody("{\"result\":true}"));
        server.enqueue(new MockResponse().setResponseCode(401).setBody(
                "{\"error\":\"NO_AUTH_FOUND\",\"error_description\":\"Wrong auth " + TestPortals.CODE + "\"}"));
        try (PortalClient client = TestPortals.client(TestPortals.webhook(server)).build()) {
            client.call("user.current", null);
            assertThrows(PortalException.class, () -> client.call("user.current", null));
        }
        assertFalse(captured.list.isEmpty(), "the package logged nothing at DEBUG");
        for (ILoggingEvent event : captured.list) {
            String line = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            assertFalse(line.contains(TestPortals.CODE), line);
            assertFalse(line.contains("acc3ssToken"), line);
        }
        assertTrue(captured.list.stream().anyMatch(e -> e.getFormattedMessage().contains("moved")));
    }
}
