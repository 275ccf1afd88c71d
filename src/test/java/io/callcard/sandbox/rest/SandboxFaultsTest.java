package io.callcard.sandbox.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.testing.SlowTest;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fault switches, each turned on and off while the server runs. */
@SlowTest
class SandboxFaultsTest {

    private final RestClient client = new RestClient();
    private SandboxRestServer server;
    private String url;

    @BeforeEach
    void start() {
        server = SandboxRestServer.builder().start();
        url = server.webhookUrl() + "scope";
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void latencyDelaysEveryAnswer() throws Exception {
        server.faults().latency(Duration.ofMillis(300));
        long started = System.nanoTime();
        assertEquals(200, client.postJson(url, "{}").status());
        assertTrue(System.nanoTime() - started >= 300_000_000L);
        server.faults().clear();
        started = System.nanoTime();
        assertEquals(200, client.postJson(url, "{}").status());
        assertTrue(System.nanoTime() - started < 300_000_000L);
    }

    @Test
    void droppedConnectionsGetNoAnswerAtAll() throws Exception {
        server.faults().dropNextConnections(1);
        assertThrows(IOException.class, () -> client.postJson(url, "{}"));
        assertEquals(200, client.postJson(url, "{}").status());
    }

    @Test
    void aBurstOfServerErrorsThenNormalService() throws Exception {
        server.faults().serverErrorBurst(3);
        for (int i = 0; i < 3; i++) {
            RestClient.Answer answer = client.postJson(url, "{}");
            assertEquals(500, answer.status());
            assertEquals("{\"error\":\"INTERNAL_SERVER_ERROR\",\"error_description\":\"Internal server error\"}",
                    answer.text());
        }
        assertEquals(200, client.postJson(url, "{}").status());
    }

    @Test
    void aRateLimitStormRefusesEveryRequestUntilItEnds() throws Exception {
        server.faults().rateLimitStorm(true);
        for (int i = 0; i < 3; i++) {
            RestClient.Answer answer = client.postJson(url, "{}");
            assertEquals(503, answer.status());
            assertEquals("QUERY_LIMIT_EXCEEDED", answer.error());
        }
        server.faults().rateLimitStorm(false);
        assertEquals(200, client.postJson(url, "{}").status());
    }

    @Test
    void garbageBodiesAreHtmlWithHttp200() throws Exception {
        server.faults().garbageBodies(true);
        RestClient.Answer answer = client.postJson(url, "{}");
        assertEquals(200, answer.status());
        assertNull(answer.json(), "not JSON: " + answer.text());
        assertTrue(answer.text().contains("502 Bad Gateway"));
        server.faults().garbageBodies(false);
        assertEquals(200, client.postJson(url, "{}").status());
        assertEquals("crm", client.postJson(url, "{}").result().get(0).asText());
    }
}
